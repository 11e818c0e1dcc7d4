import { NAV_GROUPS, type Area } from '../area';
import { AddOrganisationPage, EditOrganisationPage } from './OrganisationForm';
import { OrganisationPage } from './OrganisationPage';
import { OrganisationsPage } from './OrganisationsPage';
import { UnlinkedNamesPage } from './UnlinkedNamesPage';

/** The organisations the mutual deals with (issue 10): one list for contracts, interests, nominations and agenda items. */
export const organisationsArea: Area = {
  name: 'organisations',
  routes: [
    { path: '/organisations', Component: OrganisationsPage },
    { path: '/organisations/new', Component: AddOrganisationPage },
    { path: '/organisations/names', Component: UnlinkedNamesPage },
    { path: '/organisations/:id', Component: OrganisationPage },
    { path: '/organisations/:id/edit', Component: EditOrganisationPage },
  ],
  nav: [{ to: '/organisations', label: 'Organisations', group: NAV_GROUPS.contracts, order: 30 }],
};
