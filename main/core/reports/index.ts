import type { Area } from '../registry';
import { reportHandlers } from './handlers';

/** Governance reports (issue 11): the catalogue, building a report, the records behind a figure, and DOCX/XLSX/CSV. */
export const reportsArea: Area = { name: 'reports', handlers: [reportHandlers] };
