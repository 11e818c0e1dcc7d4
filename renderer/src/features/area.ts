import type { RouteObject } from 'react-router';
import type { AppStatus } from '../../../shared/contract/app';

/** A heading in the main menu; entries with the same group are listed together under it. */
export interface NavGroup {
  /** Shown above the group's entries; a group without one (Home, Settings) stands alone. */
  heading?: string;
  /** Groups are listed in ascending order. */
  order: number;
}

export const NAV_GROUPS = {
  start: { order: 0 },
  register: { heading: 'Register of members', order: 10 },
  board: { heading: 'Board', order: 20 },
  contracts: { heading: 'Contracts', order: 30 },
  end: { order: 90 },
} satisfies Record<string, NavGroup>;

/** One link in the main menu. */
export interface NavEntry {
  to: string;
  label: string;
  group: NavGroup;
  /** Position within the group, ascending. */
  order: number;
  /** Highlighted only on its own path, not on paths below it. */
  end?: boolean;
  /** Shown only when this holds (the PSC register is for companies only). */
  shownWhen?: (status: AppStatus) => boolean;
}

/** What a route can tell the app shell: print views are shown without the menu and top bar. */
export interface RouteHandle {
  bare?: boolean;
}

/** One area of the app: its screens and its place in the menu. Listed once in ./index.ts. */
export interface Area {
  name: string;
  routes: RouteObject[];
  nav: NavEntry[];
}
