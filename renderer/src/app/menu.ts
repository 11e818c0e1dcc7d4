import type { RouteObject } from 'react-router';
import type { AppStatus } from '../../../shared/contract/app';
import type { Area, NavEntry } from '../features/area';

export interface MenuGroup {
  heading: string | undefined;
  entries: NavEntry[];
}

/** The main menu for this organisation: entries grouped under their headings, each list in order. */
export function buildMenu(areas: readonly Area[], status: AppStatus): MenuGroup[] {
  const byGroup = new Map<string, { order: number; group: MenuGroup }>();
  for (const entry of areas.flatMap((a) => a.nav)) {
    if (entry.shownWhen && !entry.shownWhen(status)) continue;
    const key = entry.group.heading ?? `#${entry.group.order}`;
    let slot = byGroup.get(key);
    if (!slot) {
      slot = { order: entry.group.order, group: { heading: entry.group.heading, entries: [] } };
      byGroup.set(key, slot);
    }
    slot.group.entries.push(entry);
  }
  return [...byGroup.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ group }) => ({ ...group, entries: group.entries.sort((a, b) => a.order - b.order) }));
}

/** Every area's routes in one list; a path claimed twice is a mistake in the registry. */
export function collectRoutes(areas: readonly Area[]): RouteObject[] {
  const seen = new Map<string, string>();
  for (const area of areas) {
    for (const route of area.routes) {
      if (!route.path) continue;
      const other = seen.get(route.path);
      if (other) throw new Error(`The path ${route.path} is claimed by both ${other} and ${area.name}.`);
      seen.set(route.path, area.name);
    }
  }
  return areas.flatMap((a) => a.routes);
}
