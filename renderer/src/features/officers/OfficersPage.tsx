import { PageHeader } from '../../ui/PageHeader';

// Placeholder while this area is built; replaced by its real page.
export function OfficersPage() {
  return (
    <div className="page">
      <PageHeader title="Directors and officers" />
    </div>
  );
}
