import { PageHeader } from '../../ui/PageHeader';

// Placeholder while this area is built; replaced by its real page.
export function PscPage() {
  return (
    <div className="page">
      <PageHeader title="People with significant control" />
    </div>
  );
}
