import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createHashRouter, Navigate, Outlet, RouterProvider, useLocation, useMatches, useNavigate } from 'react-router';
import { ApiError, call, onOrganisationSwitched } from '../api/client';
import { useApiQuery } from '../api/queries';
import { Banner } from '../ui/Banner';
import { ToastProvider, useToast } from '../ui/Toasts';
import { forgetReportBuilds } from '../features/reports/report-builds';
import { AREAS } from '../features';
import type { RouteHandle } from '../features/area';
import { collectRoutes } from './menu';
import { RouteError } from './RouteError';
import { Shell } from './Shell';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, error) => !(error instanceof ApiError) && count < 2, refetchOnWindowFocus: false, staleTime: 0 },
  },
});

/**
 * Another window (a second browser tab) switched the file to another organisation: every cached
 * answer was for the one this window showed, so the cache is cleared and the home page opens for
 * the new one, saying why. Noticed when the host refuses a call made for the old organisation,
 * when app.status names another, and, for a window left idle, when it regains the focus.
 */
function useOrganisationWatch() {
  const navigate = useNavigate();
  const toast = useToast();
  useEffect(() => {
    const stop = onOrganisationSwitched((message) => {
      queryClient.clear();
      forgetReportBuilds();
      navigate('/');
      toast(message);
    });
    const look = () => void call('app.status', {}).catch(() => undefined);
    window.addEventListener('focus', look);
    return () => {
      stop();
      window.removeEventListener('focus', look);
    };
  }, [navigate, toast]);
}

/** Decides between first-run set-up and the app, and explains a missing session key. */
function Gate() {
  useOrganisationWatch();
  const status = useApiQuery('app.status', {}, { refetchInterval: (q) => (q.state.data?.busy || q.state.data?.integrity.state === 'checking' || q.state.data?.registers.state === 'checking' ? 1000 : false) });
  const location = useLocation();
  const matches = useMatches();
  if (status.error) return <Problem error={status.error} />;
  if (!status.data) return <p className="centre-page muted" role="status">Opening your records…</p>;
  const setUp = status.data.organisationName !== null;
  if (!setUp && location.pathname !== '/setup') return <Navigate to="/setup" replace />;
  if (setUp && location.pathname === '/setup') return <Navigate to="/" replace />;
  if (!setUp) return <Outlet />;
  // Printable views (saved as PDF) have no app chrome.
  if (matches.some((m) => (m.handle as RouteHandle | undefined)?.bare)) return <Outlet />;
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

// A page that fails to draw shows the app's own error page, never React Router's default (with
// the stack): inside the shell for a page's fault (the pathless route), or alone if the shell failed.
const router = createHashRouter([
  {
    element: <Gate />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [...collectRoutes(AREAS), { path: '*', element: <Navigate to="/" replace /> }],
      },
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
