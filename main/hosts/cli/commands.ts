import type { CliCommand } from './command';

/**
 * Every command, in the order usage lists them. A new command (sample, bench) is one file in
 * commands/ exporting its run function, and one entry here.
 */
export const COMMANDS: readonly CliCommand[] = [
  {
    name: 'verify',
    summary: 'Check a database file for damage, recompute its audit chain and compare the registers with it. Changes nothing.',
    flags: [
      { name: 'db', value: 'FILE', required: true, description: 'The database (or backup) file to check.' },
      { name: 'fingerprint', value: 'TEXT', required: false, description: 'A fingerprint printed on a copy ("#1234 · 3f9a c2e1 07bd"): the log must still hold it.' },
      { name: 'backups', value: 'DIR', required: false, description: 'Where the backups are kept (default: the backups folder beside the file); their heads are compared too.' },
    ],
    load: async () => (await import('./commands/verify')).verify,
  },
  {
    name: 'backup',
    summary: 'Copy a database into a new backup file, safely, even while the app is open.',
    flags: [
      { name: 'db', value: 'FILE', required: true, description: 'The database to back up.' },
      { name: 'out', value: 'FILE', required: true, description: 'The backup file to write; it must not exist yet.' },
    ],
    load: async () => (await import('./commands/backup')).backup,
  },
  {
    name: 'restore',
    summary: 'Replace a database with a checked backup. The current file is kept aside, never deleted.',
    flags: [
      { name: 'db', value: 'FILE', required: true, description: 'The database to replace (it may be damaged or missing).' },
      { name: 'from', value: 'FILE', required: true, description: 'The backup file to restore; it is not changed.' },
      { name: 'despite-ballots', value: '', required: false, switch: true, description: 'Restore even though the backup would set back a ballot (the votes it would lose are named first).' },
    ],
    load: async () => (await import('./commands/restore')).restore,
  },
  {
    name: 'ballot-export',
    summary: 'Write the verification file of a ballot whose result has been declared, for `npm run verify-ballot`. Reads the database only.',
    flags: [
      { name: 'db', value: 'FILE', required: true, description: 'The database (or a copy of it) holding the ballot.' },
      { name: 'ballot', value: 'ID', required: false, description: 'The ballot’s id, as shown on its page.' },
      { name: 'latest', value: '', required: false, switch: true, description: 'Instead of --ballot: the ballot whose result was declared most recently.' },
      { name: 'out', value: 'FILE', required: true, description: 'The verification file to write (JSON); it must not exist yet.' },
    ],
    load: async () => (await import('./commands/ballot-export')).ballotExport,
  },
  {
    name: 'ballot-decrypt',
    summary: "A trustee's part of a ballot's decryption, on their own computer: asks for their passphrase, decrypts their part of the sealed sum with a proof, and writes the answer for the secretary to import.",
    flags: [
      { name: 'request', value: 'FILE', required: true, description: 'The decryption request the secretary gave you (from the ballot’s page).' },
      { name: 'key', value: 'FILE', required: true, description: 'Your key backup, saved when you made your key (or accepted your shares).' },
      { name: 'out', value: 'FILE', required: true, description: 'The answer to write (JSON) and take back to the secretary; it must not exist yet.' },
    ],
    load: async () => (await import('./commands/ballot-decrypt')).ballotDecrypt,
  },
];
