import type { z } from 'zod';
import type { MethodSpec } from './method';
import { appMethods } from './app';
import { organisationMethods } from './organisation';
import { auditMethods } from './audit';
import { dataMethods } from './data';
import { jobMethods } from './jobs';
import { classMethods } from './classes';
import { memberMethods } from './members';
import { shareMethods } from './shares';
import { officerMethods } from './officers';
import { pscMethods } from './psc';
import { importMethods } from './imports';
import { exportMethods } from './exports';

/**
 * Every call the renderer can make, by globally unique name. The renderer's client and the
 * core's dispatcher are both derived from this one object.
 */
export const contract = {
  ...appMethods,
  ...organisationMethods,
  ...auditMethods,
  ...dataMethods,
  ...jobMethods,
  ...classMethods,
  ...memberMethods,
  ...shareMethods,
  ...officerMethods,
  ...pscMethods,
  ...importMethods,
  ...exportMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
