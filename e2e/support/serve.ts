import { useLightKdfForTests } from '../../main/core/ballots/kdf';
import { serve } from '../../main/serve';

/**
 * The journeys' server: `npm run serve`'s own start (main/serve.ts's serve(), same arguments, same
 * host and core) with one test-only difference: trustees' keys are sealed with the light KDF the
 * core's tests use, not argon2id at full strength (~1.5 s a passphrase alone, ~3 s with the two
 * workers sharing two cores; the ballot journeys derive dozens of keys). The app's own starts never
 * load this file. The full parameters, and the floor below which a key file is refused, are tested
 * in shared/ballot's keystore tests.
 */
useLightKdfForTests();
await serve(process.argv.slice(2));
