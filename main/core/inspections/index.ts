import type { Area } from '../registry';
import { inspectionHandlers } from './handlers';
import { inspectionState } from './state';

/** Requests to inspect or copy the register of members, and how each was met. */
export const inspectionsArea: Area = { name: 'inspections', handlers: [inspectionHandlers], stateReaders: [inspectionState] };
