import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../shared/contract/index';
import type { StateReader } from './audit/state';
import { command, job, mutation, query, type AnyHandler } from './handler';
import { AREAS, buildRegistry, REGISTRY, type Area } from './registry';

const reader = (type: string): StateReader => ({ type, describe: async () => type, read: async () => new Map(), ids: async () => [] });

/** Every real handler, with one method replaced or removed. */
function areasWith(change: (handlers: Record<string, AnyHandler>) => void, extra: Area[] = []): Area[] {
  const all = Object.fromEntries(AREAS.flatMap((a) => a.handlers.flatMap((h) => Object.entries(h))));
  change(all);
  return [{ name: 'all', handlers: [all] }, ...extra];
}

describe('the core registry', () => {
  it('has exactly one handler for every contract method, of a kind that fits it', () => {
    expect(Object.keys(REGISTRY.handlers).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) {
      const h = REGISTRY.handlers[name];
      const spec = contract[name];
      if (h.kind === 'job') expect(spec.jobResult, name).toBeDefined();
      else expect(h.kind, name).toBe(spec.kind);
    }
  });

  it('refuses at start-up a method that two areas both handle, instead of letting the later one win', () => {
    const twice: Area = { name: 'again', handlers: [{ 'members.get': query(async () => null) }] };
    expect(() => buildRegistry([...AREAS, twice])).toThrow('Two handlers are named “members.get”');
  });

  it('refuses a contract method with no handler, and a handler with no contract entry', () => {
    expect(() => buildRegistry(areasWith((h) => delete h['members.cease']))).toThrow('members.cease has no handler');
    expect(() => buildRegistry(areasWith((h) => (h['members.explode'] = mutation(async () => null))))).toThrow('members.explode has a handler but no contract entry');
  });

  it('refuses a handler whose kind does not fit its contract entry', () => {
    expect(() => buildRegistry(areasWith((h) => (h['members.admit'] = query(async () => null))))).toThrow(
      'members.admit is a mutation in the contract but its handler is a query',
    );
    expect(() => buildRegistry(areasWith((h) => (h['members.get'] = command(async () => null))))).toThrow('members.get is a query in the contract but its handler is a command');
    expect(() => buildRegistry(areasWith((h) => (h['members.admit'] = job(async () => ({ jobId: 'x' })))))).toThrow('a job handler needs a jobResult');
  });

  it('refuses two state readers for one record type', () => {
    const dup: Area = { name: 'dup', handlers: [], stateReaders: [reader('member')] };
    expect(() => buildRegistry([...AREAS, dup])).toThrow('Two state readers are named “member”');
  });
});
