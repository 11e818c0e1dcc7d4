/**
 * Arguments of `npm run serve` and `npm start`: [--db FILE] [--port N]. A pure function so
 * the messages for mistakes are tested.
 */
export interface HostArgs {
  db: string | undefined;
  port: number | undefined;
}

export type ParsedHostArgs = { ok: true; args: HostArgs } | { ok: false; message: string };

export const HOST_USAGE = 'Usage: npm run serve -- [--db FILE] [--port N]';

export function parseHostArgs(argv: readonly string[]): ParsedHostArgs {
  const args: HostArgs = { db: undefined, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) return undefined;
      return v;
    };
    if (flag === '--db') {
      const v = value();
      if (v === undefined) return { ok: false, message: '--db needs a file path, e.g. --db ~/mutual.sqlite' };
      args.db = v;
    } else if (flag === '--port') {
      const v = value();
      const n = v === undefined ? NaN : Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        return { ok: false, message: '--port needs a whole number from 0 to 65535 (0 picks a free port).' };
      }
      args.port = n;
    } else {
      return { ok: false, message: `Unknown option ${arg}. ${HOST_USAGE}` };
    }
  }
  return { ok: true, args };
}
