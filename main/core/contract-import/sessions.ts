import type { CsvRow } from '../hr-import/csv';
import type { ContractImportPlanFull } from './plan';

/** A contracts spreadsheet that has been read and is waiting to be planned. */
export interface ContractImportSession {
  importId: string;
  organisationId: string;
  fileName: string;
  sha256: string;
  headers: string[];
  rows: CsvRow[];
  createdAt: number;
}

const KEEP_MS = 60 * 60 * 1000;
const KEEP_AT_MOST = 3;

/**
 * Files read and plans made, held in memory between the steps of a contracts import (nothing
 * is written to the database until a plan is applied). Kept for an hour, the latest few only.
 */
export class ContractImportSessions {
  readonly #sessions = new Map<string, ContractImportSession>();
  readonly #plans = new Map<string, { plan: ContractImportPlanFull; createdAt: number }>();

  addSession(s: ContractImportSession): void {
    this.#sweep();
    this.#sessions.set(s.importId, s);
    trim(this.#sessions);
  }

  session(importId: string): ContractImportSession | undefined {
    this.#sweep();
    return this.#sessions.get(importId);
  }

  addPlan(plan: ContractImportPlanFull, now = Date.now()): void {
    this.#sweep();
    this.#plans.set(plan.planId, { plan, createdAt: now });
    trim(this.#plans);
  }

  plan(planId: string): ContractImportPlanFull | undefined {
    this.#sweep();
    return this.#plans.get(planId)?.plan;
  }

  dropPlan(planId: string): void {
    this.#plans.delete(planId);
  }

  #sweep(): void {
    const cutoff = Date.now() - KEEP_MS;
    for (const [id, s] of this.#sessions) if (s.createdAt < cutoff) this.#sessions.delete(id);
    for (const [id, p] of this.#plans) if (p.createdAt < cutoff) this.#plans.delete(id);
  }
}

function trim<V>(map: Map<string, V>): void {
  while (map.size > KEEP_AT_MOST) map.delete(map.keys().next().value!);
}

const byCore = new WeakMap<object, ContractImportSessions>();

/** The sessions of one core (keyed by its upload store, one per open database). */
export function contractImportSessions(owner: object): ContractImportSessions {
  let s = byCore.get(owner);
  if (!s) {
    s = new ContractImportSessions();
    byCore.set(owner, s);
  }
  return s;
}
