import { PageHeader } from '../../ui/PageHeader';

// Placeholder while this area is built; replaced by its real page.
export function AdmitPage() {
  return (
    <div className="page">
      <PageHeader title="Admit a member" />
    </div>
  );
}
