// `npm run verify-ballot -- FILE [--tracker TRACKER]`: exits 0 with "verified", 1 naming what does
// not match, 2 if the file cannot be read. The logic is in run.ts.
import { main } from './run';

process.exitCode = await main(process.argv.slice(2));
