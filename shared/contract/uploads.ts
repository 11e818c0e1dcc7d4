import { z } from 'zod';
import { defineMethods, method } from './method';

/**
 * Files sent from the renderer to the core in ordered chunks (a backup to restore, an HR export
 * or a contracts spreadsheet to import). The core keeps them in a private folder until the job that takes them ends.
 */
export const uploadId = z.string().regex(/^[0-9a-f]{32}$/, 'Unknown upload.');

export const UPLOAD_CHUNK_BYTES = 512 * 1024;
export const UPLOAD_MAX_BYTES = 4 * 1024 * 1024 * 1024;

export const uploadMethods = defineMethods('uploads', {
  'uploads.begin': method({
    kind: 'command',
    summary: 'Start sending a file from the renderer in chunks (for restore, import, or a meeting paper).',
    input: z.strictObject({
      purpose: z.enum(['restore', 'import', 'paper', 'contracts_import']),
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
});
