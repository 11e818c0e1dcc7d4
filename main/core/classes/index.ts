import type { Area } from '../registry';
import { classHandlers } from './handlers';
import { classState } from './state';

/** Membership classes: who may join, their votes, eligibility and share terms. */
export const classesArea: Area = { name: 'classes', handlers: [classHandlers], stateReaders: [classState] };
