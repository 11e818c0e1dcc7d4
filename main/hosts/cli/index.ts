import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors';
import { parseCommandLine, usage } from './args';
import { CliError, type CliCommand, type CliIO } from './command';
import { COMMANDS } from './commands';

/** Where the details of unexpected errors go, so the terminal gets one line and a reference. */
export const CLI_LOG = join(tmpdir(), 'mutual-governance-cli.log');

/** Runs one command line; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIO, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const parsed = parseCommandLine(argv, commands);
  if (!parsed.ok) {
    io.err(parsed.message);
    io.err(parsed.command === null ? usage(commands) : `Run \`npm run cli -- help ${parsed.command}\` for its options.`);
    return 1;
  }
  if (parsed.kind === 'help') {
    io.out(usage(commands, parsed.command));
    return 0;
  }
  const command = commands.find((c) => c.name === parsed.command)!;
  try {
    const run = await command.load();
    return await run(parsed.flags, io);
  } catch (e) {
    if (e instanceof CliError || e instanceof AppError) {
      io.err(oneLine(e.message));
      return 1;
    }
    const ref = randomBytes(3).toString('hex');
    try {
      const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
      appendFileSync(CLI_LOG, `[${new Date().toISOString()}] ${ref} ${argv.join(' ')}\n${detail}\n\n`);
    } catch {
      // The log is a courtesy; the one-line message below still tells the user what happened.
    }
    io.err(`${parsed.command} stopped because of an unexpected problem (reference ${ref}; details in ${CLI_LOG}).`);
    return 1;
  }
}

/**
 * Reads a line from the terminal without showing it (each key is echoed as nothing), or the first
 * line of standard input when it is not a terminal (a passphrase piped in by a script).
 */
async function readSecret(prompt: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
  if (process.stdin.isTTY) {
    process.stdout.write(prompt);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  }
  try {
    return await new Promise<string>((done) => rl.once('line', (line) => done(line)).once('close', () => done('')));
  } finally {
    if (process.stdin.isTTY) process.stdout.write('\n');
    rl.close();
  }
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const io: CliIO = { out: (line) => console.log(line), err: (line) => console.error(line), readSecret };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
