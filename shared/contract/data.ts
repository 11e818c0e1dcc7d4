import { z } from 'zod';
import { defineMethods, method } from './method';
import { isoInstant } from './fields';
import { jobStartedSchema } from './jobs';
import { uploadId } from './uploads';

export const backupFileSchema = z.object({
  name: z.string(),
  sizeBytes: z.number().int(),
  createdAt: isoInstant,
});
export type BackupFile = z.output<typeof backupFileSchema>;

export const dataInfoSchema = z.object({
  path: z.string(),
  sizeBytes: z.number().int(),
  backupsDir: z.string(),
  backups: z.array(backupFileSchema),
  auditEvents: z.number().int(),
  headHash: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
});
export type DataInfo = z.output<typeof dataInfoSchema>;

/** A backup file's name as listed by data.info: no folders, no traversal. */
const backupName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.sqlite$/, 'Choose a backup from the list.');

export const restoreSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('backup'), name: backupName }),
  z.strictObject({ kind: z.literal('upload'), uploadId }),
]);

/** What a backup job produced: the file, and the audit head it holds (kept beside it too). */
export const backupResultSchema = z.object({
  name: z.string(),
  sizeBytes: z.number().int(),
  events: z.number().int(),
  headHash: z.string(),
});
export type BackupResult = z.output<typeof backupResultSchema>;

/** What a checked backup holds, shown before the secretary confirms the restore. */
export const checkedBackupSchema = z.object({
  candidateId: z.string().regex(/^[0-9a-f]{32}$/),
  fileName: z.string(),
  organisationName: z.string().nullable(),
  currentMembers: z.number().int(),
  auditEvents: z.number().int(),
  /** The backup's audit head, as printed on copies made from it. */
  fingerprint: z.string(),
  /** When its records were last changed (its newest audit event). */
  lastChangedAt: isoInstant.nullable(),
  /** When the backup was taken, from the head file kept beside it, if any. */
  takenAt: isoInstant.nullable(),
  /** It predates this version's schema and will be upgraded as it is restored. */
  needsUpgrade: z.boolean(),
  /**
   * What restoring it would undo in the ballots of the live file, one sentence each: votes
   * recorded since it was taken, a ballot closed or declared since, a ballot it does not hold.
   * The restore is not refused (the secretary may need it); the confirmation names the loss.
   */
  ballotWarnings: z.array(z.string()),
});
export type CheckedBackup = z.output<typeof checkedBackupSchema>;

/** What a restore job did. */
export const restoreResultSchema = z.object({
  restoredFrom: z.string(),
  keptAside: z.string(),
  organisationName: z.string().nullable(),
  auditEvents: z.number().int(),
  /** The ballot losses the check named, recorded in the restore's audit event too. */
  ballotWarnings: z.array(z.string()),
});
export type RestoreResult = z.output<typeof restoreResultSchema>;

export const dataMethods = defineMethods('data', {
  'data.info': method({
    kind: 'query',
    summary: 'Where the database is, its size, the audit head and the backups kept beside it.',
    input: z.strictObject({}),
    output: dataInfoSchema,
  }),
  'data.backup': method({
    kind: 'command',
    summary: 'Take an online backup into the backups folder (a job with progress).',
    input: z.strictObject({}),
    output: jobStartedSchema,
    jobResult: backupResultSchema,
  }),
  'data.checkBackup': method({
    kind: 'command',
    summary: 'Check a backup (from the backups folder or sent as a file) and say what it holds, before anything is replaced.',
    input: z.strictObject({ source: restoreSourceSchema }),
    output: jobStartedSchema,
    jobResult: checkedBackupSchema,
  }),
  'data.restore': method({
    kind: 'mutation',
    summary: 'Replace the database with a backup checked by data.checkBackup; the current file is kept aside.',
    input: z.strictObject({ candidateId: z.string().regex(/^[0-9a-f]{32}$/, 'Check the backup again.'), confirm: z.literal(true, { error: 'Confirm the restore.' }) }),
    output: jobStartedSchema,
    jobResult: restoreResultSchema,
  }),
});
