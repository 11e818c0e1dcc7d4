import type { Area } from '../registry';
import { appHandlers } from './handlers';

/** The app's own status: which organisation, which host, whether a job holds the file. */
export const appArea: Area = { name: 'app', handlers: [appHandlers] };
