import { PageHeader } from '../../ui/PageHeader';

// Placeholder while this area is built; replaced by its real page.
export function RemovalsPage() {
  return (
    <div className="page">
      <PageHeader title="Entries due for removal" />
    </div>
  );
}
