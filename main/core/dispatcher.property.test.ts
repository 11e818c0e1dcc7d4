import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/contract/index';
import { VALID_INPUTS } from './contract-samples';
import { contentDigest, openTestCore, setUpOrganisation, type TestCore } from './testing';

/**
 * Fuzzes the one way into the core: whatever a compromised renderer or a stray HTTP client
 * sends, input that fails the contract comes back as VALIDATION, never as INTERNAL or a
 * thrown error, and never changes a stored record.
 */

const VALID = VALID_INPUTS;

const RUNS = 60;
let t: TestCore;
let digest: string;
let changes: number;
const totalChanges = () => Number(t.core.raw.prepare('select total_changes()').pluck().get());

beforeAll(async () => {
  t = await openTestCore();
  await setUpOrganisation(t.core);
  digest = contentDigest(t.core.raw);
  changes = totalChanges();
});
afterAll(async () => {
  await t.cleanup();
});

function failsSchema(method: MethodName, input: unknown): boolean {
  try {
    return !contract[method].input.safeParse(input).success;
  } catch {
    // A schema that throws must still be answered with VALIDATION; keep the case.
    return true;
  }
}

type Path = (string | number)[];
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

type Edit = { kind: 'replace'; with: unknown } | { kind: 'delete' } | { kind: 'extra'; key: string; value: unknown };
function applyEdit(valid: unknown, path: Path, edit: Edit): unknown {
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  if (path.length === 0) {
    if (edit.kind === 'replace') return edit.with;
    if (edit.kind === 'extra' && copy !== null && typeof copy === 'object') return { ...copy, [edit.key]: edit.value };
    return undefined;
  }
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (edit.kind === 'replace') parent[last] = edit.with;
  else if (edit.kind === 'delete') delete parent[last];
  // An array gets an extra element (a key on an array is lost in JSON, and 'length' set to a random value throws).
  else if (Array.isArray(parent[last])) (parent[last] as unknown[]).push(edit.value);
  else if (parent[last] !== null && typeof parent[last] === 'object') (parent[last] as Record<string, unknown>)[edit.key] = edit.value;
  else parent[last] = { [edit.key]: edit.value };
  return copy;
}

/** Wrong types and shapes that still look like plausible requests. */
const wrongValue = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, NaN, Infinity, '', ' ', '0', [], {}, 'DROP TABLE organisation', '2026-02-30'),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.anything(),
);

function mutationOf(method: MethodName): fc.Arbitrary<unknown> {
  const valid = VALID[method];
  const paths = pathsOf(valid);
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    wrongValue.map((w) => ({ kind: 'replace' as const, with: w })),
    fc.constant({ kind: 'delete' as const }),
    fc.record({ kind: fc.constant('extra' as const), key: fc.string({ minLength: 1, maxLength: 12 }), value: fc.anything() }),
  );
  return fc.tuple(fc.nat(paths.length - 1), edit).map(([i, e]) => applyEdit(valid, paths[i]!, e));
}

const shapes: [string, (m: MethodName) => fc.Arbitrary<unknown>][] = [
  ['anything', () => fc.anything()],
  ['any JSON value', () => fc.jsonValue()],
  ['an object with random keys', () => fc.dictionary(fc.string({ maxLength: 20 }), fc.anything(), { minKeys: 1, maxKeys: 6 })],
  ['a valid input with one part wrong', mutationOf],
];

describe('dispatch with input that fails the contract', () => {
  it('has a valid sample for every method, so mutations start from something acceptable', () => {
    for (const m of METHOD_NAMES) {
      expect(contract[m].input.safeParse(VALID[m]).success, `${m} sample`).toBe(true);
    }
  });

  for (const method of METHOD_NAMES) {
    it(`answers ${method} with VALIDATION and changes nothing`, async () => {
      for (const [label, shape] of shapes) {
        await fc.assert(
          fc.asyncProperty(
            shape(method).filter((input) => failsSchema(method, input)),
            async (input) => {
              let result;
              try {
                result = await t.core.dispatch(method, input);
              } catch (e) {
                throw new Error(`${method} threw for ${label}: ${String(e)}`, { cause: e });
              }
              expect(result.ok).toBe(false);
              if (result.ok) return;
              expect(result.error.code).toBe('VALIDATION');
              expect(result.error.message.length).toBeGreaterThan(0);
              expect(result.error.message).not.toMatch(/\n\s+at |SQLITE|sqlite_/);
              for (const m of Object.values(result.error.fieldErrors ?? {})) expect(typeof m).toBe('string');
              // total_changes() counts every row this connection wrote: a cheap exact check per
              // run; the full content digest follows once per method.
              expect(totalChanges()).toBe(changes);
            },
          ),
          { numRuns: RUNS },
        );
      }
      expect(contentDigest(t.core.raw)).toBe(digest);
    });
  }
});

describe('dispatch with an unknown method', () => {
  it('answers NOT_FOUND for names outside the contract, including inherited property names', async () => {
    const names = fc.oneof(
      fc.string().filter((s) => !(METHOD_NAMES as string[]).includes(s)),
      fc.constantFrom('toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'organisation', 'organisation.setup', 'app.status '),
    );
    await fc.assert(
      fc.asyncProperty(names, fc.anything(), async (name, input) => {
        const result = await t.core.dispatch(name, input);
        expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }),
      { numRuns: 100 },
    );
    expect(contentDigest(t.core.raw)).toBe(digest);
  });

  it('answers NOT_FOUND when the method is not a string at all', async () => {
    for (const bad of [undefined, null, 42, {}, ['app.status'], Symbol('app.status')]) {
      const result = await t.core.dispatch(bad as unknown as string, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });
});
