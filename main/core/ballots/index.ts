import type { Area } from '../registry';
import { ballotsHandlers } from './handlers';
import { ballotStateReaders } from './state';

/** Secret, verifiable ballots (issue 8; docs/ballot-protocol.md). */
export const ballotsArea: Area = { name: 'ballots', handlers: [ballotsHandlers], stateReaders: ballotStateReaders };
