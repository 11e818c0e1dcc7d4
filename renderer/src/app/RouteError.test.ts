import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouteError } from './RouteError';

afterEach(() => vi.restoreAllMocks());

describe('a page that fails', () => {
  it('shows the app’s error banner and a link home, never the error or its stack', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Server rendering has no error boundaries, so the failure is raised where the router catches
    // it without one (a loader); the route shows its errorElement exactly as for a render error.
    const routes = [{ path: '/', loader: () => { throw new Error('secret stack detail at Broken (Broken.tsx:1:1)'); }, element: createElement('p', null, 'ORDINARY CONTENT'), errorElement: createElement(RouteError) }];
    const handler = createStaticHandler(routes);
    const context = await handler.query(new Request('http://localhost/'));
    if (context instanceof Response) throw new Error('unexpected redirect');
    const router = createStaticRouter(handler.dataRoutes, context);
    const html = renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
    expect(html).toContain('Something went wrong showing this page');
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<a[^>]*href="\/"[^>]*>Go to the home page<\/a>/);
    expect(html).not.toContain('secret stack detail');
    expect(html).not.toContain('ORDINARY CONTENT');
  });
});
