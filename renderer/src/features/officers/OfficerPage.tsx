import { PageHeader } from '../../ui/PageHeader';

// Placeholder while this area is built; replaced by its real page.
export function OfficerPage() {
  return (
    <div className="page">
      <PageHeader title="Officer" />
    </div>
  );
}
