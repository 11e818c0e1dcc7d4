import type { z } from 'zod';
import { mergeRegistries } from './method';
import { appMethods } from './app';
import { jobMethods } from './jobs';
import { uploadMethods } from './uploads';
import { organisationMethods } from './organisation';
import { rulesMethods } from './rules';
import { auditMethods } from './audit';
import { dataMethods } from './data';
import { classMethods } from './classes';
import { memberMethods } from './members';
import { shareMethods } from './shares';
import { officerMethods } from './officers';
import { interestMethods } from './interests';
import { pscMethods } from './psc';
import { filingMethods } from './filings';
import { inspectionMethods } from './inspections';
import { hrImportMethods } from './hr-import';
import { exportMethods } from './exports';
import { meetingMethods } from './meetings';
import { committeeMethods } from './committees';
import { decisionMethods } from './decisions';
import { minutesMethods } from './minutes';
import { actionMethods } from './actions';
import { writtenResolutionMethods } from './written-resolutions';
import { ballotMethods } from './ballots';
import { stationMethods } from './station';
import { contractReportMethods } from './contract-reports';
import { contractImportMethods } from './contract-import';
import { counterpartyMethods } from './counterparties';
import { contractMethods } from './contracts';
import { reportMethods } from './reports';
import { groupMethods } from './group';

/**
 * Every call the renderer can make, by globally unique name: one line per contract file, and a
 * name defined twice stops the app at start-up. The renderer's client and the core's dispatcher
 * are both derived from this one object.
 */
export const contract = mergeRegistries(
  'contract methods',
  appMethods,
  jobMethods,
  uploadMethods,
  organisationMethods,
  rulesMethods,
  auditMethods,
  dataMethods,
  classMethods,
  memberMethods,
  shareMethods,
  officerMethods,
  interestMethods,
  pscMethods,
  filingMethods,
  inspectionMethods,
  hrImportMethods,
  exportMethods,
  meetingMethods,
  committeeMethods,
  decisionMethods,
  minutesMethods,
  actionMethods,
  writtenResolutionMethods,
  ballotMethods,
  stationMethods,
  contractReportMethods,
  contractImportMethods,
  counterpartyMethods,
  contractMethods,
  reportMethods,
  groupMethods,
);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
/** Methods that start a long job, and the typed result of each one's job. */
export type JobMethodName = { [M in MethodName]: Contract[M] extends { jobResult: z.ZodType } ? M : never }[MethodName];
export type JobResult<M extends JobMethodName> = Contract[M] extends { jobResult: infer J extends z.ZodType } ? z.output<J> : never;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
