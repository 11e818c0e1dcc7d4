import type { Area } from '../registry';
import { contractImportHandlers } from './handlers';

/** Importing a contracts spreadsheet (CSV or XLSX): read, match columns, plan, apply (a job on its own connection). */
export const contractImportArea: Area = { name: 'contract-import', handlers: [contractImportHandlers] };
