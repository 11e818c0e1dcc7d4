import { describe, expect, test } from 'vitest';
import type { RouteObject } from 'react-router';
import { collectRoutes } from '../app/menu';
import { AREAS } from '.';

function paths(routes: RouteObject[], prefix = ''): string[] {
  return routes.flatMap((r) => {
    const here = r.path ? (r.path.startsWith('/') ? r.path : `${prefix}/${r.path}`) : prefix;
    return [...(r.path ? [here] : []), ...paths(r.children ?? [], here)];
  });
}

describe('the registry of areas', () => {
  test('names each area once and claims each path once', () => {
    const names = AREAS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(() => collectRoutes(AREAS)).not.toThrow();
  });

  test('every menu entry leads to a screen of its own area', () => {
    for (const area of AREAS) {
      const own = paths(area.routes);
      for (const entry of area.nav) expect(own, `${area.name}: ${entry.to}`).toContain(entry.to);
    }
  });

  test('printable views are shown without the app’s menu', () => {
    const print = AREAS.flatMap((a) => a.routes).filter((r) => r.path?.startsWith('/print/'));
    expect(print.map((r) => r.path)).toEqual(['/print/subject-access/:id', '/print/register', '/print/member-index', '/print/officers', '/print/meetings/:id/notice', '/print/meetings/:id/agenda', '/print/ballots/:id/result']);
    for (const r of print) expect(r.handle).toEqual({ bare: true });
  });
});
