import type { Area } from '../registry';
import { dataHandlers } from './handlers';

/** The database file itself: where it is, backups, and restoring one. */
export const dataArea: Area = { name: 'data', handlers: [dataHandlers] };
