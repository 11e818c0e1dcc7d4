import { NAV_GROUPS, type Area, type RouteHandle } from '../area';
import { AdmitPage } from './AdmitPage';
import { MemberPage } from './MemberPage';
import { RegisterPage } from './RegisterPage';
import { SubjectAccessPrint } from './SubjectAccessPrint';

const bare: RouteHandle = { bare: true };

export const membersArea: Area = {
  name: 'members',
  routes: [
    { path: '/register', Component: RegisterPage },
    { path: '/register/admit', Component: AdmitPage },
    { path: '/register/members/:id', Component: MemberPage },
    { path: '/print/subject-access/:id', Component: SubjectAccessPrint, handle: bare },
  ],
  nav: [{ to: '/register', label: 'Members', group: NAV_GROUPS.register, order: 0, end: true }],
};
