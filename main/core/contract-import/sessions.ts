import { ImportSessions, sessionsPerCore, type ImportSession } from '../hr-import/sessions';
import type { ContractImportPlanFull } from './plan';

/** A contracts spreadsheet that has been read and is waiting to be planned (the HR import's kind of session). */
export type ContractImportSession = ImportSession;

/** Files read and plans made between the steps of a contracts import, kept as the HR import keeps its own. */
export class ContractImportSessions extends ImportSessions<ContractImportPlanFull> {}

/** The sessions of one core (keyed by its upload store, one per open database). */
export const contractImportSessions: (owner: object) => ContractImportSessions = sessionsPerCore(() => new ContractImportSessions());
