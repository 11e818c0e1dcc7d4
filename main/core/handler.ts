import type { Contract, JobMethodName, JobResult, MethodName, MethodOutput, ParsedInput } from '../../shared/contract/index';
import type { CommandContext, JobStartContext, ReadContext, WriteContext } from './context';

/**
 * The four kinds of handler. Each is a wrapper the core runs differently, so a handler cannot
 * forget what its kind requires:
 * - `query` reads through a read-only handle;
 * - `mutation` runs in one transaction that commits only with an audit event for its change;
 * - `command` does work that changes no records (a backup, an upload), and may open a
 *   mutation with `ctx.write` when it must record something;
 * - `job` starts a long job whose result the contract types (`jobResult`).
 *
 * @example
 * export const classHandlers = defineHandlers('classes', {
 *   'classes.list': query(async (_input, ctx) => …),
 *   'classes.create': mutation(async (input, tx) => { …; tx.audit({ action: 'class.created', … }); return view; }),
 * });
 */
export interface QueryDef<I, O> {
  readonly kind: 'query';
  run(input: I, ctx: ReadContext): Promise<O>;
}
export interface MutationDef<I, O> {
  readonly kind: 'mutation';
  run(input: I, tx: WriteContext): Promise<O>;
}
export interface CommandDef<I, O> {
  readonly kind: 'command';
  run(input: I, ctx: CommandContext): Promise<O>;
}
export interface JobDef<I, R> {
  readonly kind: 'job';
  run(input: I, ctx: JobStartContext<R>): Promise<{ jobId: string }>;
}

export function query<I, O>(run: (input: I, ctx: ReadContext) => Promise<O>): QueryDef<I, O> {
  return { kind: 'query', run };
}
export function mutation<I, O>(run: (input: I, tx: WriteContext) => Promise<O>): MutationDef<I, O> {
  return { kind: 'mutation', run };
}
export function command<I, O>(run: (input: I, ctx: CommandContext) => Promise<O>): CommandDef<I, O> {
  return { kind: 'command', run };
}
export function job<I, R>(run: (input: I, ctx: JobStartContext<R>) => Promise<{ jobId: string }>): JobDef<I, R> {
  return { kind: 'job', run };
}

/** The handler a method must have, by its contract entry's kind and whether it starts a job. */
export type HandlerFor<M extends MethodName> = M extends JobMethodName
  ? JobDef<ParsedInput<M>, JobResult<M>>
  : Contract[M]['kind'] extends 'query'
    ? QueryDef<ParsedInput<M>, MethodOutput<M>>
    : Contract[M]['kind'] extends 'mutation'
      ? MutationDef<ParsedInput<M>, MethodOutput<M>>
      : CommandDef<ParsedInput<M>, MethodOutput<M>>;

export type AnyHandler = QueryDef<any, any> | MutationDef<any, any> | CommandDef<any, any> | JobDef<any, any>;

type MethodsOf<P extends string> = Extract<MethodName, `${P}.${string}`>;

/**
 * One area's handlers for one contract file: exactly its methods (the type requires every one),
 * each wrapped by its kind.
 */
export function defineHandlers<P extends string>(prefix: P, handlers: { [M in MethodsOf<P>]: HandlerFor<M> }): { [M in MethodsOf<P>]: HandlerFor<M> } {
  for (const name of Object.keys(handlers)) {
    if (!name.startsWith(`${prefix}.`)) throw new Error(`Handlers for “${prefix}” include “${name}”.`);
  }
  return handlers;
}
