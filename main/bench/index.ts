import { benchRegister } from './register';

/** `npm run bench -- register --json FILE [--members N] [--keep]` */
async function main(argv: string[]): Promise<void> {
  const [what, ...rest] = argv;
  if (what !== 'register') {
    console.error('Usage: npm run bench -- register [--json FILE] [--members N] [--keep]');
    process.exitCode = 1;
    return;
  }
  const args = { json: undefined as string | undefined, members: 1_000_000, keep: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json') args.json = rest[++i];
    else if (a === '--members') args.members = Number(rest[++i]);
    else if (a === '--keep') args.keep = true;
    else {
      console.error(`Unknown option ${a}. Usage: npm run bench -- register [--json FILE] [--members N] [--keep]`);
      process.exitCode = 1;
      return;
    }
  }
  if (!Number.isInteger(args.members) || args.members < 1000) {
    console.error('--members needs a whole number of at least 1000.');
    process.exitCode = 1;
    return;
  }
  await benchRegister(args);
}

void main(process.argv.slice(2)).catch((e) => {
  console.error(`The benchmark failed: ${(e as Error).message}`);
  process.exitCode = 1;
});
