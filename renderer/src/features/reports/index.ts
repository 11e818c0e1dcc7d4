import { NAV_GROUPS, type Area } from '../area';
import { ReportPage } from './ReportPage';
import { ReportsHome } from './ReportsHome';

/**
 * Governance reports (issue 11): the catalogue of the reports this organisation can produce, and
 * one page that produces any of them from its ReportDoc (the annual governance report, the AGM
 * pack, the CIC34, the society return, the EOT checks, the board effectiveness pack, the group
 * report) with its trace of every figure, print to PDF, DOCX, XLSX and each table's CSV.
 */
export const reportsArea: Area = {
  name: 'reports',
  routes: [
    { path: '/reports', Component: ReportsHome },
    { path: '/reports/:kind', Component: ReportPage },
  ],
  // Listed before Settings, on its own: reports draw on every area above.
  nav: [{ to: '/reports', label: 'Reports', group: NAV_GROUPS.end, order: -1 }],
};
