import { useEffect, useRef } from 'react';
import { Link, useRouteError } from 'react-router';
import { Banner } from '../ui/Banner';

/**
 * What a route shows when drawing it failed (a fault in the app, not in the records): a plain
 * banner and a way home, never React Router's default page with the stack. The error itself goes
 * to the developer console only. Nothing was saved or changed by the failure: changes are saved
 * only when a form is sent, and the core refuses any change it cannot audit.
 */
export function RouteError() {
  const error = useRouteError();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    console.error('A page could not be shown:', error);
    heading.current?.focus();
  }, [error]);
  return (
    <div className="page" data-testid="route-error">
      <h1 ref={heading} tabIndex={-1}>
        Sorry, there is a problem with this page
      </h1>
      <Banner tone="error" title="Something went wrong showing this page">
        <p>Your records are unchanged: nothing is saved until you send a form. Go back to the page you came from, or start again from the home page.</p>
      </Banner>
      <p>
        <Link to="/" reloadDocument={false}>
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
