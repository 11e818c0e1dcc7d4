import type { Area } from '../registry';
import { jobHandlers, uploadHandlers } from './handlers';

/** Long jobs' progress, and files sent from the window in pieces. */
export const jobsArea: Area = { name: 'jobs', handlers: [jobHandlers, uploadHandlers] };
