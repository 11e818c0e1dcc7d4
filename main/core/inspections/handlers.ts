import { defineHandlers, mutation, query } from '../handler';
import { closeInspection, listInspections, logInspection } from './inspections';

export const inspectionHandlers = defineHandlers('inspections', {
  'inspections.list': query(async (_input, ctx) => listInspections(ctx)),
  'inspections.log': mutation(async (input, tx) => logInspection(tx, input)),
  'inspections.close': mutation(async (input, tx) => closeInspection(tx, input)),
});
