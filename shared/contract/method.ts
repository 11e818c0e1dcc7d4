import type { z } from 'zod';

/**
 * One entry of the contract: what the renderer may call, what it must send, and what comes back.
 * `query` reads; `mutation` writes (and is refused while an exclusive job such as a restore
 * holds the database), including reads that record a disclosure in the audit log (exports,
 * printing, subject access), since that record is a write too; `command` does work that changes
 * no records (a backup, a check, a file upload).
 */
export type MethodKind = 'query' | 'mutation' | 'command';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, J extends z.ZodType | undefined = z.ZodType | undefined, K extends MethodKind = MethodKind> {
  kind: K;
  summary: string;
  input: I;
  output: O;
  /**
   * For a method that starts a long job: the schema of the job's result. The core checks the
   * result against it when the job ends, and the renderer's `useJob` reads it typed.
   */
  jobResult?: J;
}

export function method<K extends MethodKind, I extends z.ZodType, O extends z.ZodType, J extends z.ZodType>(
  spec: MethodSpec<I, O, J, K> & { jobResult: J },
): MethodSpec<I, O, J, K> & { jobResult: J };
export function method<K extends MethodKind, I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O, undefined, K>): MethodSpec<I, O, undefined, K>;
export function method(spec: MethodSpec): MethodSpec {
  return spec;
}

/**
 * The methods of one contract file. Every name must start with the file's prefix
 * (`defineMethods('members', { 'members.admit': … })`), so a method is found by its name alone.
 */
export function defineMethods<P extends string, T extends Record<`${P}.${string}`, MethodSpec>>(prefix: P, methods: T): T {
  for (const name of Object.keys(methods)) {
    if (!name.startsWith(`${prefix}.`) || name.length === prefix.length + 1 || name.slice(prefix.length + 1).includes('.')) {
      throw new Error(`Contract file for “${prefix}” defines “${name}”: every method in it must be named ${prefix}.<action>.`);
    }
  }
  return methods;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * Merges named registries (contract files, handler sets) into one object and refuses a name that
 * two of them define: with object spread the later one would silently win.
 */
export function mergeRegistries<T extends readonly Record<string, unknown>[]>(what: string, ...parts: T): UnionToIntersection<T[number]> {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.prototype.hasOwnProperty.call(out, name)) throw new Error(`Two ${what} are named “${name}”; each name must be unique.`);
      out[name] = value;
    }
  }
  return out as UnionToIntersection<T[number]>;
}
