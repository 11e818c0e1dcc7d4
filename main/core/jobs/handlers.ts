import { command, defineHandlers, query } from '../handler';

export const jobHandlers = defineHandlers('jobs', {
  'jobs.get': query(async (input, ctx) => ctx.jobs.get(input.id)),
  // A command (see the contract): answered even while an exclusive job holds the database.
  'jobs.cancel': command(async (input, ctx) => ctx.jobs.cancel(input.id)),
});

export const uploadHandlers = defineHandlers('uploads', {
  'uploads.begin': command(async (input, ctx) => ctx.uploads.begin(input.purpose, input.fileName, input.sizeBytes)),
  'uploads.append': command(async (input, ctx) => ({ receivedBytes: ctx.uploads.append(input.uploadId, input.index, input.base64) })),
});
