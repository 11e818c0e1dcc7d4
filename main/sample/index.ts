import { resolve } from 'node:path';
import { LEGAL_FORMS, type LegalForm } from '../../shared/domain/legal-form';
import { Core } from '../core/core';
import { AppError } from '../core/errors';
import { ballotLines } from './ballots';
import { buildSample } from './build';

const USAGE = `Usage: npm run sample -- --db FILE --members N [--form ${LEGAL_FORMS.join('|')}] [--seed N]`;

/** `npm run sample -- --db FILE --members N`: a realistic mutual in a new database file. */
async function main(argv: string[]): Promise<void> {
  let db: string | undefined;
  let members = 200;
  let form: LegalForm = 'community_benefit_society';
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--db' && v) db = v;
    else if (a === '--members' && v) members = Number(v);
    else if (a === '--form' && v && (LEGAL_FORMS as readonly string[]).includes(v)) form = v as LegalForm;
    else if (a === '--seed' && v) seed = Number(v);
    else return fail(`Unknown or incomplete option ${a ?? ''}. ${USAGE}`);
    i += 1;
  }
  if (!db) return fail(`--db is required. ${USAGE}`);
  if (!Number.isInteger(members) || members < 1 || members > 2_000_000) return fail('--members needs a whole number from 1 to 2,000,000.');
  let core: Core;
  try {
    core = await Core.open({ dbPath: resolve(db), host: 'cli', actor: 'sample' });
  } catch (e) {
    return fail(e instanceof AppError ? e.message : String(e));
  }
  try {
    const status = await core.dispatch('app.status', {});
    if (status.ok && (status.value as { organisationName: string | null }).organisationName) {
      return fail(`${db} already holds an organisation; the sample needs a new file.`);
    }
    const started = Date.now();
    const result = await buildSample(core, { members, form, seed, log: (s) => console.log(s) });
    console.log(`Sample ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${resolve(db)} (${result.members.toLocaleString('en-GB')} entries). Open it with: npm start -- --db "${resolve(db)}"`);
    for (const line of ballotLines(resolve(db), result.ballots)) console.log(line);
  } finally {
    await core.close();
  }
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 1;
}

void main(process.argv.slice(2)).catch((e) => {
  console.error(`The sample could not be built: ${(e as Error).message}`);
  process.exitCode = 1;
});
