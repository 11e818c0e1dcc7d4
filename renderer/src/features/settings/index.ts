import { createElement } from 'react';
import { Navigate } from 'react-router';
import { NAV_GROUPS, type Area } from '../area';
import { AuditLogPage } from './AuditLogPage';
import { DataSettings } from './DataSettings';
import { OrganisationSettings } from './OrganisationSettings';
import { RulesSettings } from './RulesSettings';
import { SettingsLayout } from './SettingsLayout';

export const settingsArea: Area = {
  name: 'settings',
  routes: [
    {
      path: '/settings',
      Component: SettingsLayout,
      children: [
        { index: true, element: createElement(Navigate, { to: 'organisation', replace: true }) },
        { path: 'organisation', Component: OrganisationSettings },
        { path: 'rules', Component: RulesSettings },
        { path: 'data', Component: DataSettings },
        { path: 'audit', Component: AuditLogPage },
      ],
    },
  ],
  nav: [{ to: '/settings', label: 'Settings', group: NAV_GROUPS.end, order: 0 }],
};
