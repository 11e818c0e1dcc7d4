import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { answerRequest, REQUEST_FORMAT } from '../../../core/ballots/decrypt';
import { CliError, type CommandRun } from '../command';
import { existingFile } from '../database';

/**
 * `ballot-decrypt --request FILE --key BACKUP --out FILE`: a trustee decrypts their part of a
 * ballot's sealed sum on their own computer (issue 8 "Closing and result"), from the request file
 * the secretary gave them and their own key backup, with the passphrase typed here (never a flag,
 * so it is not kept in the shell's history). The answer carries a proof of correct decryption,
 * which the app checks before it keeps it. No database is opened, and only the sum is decrypted:
 * the request holds no ballot.
 */
export const ballotDecrypt: CommandRun = async (flags, io) => {
  const request = readJson(existingFile(flags['request']!, 'request'), 'decryption request');
  const backup = readJson(existingFile(flags['key']!, 'key'), 'key backup');
  const out = resolve(flags['out']!);
  if (existsSync(out)) throw new CliError(`${out} already exists; choose a new name.`);
  if ((request as { format?: unknown }).format !== REQUEST_FORMAT) throw new CliError('The --request file is not a decryption request made by Mutual Governance (export it from the ballot’s page, “On their own computer”).');
  const b = backup as { sealed?: unknown; trustee?: unknown; setupHash?: unknown };
  if (!b.sealed || typeof b.trustee !== 'number' || typeof b.setupHash !== 'string') throw new CliError('The --key file is not a trustee key backup made by Mutual Governance.');
  if (!io.readSecret) throw new CliError('Run this in a terminal: it asks for your passphrase.');
  const r = request as Parameters<typeof answerRequest>[0];
  io.out(`Trustee ${r.trustee} of “${r.election.setup.title}”.`);
  const passphrase = await io.readSecret('Your passphrase: ');
  let answer;
  try {
    answer = await answerRequest(r, backup as Parameters<typeof answerRequest>[1], passphrase);
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  writeFileSync(out, `${JSON.stringify(answer, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  io.out(`Wrote your decryption, with its proof, to ${out}. Give it to the secretary, who adds it on the ballot’s page (“On their own computer” › add the decryption).`);
  return 0;
};

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    throw new CliError(`${path} is not a ${what} (it is not readable JSON).`);
  }
}
