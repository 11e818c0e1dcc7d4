import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createHashRouter, Navigate, Outlet, RouterProvider, useLocation } from 'react-router';
import { ApiError } from '../api/client';
import { useApiQuery } from '../api/queries';
import { Banner } from '../ui/Banner';
import { ToastProvider } from '../ui/Toasts';
import { HomePage } from '../features/home/HomePage';
import { SetupPage } from '../features/setup/SetupPage';
import { SettingsLayout } from '../features/settings/SettingsLayout';
import { OrganisationSettings } from '../features/settings/OrganisationSettings';
import { RulesSettings } from '../features/settings/RulesSettings';
import { DataSettings } from '../features/settings/DataSettings';
import { AuditLogPage } from '../features/settings/AuditLogPage';
import { RegisterPage } from '../features/register/RegisterPage';
import { AdmitPage } from '../features/register/AdmitPage';
import { MemberPage } from '../features/register/MemberPage';
import { ClassesPage } from '../features/classes/ClassesPage';
import { ImportPage } from '../features/import/ImportPage';
import { ExportsPage } from '../features/exports/ExportsPage';
import { RemovalsPage } from '../features/exports/RemovalsPage';
import { OfficersPage } from '../features/officers/OfficersPage';
import { OfficerPage } from '../features/officers/OfficerPage';
import { AddOfficerPage } from '../features/officers/AddOfficerPage';
import { EditOfficerPage } from '../features/officers/EditOfficerPage';
import { PscPage } from '../features/psc/PscPage';
import { RegisterPrint } from '../features/print/RegisterPrint';
import { OfficersPrint } from '../features/print/OfficersPrint';
import { SubjectAccessPrint } from '../features/print/SubjectAccessPrint';
import { Shell } from './Shell';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, error) => !(error instanceof ApiError) && count < 2, refetchOnWindowFocus: false, staleTime: 0 },
  },
});

/** Decides between first-run set-up and the app, and explains a missing session key. */
function Gate() {
  const status = useApiQuery('app.status', {}, { refetchInterval: (q) => (q.state.data?.busy || q.state.data?.integrity.state === 'checking' ? 1000 : false) });
  const location = useLocation();
  if (status.error) return <Problem error={status.error} />;
  if (!status.data) return <p className="centre-page muted" role="status">Opening your records…</p>;
  const setUp = status.data.organisationName !== null;
  if (!setUp && location.pathname !== '/setup') return <Navigate to="/setup" replace />;
  if (setUp && location.pathname === '/setup') return <Navigate to="/" replace />;
  if (!setUp) return <Outlet />;
  // Printable views (saved as PDF from the print dialog) have no app chrome.
  if (location.pathname.startsWith('/print/')) return <Outlet />;
  return <Shell status={status.data} />;
}

function Problem({ error }: { error: ApiError }) {
  if (error.code === 'SESSION') {
    return (
      <div className="centre-page">
        <h1>Open the app from its own link</h1>
        <p>
          For your records’ safety this page needs the address that was printed when Mutual Governance started (it carries a one-time key). Go
          back to the terminal where you ran <code>npm start</code> and open the address shown there.
        </p>
      </div>
    );
  }
  return (
    <div className="centre-page">
      <Banner tone="error" title="Your records could not be opened">
        <p>{error.message}</p>
      </Banner>
    </div>
  );
}

const router = createHashRouter([
  {
    element: <Gate />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/', element: <HomePage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/register/admit', element: <AdmitPage /> },
      { path: '/register/members/:id', element: <MemberPage /> },
      { path: '/register/classes', element: <ClassesPage /> },
      { path: '/register/import', element: <ImportPage /> },
      { path: '/register/exports', element: <ExportsPage /> },
      { path: '/register/removals', element: <RemovalsPage /> },
      { path: '/officers', element: <OfficersPage /> },
      { path: '/officers/new', element: <AddOfficerPage /> },
      { path: '/officers/:id', element: <OfficerPage /> },
      { path: '/officers/:id/edit', element: <EditOfficerPage /> },
      { path: '/psc', element: <PscPage /> },
      { path: '/print/register', element: <RegisterPrint /> },
      { path: '/print/officers', element: <OfficersPrint /> },
      { path: '/print/subject-access/:id', element: <SubjectAccessPrint /> },
      {
        path: '/settings',
        element: <SettingsLayout />,
        children: [
          { index: true, element: <Navigate to="organisation" replace /> },
          { path: 'organisation', element: <OrganisationSettings /> },
          { path: 'rules', element: <RulesSettings /> },
          { path: 'data', element: <DataSettings /> },
          { path: 'audit', element: <AuditLogPage /> },
        ],
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  );
}
