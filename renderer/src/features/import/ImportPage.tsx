import { PageHeader } from '../../ui/PageHeader';

// Placeholder while this area is built; replaced by its real page.
export function ImportPage() {
  return (
    <div className="page">
      <PageHeader title="Import from HR" />
    </div>
  );
}
