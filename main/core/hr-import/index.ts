import type { Area } from '../registry';
import { hrImportHandlers } from './handlers';

/** Importing the staff list from HR: read, match columns, plan, apply (a job on its own connection). */
export const hrImportArea: Area = { name: 'hr-import', handlers: [hrImportHandlers] };
