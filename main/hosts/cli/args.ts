/**
 * The command line's grammar: `<command> [--flag VALUE | --flag=VALUE]...`, plus `help`.
 * A pure function over the command table, so every message for a mistake is tested and a new
 * command (sample, bench) only declares its flags.
 */
export interface FlagSpec {
  /** Without the dashes: 'db' for --db. */
  name: string;
  /** What the value is, as shown in usage: 'FILE', 'N'. */
  value: string;
  required: boolean;
  description: string;
  /** A switch that takes no value (`--latest`); its value in the parsed flags is 'yes'. */
  switch?: true;
}

export interface CommandSpec {
  name: string;
  summary: string;
  flags: readonly FlagSpec[];
}

export type ParsedCommandLine =
  | { ok: true; kind: 'help'; command: string | null }
  | { ok: true; kind: 'run'; command: string; flags: Record<string, string> }
  | { ok: false; message: string; command: string | null };

export const PROGRAM = 'npm run cli --';

export function parseCommandLine(argv: readonly string[], commands: readonly CommandSpec[]): ParsedCommandLine {
  const [first, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !commands.some((c) => c.name === topic)) {
      return { ok: false, message: `There is no command called “${topic}”.`, command: null };
    }
    return { ok: true, kind: 'help', command: topic ?? null };
  }
  const spec = commands.find((c) => c.name === first);
  if (!spec) {
    const hint = first.startsWith('-') ? 'Put the command first, then its options.' : `There is no command called “${first}”.`;
    return { ok: false, message: hint, command: null };
  }
  if (rest.includes('--help') || rest.includes('-h')) return { ok: true, kind: 'help', command: spec.name };

  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) {
      return { ok: false, message: `Unexpected argument “${arg}”: ${spec.name} takes only ${flagList(spec)}.`, command: spec.name };
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const flag = spec.flags.find((f) => f.name === name);
    if (!flag) {
      return { ok: false, message: `Unknown option --${name} for ${spec.name}; it takes ${flagList(spec)}.`, command: spec.name };
    }
    let value: string | undefined;
    if (flag.switch) {
      if (eq !== -1) return { ok: false, message: `--${flag.name} takes no value.`, command: spec.name };
      value = 'yes';
    } else if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const next = rest[i + 1];
      // A following option is never taken as a value: `--db --out x` means --db was left empty.
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i += 1;
      }
    }
    if (value === undefined || value === '') {
      return { ok: false, message: `--${flag.name} needs a ${flag.value}.`, command: spec.name };
    }
    if (name in flags) return { ok: false, message: `--${flag.name} was given twice.`, command: spec.name };
    flags[name] = value;
  }
  const missing = spec.flags.filter((f) => f.required && !(f.name in flags));
  if (missing.length > 0) {
    return { ok: false, message: `${spec.name} needs ${missing.map((f) => `--${f.name} ${f.value}`).join(' and ')}.`, command: spec.name };
  }
  return { ok: true, kind: 'run', command: spec.name, flags };
}

function flagList(spec: CommandSpec): string {
  if (spec.flags.length === 0) return 'no options';
  return spec.flags.map((f) => flagText(f)).join(', ');
}

function flagText(f: FlagSpec): string {
  return f.switch ? `--${f.name}` : `--${f.name} ${f.value}`;
}

function synopsis(spec: CommandSpec): string {
  return spec.flags.map((f) => (f.required ? flagText(f) : `[${flagText(f)}]`)).join(' ');
}

/** The usage text for every command, or for one. */
export function usage(commands: readonly CommandSpec[], command: string | null = null): string {
  const spec = command === null ? undefined : commands.find((c) => c.name === command);
  if (spec) {
    const width = Math.max(...spec.flags.map((f) => flagText(f).length), 0);
    return [
      `Usage: ${PROGRAM} ${spec.name} ${synopsis(spec)}`.trimEnd(),
      '',
      spec.summary,
      ...(spec.flags.length > 0 ? ['', 'Options:', ...spec.flags.map((f) => `  ${flagText(f).padEnd(width)}  ${f.description}`)] : []),
    ].join('\n');
  }
  const lines = commands.map((c) => [c.name, synopsis(c), c.summary] as const);
  const nameWidth = Math.max(...lines.map(([n]) => n.length), 'help'.length);
  const flagWidth = Math.max(...lines.map(([, s]) => s.length), '[COMMAND]'.length);
  const row = (n: string, s: string, d: string) => `  ${n.padEnd(nameWidth)}  ${s.padEnd(flagWidth)}  ${d}`;
  return [
    'Mutual Governance: command line tools for the database file.',
    '',
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...lines.map(([n, s, d]) => row(n, s, d)),
    row('help', '[COMMAND]', 'Show this text, or the options of one command.'),
  ].join('\n');
}
