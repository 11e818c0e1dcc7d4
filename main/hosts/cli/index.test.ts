import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { CliError, type CliCommand, type CliIO } from './command';
import { CLI_LOG, main } from './index';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

function command(run: () => Promise<number>): CliCommand {
  return { name: 'try', summary: 'Try something.', flags: [], load: async () => run };
}

describe('main', () => {
  it('returns the command’s own exit code', async () => {
    const io = capture();
    expect(await main(['try'], io, [command(async () => 0)])).toBe(0);
    expect(await main(['try'], io, [command(async () => 1)])).toBe(1);
    expect(io.stderr).toEqual([]);
  });

  it('prints a refusal as one line on stderr and exits 1', async () => {
    for (const error of [new CliError('The file is missing.'), new AppError('CONFLICT', 'The database is in use\n  by another program.')]) {
      const io = capture();
      expect(await main(['try'], io, [command(() => Promise.reject(error))])).toBe(1);
      expect(io.stderr).toEqual([error instanceof CliError ? 'The file is missing.' : 'The database is in use by another program.']);
      expect(io.stdout).toEqual([]);
    }
  });

  it('prints an unexpected error as one line with a reference, and logs the stack under it', async () => {
    const io = capture();
    const code = await main(['try'], io, [command(() => Promise.reject(new TypeError('cannot read properties of undefined (secret detail)')))]);
    expect(code).toBe(1);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/^try stopped because of an unexpected problem \(reference [0-9a-f]{6}; details in .+\)\.$/);
    expect(io.stderr[0]).not.toContain('secret detail');
    const ref = /reference ([0-9a-f]{6})/.exec(io.stderr[0]!)![1]!;
    const log = readFileSync(CLI_LOG, 'utf8');
    expect(log).toContain(`${ref} try`);
    expect(log.slice(log.indexOf(ref))).toMatch(/TypeError: cannot read properties of undefined \(secret detail\)\n\s+at /);
  });

  it('prints usage for a mistake on stderr and exits 1', async () => {
    const io = capture();
    expect(await main(['tyr'], io, [command(async () => 0)])).toBe(1);
    expect(io.stderr[0]).toBe('There is no command called “tyr”.');
    expect(io.stderr[1]).toMatch(/^Mutual Governance: command line tools/);
  });

  it('points to the command’s help for a mistake in its options', async () => {
    const io = capture();
    expect(await main(['try', '--db', 'x'], io, [command(async () => 0)])).toBe(1);
    expect(io.stderr).toEqual(['Unknown option --db for try; it takes no options.', 'Run `npm run cli -- help try` for its options.']);
  });

  it('prints help on stdout and exits 0 without loading any command', async () => {
    const io = capture();
    let loaded = false;
    const lazy: CliCommand = { name: 'try', summary: 'Try something.', flags: [], load: async () => ((loaded = true), async () => 0) };
    expect(await main([], io, [lazy])).toBe(0);
    expect(await main(['help', 'try'], io, [lazy])).toBe(0);
    expect(io.stdout.join('\n')).toContain('Usage: npm run cli -- try');
    expect(loaded).toBe(false);
  });
});
