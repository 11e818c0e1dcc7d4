import { contract, METHOD_NAMES, type MethodName } from '../../shared/contract/index';
import { mergeRegistries } from '../../shared/contract/method';
import type { StateReader, StateReaders } from './audit/state';
import type { AnyHandler, HandlerFor } from './handler';
import { appArea } from './app/index';
import { jobsArea } from './jobs/index';
import { organisationArea } from './organisation/index';
import { auditArea } from './audit/index';
import { dataArea } from './data/index';
import { classesArea } from './classes/index';
import { membersArea } from './members/index';
import { sharesArea } from './shares/index';
import { officersArea } from './officers/index';
import { interestsArea } from './interests/index';
import { pscArea } from './psc/index';
import { filingsArea } from './filings/index';
import { inspectionsArea } from './inspections/index';
import { hrImportArea } from './hr-import/index';
import { exportsArea } from './exports/index';
import { documentsArea } from './documents/index';
import { meetingsArea } from './meetings/index';
import { decisionsArea } from './decisions/index';
import { actionsArea } from './actions/index';
import { writtenResolutionsArea } from './written-resolutions/index';
import { ballotsArea } from './ballots/index';
import { minutesArea } from './minutes/index';
import { stationArea } from './station/index';
import { contractReportsArea } from './contracts/reports/index';
import { contractImportArea } from './contract-import/index';
import { counterpartiesArea } from './counterparties/index';
import { contractsArea } from './contracts/index';
import { reportsArea } from './reports/index';
import { groupArea } from './group/index';

/** One area of the app as the core sees it: its handlers, and how to read its records' states. */
export interface Area {
  readonly name: string;
  readonly handlers: readonly Record<string, AnyHandler>[];
  readonly stateReaders?: readonly StateReader[];
}

/** Every area, one line each. Adding an area = a folder in main/core and a line here. */
export const AREAS: readonly Area[] = [
  appArea,
  jobsArea,
  organisationArea,
  auditArea,
  dataArea,
  classesArea,
  membersArea,
  sharesArea,
  officersArea,
  interestsArea,
  pscArea,
  filingsArea,
  inspectionsArea,
  hrImportArea,
  exportsArea,
  documentsArea,
  meetingsArea,
  decisionsArea,
  actionsArea,
  writtenResolutionsArea,
  ballotsArea,
  minutesArea,
  stationArea,
  contractReportsArea,
  contractImportArea,
  counterpartiesArea,
  contractsArea,
  reportsArea,
  groupArea,
];

export interface Registry {
  readonly handlers: { readonly [M in MethodName]: HandlerFor<M> & AnyHandler };
  readonly readers: StateReaders;
}

const KIND_FITS: Record<AnyHandler['kind'], readonly string[]> = {
  query: ['query'],
  mutation: ['mutation'],
  command: ['command'],
  job: ['command', 'mutation'],
};

/**
 * Merges the areas' handlers and state readers, refusing at start-up (not at the first call) a
 * method or record type defined twice, a contract method with no handler, a handler with no
 * contract entry, and a handler whose kind does not fit its contract entry.
 */
export function buildRegistry(areas: readonly Area[]): Registry {
  const handlers = mergeRegistries('handlers', ...areas.flatMap((a) => a.handlers)) as Record<string, AnyHandler>;
  const problems: string[] = [];
  for (const name of METHOD_NAMES) {
    const h = handlers[name];
    if (!h) {
      problems.push(`${name} has no handler`);
      continue;
    }
    const spec = contract[name];
    if (!KIND_FITS[h.kind].includes(spec.kind)) problems.push(`${name} is a ${spec.kind} in the contract but its handler is a ${h.kind}`);
    if ((h.kind === 'job') !== (spec.jobResult !== undefined)) problems.push(`${name}: a job handler needs a jobResult in the contract, and only a job handler has one`);
  }
  for (const name of Object.keys(handlers)) if (!(name in contract)) problems.push(`${name} has a handler but no contract entry`);
  if (problems.length > 0) throw new Error(`The core's registry is inconsistent: ${problems.join('; ')}.`);

  const readers = new Map<string, StateReader>();
  for (const reader of areas.flatMap((a) => a.stateReaders ?? [])) {
    if (readers.has(reader.type)) throw new Error(`Two state readers are named “${reader.type}”; each record type must have one.`);
    readers.set(reader.type, reader);
  }
  return { handlers: handlers as unknown as Registry['handlers'], readers };
}

export const REGISTRY = buildRegistry(AREAS);
