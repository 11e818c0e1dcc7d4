import { z } from 'zod';
import { method } from './method';
import { isoInstant } from './fields';
import { jobStartedSchema } from './audit';

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

export const uploadId = z.string().regex(/^[0-9a-f]{32}$/, 'Unknown upload.');

export const restoreSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('backup'), name: backupName }),
  z.strictObject({ kind: z.literal('upload'), uploadId }),
]);

export const UPLOAD_CHUNK_BYTES = 512 * 1024;
export const UPLOAD_MAX_BYTES = 4 * 1024 * 1024 * 1024;

export const dataMethods = {
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
  }),
  'data.restore': method({
    kind: 'mutation',
    summary: 'Replace the database with a verified backup; the current file is kept aside.',
    input: z.strictObject({ source: restoreSourceSchema }),
    output: jobStartedSchema,
  }),
  'uploads.begin': method({
    kind: 'command',
    summary: 'Start sending a file from the renderer in chunks (for restore or import).',
    input: z.strictObject({
      purpose: z.enum(['restore', 'import']),
      fileName: z.string().trim().min(1).max(255),
      sizeBytes: z.number().int().min(0).max(UPLOAD_MAX_BYTES, 'That file is too large.'),
    }),
    output: z.object({ uploadId, chunkBytes: z.number().int() }),
  }),
  'uploads.append': method({
    kind: 'command',
    summary: 'Append one base64 chunk of an upload, in order.',
    input: z.strictObject({
      uploadId,
      index: z.number().int().min(0),
      base64: z
        .string()
        .max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4 + 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64.'),
    }),
    output: z.object({ receivedBytes: z.number().int() }),
  }),
};
