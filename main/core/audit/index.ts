import type { Area } from '../registry';
import { auditHandlers } from './handlers';

/** Reading the audit log, and verifying it (the chain, the file, and the registers against it). */
export const auditArea: Area = { name: 'audit', handlers: [auditHandlers] };
