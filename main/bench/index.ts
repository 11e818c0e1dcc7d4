import { benchBallot } from './ballot';
import { benchContracts } from './contracts';
import { benchMeetings } from './meetings';
import { benchRegister } from './register';
import { benchReports } from './reports';
import { benchStation } from './station';

const USAGE = 'Usage: npm run bench -- register [--json FILE] [--members N] [--keep]\n       npm run bench -- meetings [--json FILE] [--years N] [--bodies N] [--keep]\n       npm run bench -- ballot [--json FILE] [--voters N] [--keep]\n       npm run bench -- station [--json FILE] [--phones N] [--seconds S] [--keep]\n       npm run bench -- contracts [--json FILE] [--contracts N] [--members N] [--keep]\n       npm run bench -- reports [--json FILE] [--members N] [--orgs N] [--keep] [--db KEPT_FILE]';

/** `npm run bench -- register --json FILE [--members N] [--keep]`, or `meetings [--years N] [--bodies N]`. */
async function main(argv: string[]): Promise<void> {
  const [what, ...rest] = argv;
  if (what !== 'register' && what !== 'meetings' && what !== 'ballot' && what !== 'station' && what !== 'contracts' && what !== 'reports') {
    console.error(USAGE);
    process.exitCode = 1;
    return;
  }
  const args = { json: undefined as string | undefined, members: what === 'contracts' ? 20_000 : 1_000_000, contracts: 50_000, years: 10, bodies: 50, voters: 35_000, phones: 300, seconds: 60, keep: false, orgs: 5, db: undefined as string | undefined };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json') args.json = rest[++i];
    else if (a === '--members' && (what === 'register' || what === 'contracts' || what === 'reports')) args.members = Number(rest[++i]);
    else if (a === '--orgs' && what === 'reports') args.orgs = Number(rest[++i]);
    else if (a === '--db' && what === 'reports') args.db = rest[++i];
    else if (a === '--contracts' && what === 'contracts') args.contracts = Number(rest[++i]);
    else if (a === '--years' && what === 'meetings') args.years = Number(rest[++i]);
    else if (a === '--bodies' && what === 'meetings') args.bodies = Number(rest[++i]);
    else if (a === '--voters' && what === 'ballot') args.voters = Number(rest[++i]);
    else if (a === '--phones' && what === 'station') args.phones = Number(rest[++i]);
    else if (a === '--seconds' && what === 'station') args.seconds = Number(rest[++i]);
    else if (a === '--keep') args.keep = true;
    else {
      console.error(`Unknown option ${a}. ${USAGE}`);
      process.exitCode = 1;
      return;
    }
  }
  if (what === 'reports') {
    if (!Number.isInteger(args.members) || args.members < 1000 || args.members > 2_000_000) return fail('--members needs a whole number from 1,000 to 2,000,000.');
    if (!Number.isInteger(args.orgs) || args.orgs < 1 || args.orgs > 20) return fail('--orgs needs a whole number from 1 to 20.');
    await benchReports({ json: args.json, members: args.members, orgs: args.orgs, keep: args.keep, ...(args.db ? { db: args.db } : {}) });
    return;
  }
  if (what === 'contracts') {
    if (!Number.isInteger(args.contracts) || args.contracts < 100 || args.contracts > 1_000_000) return fail('--contracts needs a whole number from 100 to 1,000,000.');
    if (!Number.isInteger(args.members) || args.members < 10 || args.members > 1_000_000) return fail('--members needs a whole number from 10 to 1,000,000.');
    await benchContracts({ json: args.json, contracts: args.contracts, members: args.members, keep: args.keep });
    return;
  }
  if (what === 'station') {
    if (!Number.isInteger(args.phones) || args.phones < 1 || args.phones > 10_000) return fail('--phones needs a whole number from 1 to 10,000.');
    if (!Number.isFinite(args.seconds) || args.seconds < 1 || args.seconds > 600) return fail('--seconds needs a number from 1 to 600.');
    await benchStation(args);
    return;
  }
  if (what === 'ballot') {
    if (!Number.isInteger(args.voters) || args.voters < 10 || args.voters > 1_000_000) return fail('--voters needs a whole number from 10 to 1,000,000.');
    await benchBallot(args);
    return;
  }
  if (what === 'meetings') {
    if (!Number.isInteger(args.years) || args.years < 1 || args.years > 30) return fail('--years needs a whole number from 1 to 30.');
    if (!Number.isInteger(args.bodies) || args.bodies < 1 || args.bodies > 200) return fail('--bodies needs a whole number from 1 to 200 (the board and its committees).');
    await benchMeetings(args);
    return;
  }
  if (!Number.isInteger(args.members) || args.members < 1000) return fail('--members needs a whole number of at least 1000.');
  await benchRegister(args);
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 1;
}

void main(process.argv.slice(2)).catch((e) => {
  console.error(`The benchmark failed: ${(e as Error).message}`);
  process.exitCode = 1;
});
