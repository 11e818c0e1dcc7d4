import type { z } from 'zod';

/**
 * One entry of the contract: what the renderer may call, what it must send, and what comes back.
 * `query` reads; `mutation` writes (and is refused while an exclusive job such as a restore
 * holds the database) — including reads that record a disclosure in the audit log (exports,
 * printing, subject access), since that record is a write too; `command` does work that changes no records (a backup, a check).
 */
export type MethodKind = 'query' | 'mutation' | 'command';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: MethodKind;
  summary: string;
  input: I;
  output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
