import { PageHeader } from '../../ui/PageHeader';

// Placeholder while this area is built; replaced by its real page.
export function RegisterPage() {
  return (
    <div className="page">
      <PageHeader title="Register of members" />
    </div>
  );
}
