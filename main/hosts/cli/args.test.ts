import { describe, expect, it } from 'vitest';
import { parseCommandLine, usage, type CommandSpec } from './args';
import { COMMANDS } from './commands';

const SPECS: CommandSpec[] = [
  {
    name: 'backup',
    summary: 'Copy a database.',
    flags: [
      { name: 'db', value: 'FILE', required: true, description: 'The database.' },
      { name: 'out', value: 'FILE', required: true, description: 'The copy.' },
    ],
  },
  {
    name: 'sample',
    summary: 'Fill a database with sample records.',
    flags: [
      { name: 'db', value: 'FILE', required: true, description: 'The database.' },
      { name: 'members', value: 'N', required: false, description: 'How many members.' },
    ],
  },
  { name: 'status', summary: 'Say hello.', flags: [] },
];
const parse = (...argv: string[]) => parseCommandLine(argv, SPECS);

describe('parseCommandLine', () => {
  it('asks for help when there are no arguments, or when asked', () => {
    expect(parse()).toEqual({ ok: true, kind: 'help', command: null });
    expect(parse('help')).toEqual({ ok: true, kind: 'help', command: null });
    expect(parse('--help')).toEqual({ ok: true, kind: 'help', command: null });
    expect(parse('-h')).toEqual({ ok: true, kind: 'help', command: null });
  });

  it('gives help on one command by name or by --help after it', () => {
    expect(parse('help', 'backup')).toEqual({ ok: true, kind: 'help', command: 'backup' });
    expect(parse('backup', '--help')).toEqual({ ok: true, kind: 'help', command: 'backup' });
    expect(parse('backup', '--db', 'x', '-h')).toEqual({ ok: true, kind: 'help', command: 'backup' });
  });

  it('refuses help on a command that does not exist', () => {
    expect(parse('help', 'frobnicate')).toEqual({ ok: false, message: 'There is no command called “frobnicate”.', command: null });
  });

  it('reads flags written with a space or with =', () => {
    expect(parse('backup', '--db', 'live.sqlite', '--out=copy of live.sqlite')).toEqual({
      ok: true,
      kind: 'run',
      command: 'backup',
      flags: { db: 'live.sqlite', out: 'copy of live.sqlite' },
    });
  });

  it('keeps an = inside the value', () => {
    expect(parse('backup', '--db=a=b.sqlite', '--out', 'c.sqlite')).toMatchObject({ flags: { db: 'a=b.sqlite', out: 'c.sqlite' } });
  });

  it('accepts a value that starts with a single dash', () => {
    expect(parse('backup', '--db', '-odd.sqlite', '--out', 'c.sqlite')).toMatchObject({ ok: true, flags: { db: '-odd.sqlite' } });
  });

  it('leaves out optional flags that were not given', () => {
    expect(parse('sample', '--db', 'x.sqlite')).toEqual({ ok: true, kind: 'run', command: 'sample', flags: { db: 'x.sqlite' } });
  });

  it('runs a command that takes no flags', () => {
    expect(parse('status')).toEqual({ ok: true, kind: 'run', command: 'status', flags: {} });
  });

  it('refuses an unknown command', () => {
    expect(parse('frobnicate', '--db', 'x')).toEqual({ ok: false, message: 'There is no command called “frobnicate”.', command: null });
  });

  it('asks for the command first when an option comes first', () => {
    expect(parse('--db', 'x', 'backup')).toMatchObject({ ok: false, message: 'Put the command first, then its options.' });
  });

  it('refuses an unknown flag, naming the flags the command takes', () => {
    expect(parse('backup', '--db', 'x', '--force')).toEqual({
      ok: false,
      message: 'Unknown option --force for backup; it takes --db FILE, --out FILE.',
      command: 'backup',
    });
    expect(parse('status', '--db', 'x')).toMatchObject({ ok: false, message: 'Unknown option --db for status; it takes no options.' });
  });

  it('refuses a flag of another command', () => {
    expect(parse('backup', '--db', 'x', '--out', 'y', '--members', '5')).toMatchObject({ ok: false, message: expect.stringMatching(/Unknown option --members for backup/) });
  });

  it('refuses a flag with no value, including when the next word is another flag', () => {
    expect(parse('backup', '--db')).toMatchObject({ ok: false, message: '--db needs a FILE.' });
    expect(parse('backup', '--db', '--out', 'y')).toMatchObject({ ok: false, message: '--db needs a FILE.' });
    expect(parse('backup', '--db=', '--out', 'y')).toMatchObject({ ok: false, message: '--db needs a FILE.' });
  });

  it('refuses a flag given twice rather than guess which was meant', () => {
    expect(parse('backup', '--db', 'a', '--db', 'b', '--out', 'c')).toMatchObject({ ok: false, message: '--db was given twice.' });
  });

  it('refuses stray words', () => {
    expect(parse('backup', 'live.sqlite')).toMatchObject({
      ok: false,
      message: 'Unexpected argument “live.sqlite”: backup takes only --db FILE, --out FILE.',
    });
    expect(parse('backup', '-d', 'x')).toMatchObject({ ok: false, message: expect.stringMatching(/Unexpected argument “-d”/) });
  });

  it('names every missing required flag', () => {
    expect(parse('backup')).toEqual({ ok: false, message: 'backup needs --db FILE and --out FILE.', command: 'backup' });
    expect(parse('backup', '--out', 'y')).toMatchObject({ message: 'backup needs --db FILE.' });
  });
});

describe('usage', () => {
  it('lists every command with its flags and summary, and help', () => {
    const text = usage(SPECS);
    expect(text).toMatch(/^Usage: npm run cli -- <command> \[options\]$/m);
    expect(text).toMatch(/^ {2}backup +--db FILE --out FILE +Copy a database\.$/m);
    expect(text).toMatch(/^ {2}sample +--db FILE \[--members N\] +Fill a database with sample records\.$/m);
    expect(text).toMatch(/^ {2}help +\[COMMAND\] +Show this text/m);
  });

  it('describes one command’s options', () => {
    const text = usage(SPECS, 'sample');
    expect(text.split('\n')[0]).toBe('Usage: npm run cli -- sample --db FILE [--members N]');
    expect(text).toMatch(/^ {2}--members N +How many members\.$/m);
  });

  it('takes a switch with no value, refuses one given a value, and shows it without a value in usage', () => {
    const specs: CommandSpec[] = [{ name: 'export', summary: 'Export.', flags: [{ name: 'latest', value: '', required: false, switch: true, description: 'The latest.' }, { name: 'out', value: 'FILE', required: true, description: 'Where.' }] }];
    expect(parseCommandLine(['export', '--latest', '--out', 'x'], specs)).toEqual({ ok: true, kind: 'run', command: 'export', flags: { latest: 'yes', out: 'x' } });
    expect(parseCommandLine(['export', '--out', 'x', '--latest'], specs)).toEqual({ ok: true, kind: 'run', command: 'export', flags: { latest: 'yes', out: 'x' } });
    expect(parseCommandLine(['export', '--latest=no', '--out', 'x'], specs)).toEqual({ ok: false, message: '--latest takes no value.', command: 'export' });
    expect(usage(specs, 'export').split('\n')[0]).toBe('Usage: npm run cli -- export [--latest] --out FILE');
    expect(usage(specs, 'export')).toMatch(/^ {2}--latest {4}The latest\.$/m);
  });

  it('covers the real command table, whose flags all have descriptions', () => {
    const text = usage(COMMANDS);
    for (const c of COMMANDS) {
      expect(text).toContain(`  ${c.name}`);
      for (const f of c.flags) expect(f.description.length, `${c.name} --${f.name}`).toBeGreaterThan(0);
    }
    expect(COMMANDS.map((c) => c.name)).toEqual(['verify', 'backup', 'restore', 'ballot-export', 'ballot-decrypt']);
  });
});
