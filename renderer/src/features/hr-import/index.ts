import { NAV_GROUPS, type Area } from '../area';
import { ImportPage } from './ImportPage';

export const hrImportArea: Area = {
  name: 'hr-import',
  routes: [{ path: '/register/import', Component: ImportPage }],
  nav: [{ to: '/register/import', label: 'Import from HR', group: NAV_GROUPS.register, order: 20 }],
};
