import type { Selectable } from 'kysely';
import { PSC_NATURES, PSC_STATEMENT_TEXT, type Psc, type PscNature, type PscStatement } from '../../../shared/contract/psc';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { NOT_APPLICABLE_REASON, PSC_REGIME_START, pscWarnings, STATEMENT_SHORT, statementProblem, statementsAvailableFor, type RegisterState } from '../../../shared/rules/psc';
import type { ReadDb, RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import type { PscStatementTable, PscTable } from '../db/schema';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { assertNotFuture, assertPlausibleDateOfBirth } from '../organisation/guards';
import { recordFilingDuty } from '../filings/duties';
type PscRow = Selectable<PscTable>;
type StatementRow = Selectable<PscStatementTable>;

/**
 * The company's record of its people with significant control (CA 2006 Part 21A). Since 18
 * November 2025 (ECCTA 2023 Sch 2 Part 3) a company keeps no PSC register of its own: it notifies
 * Companies House within 14 days of having confirmation of a change (s790LA), so each change here
 * records that filing duty in the same transaction. The rules (statements by legal form, natures
 * of control) are in shared/rules/psc.ts. Companies only: for a society the record reads as not
 * applicable and every change is refused.
 */

async function companyCtx(tx: WriteContext): Promise<RegisterCtx> {
  const rc = await tx.register();
  if (rc.form.family !== 'company') throw new AppError('FORBIDDEN', NOT_APPLICABLE_REASON);
  return rc;
}

function toPsc(r: PscRow): Psc {
  return {
    id: r.id,
    kind: r.kind as Psc['kind'],
    name: r.name,
    serviceAddress: {
      line1: r.service_line1,
      ...(r.service_line2 ? { line2: r.service_line2 } : {}),
      town: r.service_town,
      ...(r.service_postcode ? { postcode: r.service_postcode } : {}),
      ...(r.service_country ? { country: r.service_country } : {}),
    },
    dateOfBirth: r.date_of_birth,
    nationality: r.nationality,
    countryOfResidence: r.country_of_residence,
    legalForm: r.legal_form,
    governingLaw: r.governing_law,
    registrationNumber: r.registration_number,
    // Stored in the contract's order, so the register reads the same way every time.
    natures: r.natures.split(',').filter((n): n is PscNature => (PSC_NATURES as readonly string[]).includes(n)),
    becameRegistrableOn: r.became_registrable_on,
    ceasedOn: r.ceased_on,
  };
}

function toStatement(r: StatementRow) {
  const statement = r.statement as PscStatement;
  return { id: r.id, statement, text: PSC_STATEMENT_TEXT[statement], madeOn: r.made_on, withdrawnOn: r.withdrawn_on };
}

async function state(db: ReadDb, rc: RegisterCtx): Promise<RegisterState & { statementRows: StatementRow[] }> {
  const people = await db.selectFrom('psc').select('id').where('organisation_id', '=', rc.org.id).where('ceased_on', 'is', null).execute();
  const statementRows = await db.selectFrom('psc_statement').selectAll().where('organisation_id', '=', rc.org.id).where('withdrawn_on', 'is', null).execute();
  return { currentPeople: people.length, currentStatements: statementRows.map((s) => s.statement as PscStatement), legalForm: rc.legalForm, statementRows };
}

/**
 * The day the company had confirmation of a change, from which the 14 days to notify Companies
 * House run (CA 2006 s790LA(3)): as given, or today; never before the change itself.
 */
function confirmationDay(rc: RegisterCtx, given: string | undefined, notBefore: string, what: string): string {
  const on = given ?? rc.today;
  assertNotFuture(rc, on, 'confirmedOn', 'The date the company had confirmation');
  if (on < notBefore) throw AppError.field('confirmedOn', `The company cannot have had confirmation before ${what} (${formatLegalDate(notBefore)}).`);
  return on;
}

function checkRegistrableDate(rc: RegisterCtx, date: string, field: string, what: string): void {
  assertNotFuture(rc, date, field, what);
  if (date < PSC_REGIME_START) {
    throw AppError.field(field, `The PSC regime began on ${formatLegalDate(PSC_REGIME_START)}: for control held before then, enter ${formatLegalDate(PSC_REGIME_START)}.`);
  }
  checkNotBeforeIncorporation(rc, date, field);
}

function checkNotBeforeIncorporation(rc: RegisterCtx, date: string, field: string): void {
  if (date < rc.org.incorporated_on) {
    throw AppError.field(field, `The company was incorporated on ${formatLegalDate(rc.org.incorporated_on)}; this date cannot be earlier.`);
  }
}

function pscAudit(r: PscRow) {
  const p = toPsc(r);
  return { kind: p.kind, name: p.name, serviceAddress: p.serviceAddress, dateOfBirth: p.dateOfBirth, nationality: p.nationality, countryOfResidence: p.countryOfResidence, legalForm: p.legalForm, governingLaw: p.governingLaw, registrationNumber: p.registrationNumber, natures: p.natures, becameRegistrableOn: p.becameRegistrableOn, ceasedOn: p.ceasedOn };
}

export const pscHandlers = defineHandlers('psc', {
  'psc.register': query(async (_input, ctx) => {
    const rc = await ctx.register();
    if (rc.form.family !== 'company') return { applicable: false, reason: NOT_APPLICABLE_REASON, statementsAvailable: statementsAvailableFor(rc.legalForm), people: [], statements: [], warnings: [] };
    const people = await ctx.db.selectFrom('psc').selectAll().where('organisation_id', '=', rc.org.id).orderBy('became_registrable_on').orderBy('created_at').execute();
    const statements = await ctx.db.selectFrom('psc_statement').selectAll().where('organisation_id', '=', rc.org.id).orderBy('made_on', 'desc').orderBy('created_at', 'desc').execute();
    const current: RegisterState = {
      currentPeople: people.filter((p) => p.ceased_on === null).length,
      currentStatements: statements.filter((s) => s.withdrawn_on === null).map((s) => s.statement as PscStatement),
      legalForm: rc.legalForm,
    };
    return {
      applicable: true,
      reason: null,
      statementsAvailable: statementsAvailableFor(rc.legalForm),
      people: people.map(toPsc),
      statements: statements.map(toStatement),
      warnings: pscWarnings(current),
    };
  }),

  'psc.add': mutation(async (input, tx) => {
    const trx = tx.db;
    const rc = await companyCtx(tx);
    checkRegistrableDate(rc, input.becameRegistrableOn, 'becameRegistrableOn', 'The date they became registrable');
    if (input.kind === 'individual') {
      assertPlausibleDateOfBirth(rc, input.dateOfBirth!, 'dateOfBirth');
      // s790K(1): an individual's entry gives nationality and country of usual residence.
      const missing: Record<string, string> = {};
      if (!input.nationality) missing['nationality'] = 'Enter the nationality (CA 2006 s790K).';
      if (!input.countryOfResidence) missing['countryOfResidence'] = 'Enter the country of usual residence (CA 2006 s790K).';
      if (Object.keys(missing).length > 0) throw new AppError('VALIDATION', Object.values(missing)[0]!, missing);
    } else {
      if (input.dateOfBirth) throw AppError.field('dateOfBirth', 'A legal entity has no date of birth; leave it empty.');
      // s790K(2): a legal entity's entry gives its legal form and the law that governs it.
      const missing: Record<string, string> = {};
      if (!input.legalForm) missing['legalForm'] = 'Enter the legal form of the entity (CA 2006 s790K).';
      if (!input.governingLaw) missing['governingLaw'] = 'Enter the law that governs the entity (CA 2006 s790K).';
      if (Object.keys(missing).length > 0) throw new AppError('VALIDATION', Object.values(missing)[0]!, missing);
    }
    if (!rc.form.hasShares && input.natures.some((n) => n.startsWith('shares_'))) {
      throw AppError.field('natures', `A ${rc.form.label.toLowerCase()} has no shares: choose voting rights, the right to appoint directors or significant influence.`);
    }
    const confirmedOn = confirmationDay(rc, input.confirmedOn, input.becameRegistrableOn, 'they became registrable');
    const now = await state(trx, rc);
    const none = now.statementRows.find((s) => s.statement === 'no_registrable_person');
    if (none) {
      throw new AppError(
        'CONFLICT',
        `The PSC record carries the statement that there is no registrable person (made ${formatLegalDate(none.made_on)}). Withdraw it from ${formatLegalDate(input.becameRegistrableOn)} before entering a person with significant control.`,
      );
    }
    const who = tx.who;
    const natures = PSC_NATURES.filter((n) => input.natures.includes(n));
    const row: PscRow = {
      id: uuidv7(),
      organisation_id: rc.org.id,
      kind: input.kind,
      name: input.name,
      service_line1: input.serviceAddress.line1,
      service_line2: input.serviceAddress.line2 ?? null,
      service_town: input.serviceAddress.town,
      service_postcode: input.serviceAddress.postcode ?? null,
      service_country: input.serviceAddress.country ?? null,
      date_of_birth: input.kind === 'individual' ? (input.dateOfBirth ?? null) : null,
      nationality: input.kind === 'individual' ? (input.nationality ?? null) : null,
      country_of_residence: input.kind === 'individual' ? (input.countryOfResidence ?? null) : null,
      legal_form: input.kind === 'legal_entity' ? (input.legalForm ?? null) : null,
      governing_law: input.kind === 'legal_entity' ? (input.governingLaw ?? null) : null,
      registration_number: input.kind === 'legal_entity' ? (input.registrationNumber ?? null) : null,
      natures: natures.join(','),
      became_registrable_on: input.becameRegistrableOn,
      ceased_on: null,
      created_at: who.at,
      updated_at: who.at,
    };
    await trx.insertInto('psc').values(row).execute();
    tx.audit({
        action: 'psc.added',
        entityType: 'psc',
        entityId: row.id,
        summary: `${input.kind === 'individual' ? 'Individual' : 'Legal entity'} registrable from ${formatLegalDate(row.became_registrable_on)} (${natures.length} nature${natures.length === 1 ? '' : 's'} of control)`,
        before: null,
        after: pscAudit(row),
    });
    await recordFilingDuty(tx, rc, { form: row.kind === 'individual' ? 'PSC01' : 'PSC02', subjectType: 'psc', subjectId: row.id, eventOn: confirmedOn });
    return toPsc(row);
  }),

  'psc.cease': mutation(async (input, tx) => {
    const trx = tx.db;
    const rc = await companyCtx(tx);
    const before = await trx.selectFrom('psc').selectAll().where('id', '=', input.id).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'That person with significant control is not in the PSC record.');
    if (before.ceased_on !== null) throw new AppError('CONFLICT', `That entry already records that they ceased to be registrable on ${formatLegalDate(before.ceased_on)}.`);
    if (input.ceasedOn < before.became_registrable_on) {
      throw AppError.field('ceasedOn', `They cannot cease to be registrable before they became registrable (${formatLegalDate(before.became_registrable_on)}).`);
    }
    assertNotFuture(rc, input.ceasedOn, 'ceasedOn', 'The date they ceased to be registrable');
    const confirmedOn = confirmationDay(rc, input.confirmedOn, input.ceasedOn, 'they ceased to be registrable');
    const who = tx.who;
    await trx.updateTable('psc').set({ ceased_on: input.ceasedOn, updated_at: who.at }).where('id', '=', before.id).execute();
    tx.audit({
        action: 'psc.ceased',
        entityType: 'psc',
        entityId: before.id,
        summary: `Ceased to be registrable on ${formatLegalDate(input.ceasedOn)}`,
        before: { ceasedOn: null },
        after: { ceasedOn: input.ceasedOn },
    });
    await recordFilingDuty(tx, rc, { form: 'PSC07', subjectType: 'psc', subjectId: before.id, eventOn: confirmedOn });
    return toPsc({ ...before, ceased_on: input.ceasedOn, updated_at: who.at });
  }),

  'psc.addStatement': mutation(async (input, tx) => {
    const trx = tx.db;
    const rc = await companyCtx(tx);
    assertNotFuture(rc, input.madeOn, 'madeOn', 'A statement');
    if (input.madeOn >= PSC_REGIME_START) checkNotBeforeIncorporation(rc, input.madeOn, 'madeOn');
    const now = await state(trx, rc);
    const since = now.statementRows.find((s) => s.statement === input.statement)?.made_on;
    const problem = statementProblem(now, input.statement, input.madeOn, since);
    if (problem) {
      const onDate = input.madeOn < PSC_REGIME_START;
      throw new AppError(onDate ? 'VALIDATION' : 'CONFLICT', problem, onDate ? { madeOn: problem } : undefined);
    }
    const who = tx.who;
    const row: StatementRow = { id: uuidv7(), organisation_id: rc.org.id, statement: input.statement, made_on: input.madeOn, withdrawn_on: null, created_at: who.at, updated_at: who.at };
    await trx.insertInto('psc_statement').values(row).execute();
    tx.audit({
        action: 'psc.statement_added',
        entityType: 'psc_statement',
        entityId: row.id,
        summary: `Statement that ${STATEMENT_SHORT[input.statement]}, made ${formatLegalDate(input.madeOn)}`,
        before: null,
        after: { statement: input.statement, text: PSC_STATEMENT_TEXT[input.statement], madeOn: input.madeOn },
    });
    await recordFilingDuty(tx, rc, { form: 'PSC08', subjectType: 'psc_statement', subjectId: row.id, eventOn: input.madeOn });
    return toStatement(row);
  }),

  'psc.withdrawStatement': mutation(async (input, tx) => {
    const trx = tx.db;
    const rc = await companyCtx(tx);
    const before = await trx.selectFrom('psc_statement').selectAll().where('id', '=', input.id).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'That statement is not in the PSC record.');
    if (before.withdrawn_on !== null) throw new AppError('CONFLICT', `That statement was already withdrawn on ${formatLegalDate(before.withdrawn_on)}.`);
    if (input.withdrawnOn < before.made_on) {
      throw AppError.field('withdrawnOn', `A statement cannot be withdrawn before it was made (${formatLegalDate(before.made_on)}).`);
    }
    assertNotFuture(rc, input.withdrawnOn, 'withdrawnOn', 'The withdrawal');
    const who = tx.who;
    await trx.updateTable('psc_statement').set({ withdrawn_on: input.withdrawnOn, updated_at: who.at }).where('id', '=', before.id).execute();
    tx.audit({
        action: 'psc.statement_withdrawn',
        entityType: 'psc_statement',
        entityId: before.id,
        summary: `Statement that ${STATEMENT_SHORT[before.statement as PscStatement]} withdrawn on ${formatLegalDate(input.withdrawnOn)}`,
        before: { withdrawnOn: null },
        after: { withdrawnOn: input.withdrawnOn },
    });
    await recordFilingDuty(tx, rc, { form: 'PSC09', subjectType: 'psc_statement', subjectId: before.id, eventOn: input.withdrawnOn });
    return toStatement({ ...before, withdrawn_on: input.withdrawnOn });
  }),
});
