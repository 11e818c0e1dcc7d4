import { rmSync } from 'node:fs';
import {
  COMBINED_IMPORT_FIELDS,
  combinedFieldFor,
  IMPORT_FIELD_LABEL,
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type CombinedImportField,
  type ImportField,
  type ImportMapping,
} from '../../../shared/contract/hr-import';
import type { ReadContext } from '../context';
import { randomToken } from '../db/ids';
import { AppError } from '../errors';
import { defineHandlers, job } from '../handler';
import { assertNotBeforeIncorporation, assertNotFuture } from '../organisation/guards';
import { readImportFile } from './analyse';
import { applyPlan, CONFLICT_MESSAGE } from './apply';
import { MAPPING_SETTING_KEY, mergeRememberedMapping, refuseColumnProblems } from './mapping';
import { planImport } from './plan';
import { importSessions } from './sessions';

/** Plans read the register while an apply is writing it; both wait for the other to finish. */
function refuseWhileBusy(ctx: ReadContext): void {
  const busy = ctx.jobs.exclusive;
  if (busy) throw new AppError('LOCKED', `${busy.label} is in progress; check the file again when it finishes.`);
}

/**
 * The mapping's problems as form field errors: required fields (a full-name or whole-address
 * column stands in for the fields it holds), both layouts at once, columns the file lacks, a
 * column used twice.
 */
export function checkMapping(mapping: ImportMapping, headers: readonly string[]): void {
  const errors: Record<string, string> = {};
  for (const [combined, parts] of Object.entries(COMBINED_IMPORT_FIELDS) as [CombinedImportField, readonly ImportField[]][]) {
    if (mapping[combined] === null) continue;
    const separate = parts.filter((f) => mapping[f] !== null);
    if (separate.length > 0) {
      const what = combined === 'fullName' ? 'full-name column or the given names and family name columns' : 'whole-address column or the address line and town columns';
      errors[`mapping.${combined}`] = `Use either the ${what}, not both: set ${separate.map((f) => IMPORT_FIELD_LABEL[f].toLowerCase()).join(' and ')} to “Not in this file”.`;
    }
  }
  refuseColumnProblems(IMPORT_FIELDS, mapping, headers, IMPORT_FIELD_LABEL, errors, (field) => {
    const combined = combinedFieldFor(field);
    if (!REQUIRED_IMPORT_FIELDS.includes(field) || (combined !== null && mapping[combined] !== null)) return null;
    return `Choose the column that holds the ${IMPORT_FIELD_LABEL[field].toLowerCase()}${combined ? ` (or one holding the ${IMPORT_FIELD_LABEL[combined].toLowerCase()})` : ''}.`;
  });
}

export const hrImportHandlers = defineHandlers('hrImport', {
  'hrImport.analyse': job(async (input, ctx) => {
    const rc = await ctx.register();
    const upload = ctx.uploads.take(input.uploadId, 'import');
    return ctx.startJob({ label: `Reading ${upload.fileName}` }, async (j) => {
      try {
        const { session, analysis } = await readImportFile(ctx.db, rc.org.id, upload, j);
        importSessions(ctx.uploads).addSession(session);
        return analysis;
      } finally {
        rmSync(upload.path, { force: true });
      }
    });
  }),

  'hrImport.plan': job(async (input, ctx) => {
    refuseWhileBusy(ctx);
    const session = importSessions(ctx.uploads).session(input.importId);
    if (!session) throw new AppError('NOT_FOUND', 'That file is no longer open (files are kept for an hour); choose it again.');
    const rc = await ctx.register();
    if (session.organisationId !== rc.org.id) throw new AppError('NOT_FOUND', 'That file was read for another organisation; choose it again.');
    const classes = await ctx.db.selectFrom('membership_class').selectAll().where('organisation_id', '=', rc.org.id).execute();
    const defaultClass = classes.find((c) => c.id === input.defaultClassId);
    if (!defaultClass) throw AppError.field('defaultClassId', 'Choose the membership class for rows that do not name one.');
    if (defaultClass.is_employee_class !== 1) {
      throw AppError.field('defaultClassId', `The ${defaultClass.name} class is not an employee class; choose a class for employees.`);
    }
    assertNotFuture(rc, input.asOf, 'asOf', 'The admission date');
    assertNotBeforeIncorporation(rc, input.asOf, 'asOf', 'The admission date');
    checkMapping(input.mapping, session.headers);
    // Remembered as soon as it is used, so a corrected file with the same columns comes back mapped.
    await ctx.remember(
      MAPPING_SETTING_KEY,
      await mergeRememberedMapping(ctx.db, rc.org.id, session.headers, { mapping: input.mapping, dateFormat: input.dateFormat, defaultClassId: defaultClass.id }, ctx.now().toISOString()),
    );
    const planId = randomToken();
    return ctx.startJob({ label: `Checking ${session.fileName}` }, async (j) => {
      const plan = await planImport(
        ctx.db,
        {
          organisationId: rc.org.id,
          family: rc.form.family,
          hasShares: rc.form.hasShares,
          classes,
          defaultClassId: defaultClass.id,
          headers: session.headers,
          rows: session.rows,
          mapping: input.mapping,
          dateFormat: input.dateFormat,
          asOf: input.asOf,
          today: rc.today,
          fileName: session.fileName,
          fileSha256: session.sha256,
          planId,
        },
        j,
      );
      importSessions(ctx.uploads).addPlan(plan);
      return plan.preview;
    });
  }),

  'hrImport.apply': job(async (input, ctx) => {
    const sessions = importSessions(ctx.uploads);
    const plan = sessions.plan(input.planId);
    if (!plan) throw new AppError('NOT_FOUND', 'That plan is no longer available (plans are kept for an hour); check the file again.');
    // Switching organisation is not an audit event, so the head alone cannot tell a plan made for another organisation in the file.
    const rc = await ctx.register();
    if (plan.organisationId !== rc.org.id) throw new AppError('NOT_FOUND', 'That plan was made for another organisation; check the file again.');
    const head = await ctx.store.head();
    if (head.seq !== plan.auditSeq) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
    return ctx.startJob({ label: 'The HR import', exclusive: true }, async (j) => {
      const result = await ctx.store.writeOnOwnConnection((tx) => applyPlan(tx, plan, j));
      sessions.dropPlan(plan.planId);
      return result;
    });
  }),
});
