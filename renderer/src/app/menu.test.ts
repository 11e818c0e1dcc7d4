import { describe, expect, test } from 'vitest';
import type { AppStatus } from '../../../shared/contract/app';
import { NAV_GROUPS, type Area } from '../features/area';
import { buildMenu, collectRoutes } from './menu';

const status = (legalFamily: 'company' | 'society') => ({ legalFamily }) as AppStatus;

const areas: Area[] = [
  { name: 'settings', routes: [{ path: '/settings' }], nav: [{ to: '/settings', label: 'Settings', group: NAV_GROUPS.end, order: 0 }] },
  { name: 'psc', routes: [{ path: '/psc' }], nav: [{ to: '/psc', label: 'PSC', group: NAV_GROUPS.board, order: 10, shownWhen: (s) => s.legalFamily === 'company' }] },
  { name: 'classes', routes: [{ path: '/register/classes' }], nav: [{ to: '/register/classes', label: 'Classes', group: NAV_GROUPS.register, order: 10 }] },
  { name: 'members', routes: [{ path: '/register' }], nav: [{ to: '/register', label: 'Members', group: NAV_GROUPS.register, order: 0 }] },
  { name: 'home', routes: [{ path: '/' }], nav: [{ to: '/', label: 'Home', group: NAV_GROUPS.start, order: 0 }] },
  { name: 'officers', routes: [{ path: '/officers' }], nav: [{ to: '/officers', label: 'Officers', group: NAV_GROUPS.board, order: 0 }] },
];

describe('the main menu', () => {
  test('lists groups and entries in their declared order, whatever the registry order', () => {
    const menu = buildMenu(areas, status('company'));
    expect(menu.map((g) => [g.heading, g.entries.map((e) => e.label)])).toEqual([
      [undefined, ['Home']],
      ['Register of members', ['Members', 'Classes']],
      ['Board', ['Officers', 'PSC']],
      [undefined, ['Settings']],
    ]);
  });

  test('leaves out entries whose condition fails (no PSC register for a society)', () => {
    const board = buildMenu(areas, status('society')).find((g) => g.heading === 'Board');
    expect(board?.entries.map((e) => e.label)).toEqual(['Officers']);
  });
});

describe('the routes', () => {
  test('refuses a path claimed by two areas', () => {
    const twice: Area[] = [...areas, { name: 'other', routes: [{ path: '/psc' }], nav: [] }];
    expect(() => collectRoutes(twice)).toThrow('The path /psc is claimed by both psc and other.');
  });
});
