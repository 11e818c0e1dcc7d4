import type { Area } from '../registry';
import { exportsHandlers } from './handlers';

/** Copies of the registers: CSV, XLSX and printable (PDF) views, each carrying the audit fingerprint. */
export const exportsArea: Area = { name: 'exports', handlers: [exportsHandlers] };
