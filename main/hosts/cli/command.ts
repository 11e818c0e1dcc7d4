import type { CommandSpec } from './args';

/** Where a command writes: stdout for results, stderr for refusals. Tests pass their own. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Asks for a secret (a trustee's passphrase) without echoing it; absent where nobody can type one. */
  readSecret?(prompt: string): Promise<string>;
}

/** What a command does. Returns the exit code; throws CliError or AppError for a refusal. */
export type CommandRun = (flags: Record<string, string>, io: CliIO) => Promise<number>;

/**
 * One entry of the command table: its flags (for parsing and usage) and how to load what it
 * does. Loading on demand keeps `help` and mistyped commands from loading the database code.
 */
export interface CliCommand extends CommandSpec {
  load(): Promise<CommandRun>;
}

/** A refusal with a one-line message for the user; exit code 1, no stack. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
