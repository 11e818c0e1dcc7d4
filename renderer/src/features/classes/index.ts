import { NAV_GROUPS, type Area } from '../area';
import { ClassesPage } from './ClassesPage';

export const classesArea: Area = {
  name: 'classes',
  routes: [{ path: '/register/classes', Component: ClassesPage }],
  nav: [{ to: '/register/classes', label: 'Membership classes', group: NAV_GROUPS.register, order: 10 }],
};
