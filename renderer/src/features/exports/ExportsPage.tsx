import { PageHeader } from '../../ui/PageHeader';

// Placeholder while this area is built; replaced by its real page.
export function ExportsPage() {
  return (
    <div className="page">
      <PageHeader title="Exports and inspection" />
    </div>
  );
}
