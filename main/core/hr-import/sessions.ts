import type { CsvRow } from './csv';
import type { ImportPlanFull } from './plan';

/** A file that has been read and is waiting to be planned. */
export interface ImportSession {
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
 * Files read and plans made, held in memory between the steps of an import (nothing is written
 * to the database until a plan is applied). Kept for an hour, and only the latest few, since a
 * 100,000-row file and its plan take tens of megabytes. The HR import's plans by default; the
 * contracts import keeps its own plans in one of these too.
 */
export class ImportSessions<P extends { planId: string } = ImportPlanFull> {
  readonly #sessions = new Map<string, ImportSession>();
  readonly #plans = new Map<string, { plan: P; createdAt: number }>();

  addSession(s: ImportSession): void {
    this.#sweep();
    this.#sessions.set(s.importId, s);
    trim(this.#sessions);
  }

  session(importId: string): ImportSession | undefined {
    this.#sweep();
    return this.#sessions.get(importId);
  }

  addPlan(plan: P, now = Date.now()): void {
    this.#sweep();
    this.#plans.set(plan.planId, { plan, createdAt: now });
    trim(this.#plans);
  }

  plan(planId: string): P | undefined {
    this.#sweep();
    return this.#plans.get(planId)?.plan;
  }

  /** Plans checked and not yet applied or expired, newest first: alterations pending for the register (CA 2006 s120). */
  pendingPlans(): P[] {
    this.#sweep();
    return [...this.#plans.values()].sort((a, b) => b.createdAt - a.createdAt).map((p) => p.plan);
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

/**
 * One keeper of sessions per core: `make` is called the first time an owner (an object the core
 * holds once per open database) asks, and the same keeper is given to it after that.
 */
export function sessionsPerCore<S extends object>(make: () => S): (owner: object) => S {
  const byCore = new WeakMap<object, S>();
  return (owner) => {
    let s = byCore.get(owner);
    if (!s) {
      s = make();
      byCore.set(owner, s);
    }
    return s;
  };
}

/** The sessions of one core (one open database). */
export const importSessions: (owner: object) => ImportSessions = sessionsPerCore(() => new ImportSessions());
