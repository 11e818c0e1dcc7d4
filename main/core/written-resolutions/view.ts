import type { Selectable } from 'kysely';
import type { WrittenResolution } from '../../../shared/contract/written-resolutions';
import { formFamily, type FormFamily, type LegalForm } from '../../../shared/domain/legal-form';
import type { GoverningRules } from '../../../shared/rules/governing-rules';
import { daysBetween, formatLegalDate } from '../../../shared/rules/legal-date';
import { lapsePeriod, writtenResolutionAvailability, writtenResolutionResult, type WrittenResolutionResult } from '../../../shared/rules/written-resolution';
import { boardWrittenResolution } from '../../../shared/rules/board-written-resolution';
import type { ReadDb, RegisterCtx } from '../context';
import { AppError } from '../errors';
import type { WrittenResolutionSignatoryTable, WrittenResolutionTable } from '../meetings/tables';
import { toRules } from '../organisation/handlers';

/**
 * How a written resolution reads: its status today (a lapse computed as it is read), the result on
 * the base the law sets, its eligible directors or members with how and when each agreed, and the
 * shape its audit events record. Shared by the handlers (handlers.ts, code-handlers.ts) and the
 * recording of an agreement (signify.ts).
 */
export type WrRow = Selectable<WrittenResolutionTable>;
export type SignatoryRow = Selectable<WrittenResolutionSignatoryTable>;

export interface Ctx {
  family: FormFamily;
  legalForm: LegalForm;
  rules: GoverningRules;
}

export async function wrContext(db: ReadDb, rc: RegisterCtx): Promise<Ctx> {
  const row = await db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', rc.org.id).executeTakeFirstOrThrow();
  return { family: formFamily(rc.legalForm), legalForm: rc.legalForm, rules: toRules(row, rc.legalForm) };
}

/** The status as it stands today: a circulating resolution past its last day has lapsed. */
export function statusOn(r: Pick<WrRow, 'status' | 'lapses_after'>, today: string): WrRow['status'] {
  if (r.status === 'circulating' && r.lapses_after !== null && today > r.lapses_after) return 'lapsed';
  return r.status;
}

/** The last day of the period beginning with the circulation date (CA 2006 s297(1)): day 1 is the circulation date. */
export function lapseDay(circulatedOn: string, days: number): string {
  return lapsePeriod(circulatedOn, days).lastDay;
}

export function specialPctFor(ctx: Ctx): number | undefined {
  return ctx.family === 'company' ? undefined : ctx.rules.specialResolutionPct;
}

/** A members' written resolution by shared/rules/written-resolution.ts, from what is on record. */
export function membersResult(r: WrRow, signatories: readonly SignatoryRow[], ctx: Ctx, today: string): WrittenResolutionResult {
  const pct = specialPctFor(ctx);
  return writtenResolutionResult({
    kind: r.kind ?? 'ordinary',
    family: ctx.family,
    company: 'private',
    // A society's members resolve in writing only under its rules; the app lets the secretary record it and says so.
    rulesAllow: true,
    statedAsSpecial: r.kind === 'special',
    circulatedOn: r.circulated_on,
    periodDays: daysBetween(r.circulated_on, r.lapses_after!) + 1,
    totalEligibleVotes: signatories.reduce((n, s) => n + s.votes, 0),
    agreements: signatories.filter((s) => s.agreed_on !== null).map((s) => ({ memberId: s.id, name: s.name, votes: s.votes, receivedOn: s.agreed_on! })),
    today,
    ...(pct !== undefined ? { specialPct: pct } : {}),
  });
}

/**
 * A board written resolution by shared/rules/board-written-resolution.ts. The eligible directors
 * were fixed, and art 8(4)'s quorum checked, when it was circulated; here they are the signatories.
 */
export function boardResult(signatories: readonly SignatoryRow[], ctx: Ctx) {
  return boardWrittenResolution({
    family: ctx.family,
    rulesAllow: true,
    directors: signatories.map((s) => ({ id: s.id, name: s.name })),
    conflicted: [],
    quorum: { required: 1, source: 'checked when circulated' },
    responses: signatories.filter((s) => s.agreed_on !== null).map((s) => ({ directorId: s.id, agreed: true, on: s.agreed_on! })),
  });
}

export const societyLabel = (ctx: Ctx) =>
  ctx.family === 'company' ? '' : ` ${writtenResolutionAvailability({ family: 'society', rulesAllow: true }).message}`;

export function message(r: WrRow, status: WrRow['status'], signatories: readonly SignatoryRow[], ctx: Ctx, today: string): string {
  if (r.body === 'board') {
    const b = boardResult(signatories, ctx);
    if (status === 'withdrawn') return `Withdrawn. ${b.message}`;
    if (status === 'passed') return `Passed on ${formatLegalDate(r.decided_on!)}, when the last of the ${signatories.length} eligible directors agreed in writing (${ctx.family === 'company' ? 'Model Articles art 8(1)-(2)' : 'your registered rules'}).`;
    return b.message;
  }
  const m = membersResult(r, signatories, ctx, today);
  if (status === 'withdrawn') return `Withdrawn. ${m.message}${societyLabel(ctx)}`;
  return `${m.message}${societyLabel(ctx)}`;
}

export async function views(db: ReadDb, ctx: Ctx, rows: readonly WrRow[], today: string): Promise<WrittenResolution[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const signatories = await db.selectFrom('written_resolution_signatory').selectAll().where('written_resolution_id', 'in', ids).orderBy('name').orderBy('id').execute();
  const decisions = await db.selectFrom('decision').select(['id', 'written_resolution_id']).where('written_resolution_id', 'in', ids).execute();
  return rows.map((r) => {
    const own = signatories.filter((s) => s.written_resolution_id === r.id);
    const status = statusOn(r, today);
    return {
      id: r.id,
      body: r.body,
      kind: r.kind,
      text: r.text,
      circulatedOn: r.circulated_on,
      lapsesAfter: r.lapses_after,
      status,
      decidedOn: r.decided_on,
      relatedOrganisation: r.related_organisation,
      decisionId: decisions.find((d) => d.written_resolution_id === r.id)?.id ?? null,
      eligible: own.length,
      totalVotes: own.reduce((n, s) => n + s.votes, 0),
      votesAgreed: own.filter((s) => s.agreed_on !== null).reduce((n, s) => n + s.votes, 0),
      message: message(r, status, own, ctx, today),
      codesIssued: own.filter((s) => s.code_hash !== null).length,
      signatories: own.map((s) => ({
        id: s.id,
        officerId: s.officer_id,
        memberId: s.member_id,
        name: s.name,
        votes: s.votes,
        agreedOn: s.agreed_on,
        agreedAt: s.agreed_at,
        // An agreement recorded before migration 0015 has no channel: it was the secretary's.
        agreedVia: s.agreed_on === null ? null : (s.agreed_via ?? 'secretary'),
        hasCode: s.code_hash !== null,
      })),
    };
  });
}

export async function loadWr(db: ReadDb, rc: RegisterCtx, id: string): Promise<WrRow> {
  const r = await db.selectFrom('written_resolution').selectAll().where('id', '=', id).where('organisation_id', '=', rc.org.id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'That written resolution is not on record.');
  return r;
}

export async function one(db: ReadDb, rc: RegisterCtx, id: string): Promise<WrittenResolution> {
  const ctx = await wrContext(db, rc);
  return (await views(db, ctx, [await loadWr(db, rc, id)], rc.today))[0]!;
}

export function auditView(r: Pick<WrRow, 'body' | 'kind' | 'text' | 'circulated_on' | 'lapses_after' | 'status' | 'decided_on' | 'related_organisation'>) {
  return { body: r.body, kind: r.kind, text: r.text, circulatedOn: r.circulated_on, lapsesAfter: r.lapses_after, status: r.status, decidedOn: r.decided_on, relatedOrganisation: r.related_organisation };
}

/** The day the resolution passed, if it has (s296(4); Model Articles art 8(1)-(2)). */
export function passedOn(r: WrRow, signatories: readonly SignatoryRow[], ctx: Ctx, today: string): string | null {
  if (r.body === 'board') return boardResult(signatories, ctx).takenOn;
  return membersResult(r, signatories, ctx, today).passedOn;
}
