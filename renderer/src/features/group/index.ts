import { createElement } from 'react';
import type { Area } from '../area';
import { SettingsLayout } from '../settings/SettingsLayout';
import { GroupPage } from './GroupPage';

/**
 * Group structures (issue 11): Settings › Group, the organisations this file keeps and how they
 * relate. Its route sits under the Settings layout (the Settings entry in the menu leads here
 * through the layout's own tabs); the organisation switcher is in the top bar (OrganisationSwitcher).
 */
export const groupArea: Area = {
  name: 'group',
  routes: [{ path: '/settings/group', Component: SettingsLayout, children: [{ index: true, element: createElement(GroupPage) }] }],
  nav: [],
};
