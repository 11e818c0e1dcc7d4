import type { ReportDoc, ReportKind, ReportRequest } from '../../../shared/contract/reports';
import { addDays, addYears, formatLegalDate } from '../../../shared/rules/legal-date';
import type { ReadDb, RegisterCtx } from '../context';
import type { OrganisationRow } from '../db/schema';
import { organisationOnDate } from '../contracts/reports/organisation-on-date';
import { AppError } from '../errors';
import { beforeIncorporationProblem } from '../organisation/guards';
import { BUILDERS } from './builders/index';
import { KIND_INFO, isOrAre, ruledOutReason, titleInSentence } from './catalogue';
import type { BuiltReport, ReportBuilder, ReportSource } from './source';

/**
 * How a report is built, wherever it runs: the request checked and its period settled on the host
 * (resolveRequest), the builder run over one read transaction (runBuilder: in the report worker,
 * report-worker.ts, or on the host as a fallback), and the document put together (assembleDoc).
 */

export interface ResolvedRequest {
  request: ReportRequest;
  period: { from: string | null; to: string };
}

/** The number of organisations this file keeps (a group report needs more than one). */
export async function organisationCount(db: ReadDb): Promise<number> {
  const row = await db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Checks a request and settles its period. A report states the records as they stood on its date,
 * so the date must have come (the registers do not say who will be a member), must fall within
 * the organisation's life, and the period must end on it.
 */
export async function resolveRequest(db: ReadDb, rc: RegisterCtx, input: ReportRequest): Promise<ResolvedRequest> {
  const info = KIND_INFO[input.kind];
  // The legal form as at the report's date (rolled back from the audit log): a CIC converted later can still produce its past CIC34s.
  const judgedOn = input.asAt < rc.today ? input.asAt : rc.today;
  const formThen = (await organisationOnDate(db, rc.org, judgedOn)).legalForm;
  const why = ruledOutReason(
    input.kind,
    { legal_form: formThen },
    await organisationCount(db),
    formThen !== rc.org.legal_form || judgedOn !== rc.today ? { on: judgedOn, words: formatLegalDate(judgedOn) } : undefined,
  );
  if (why !== null) throw AppError.field('kind', why);
  builderFor(input.kind);
  if (input.asAt > rc.today) {
    throw AppError.field(
      'asAt',
      `A report can be as at today (${formatLegalDate(rc.today)}) or an earlier date, not ${formatLegalDate(input.asAt)}: the records say what has happened, not what will.`,
    );
  }
  const early = beforeIncorporationProblem(rc, input.asAt, 'A report');
  if (early) throw AppError.field('asAt', early);

  let from: string | null = null;
  if (info.period) {
    if (input.from !== undefined) {
      if (input.from > input.asAt) {
        throw AppError.field('from', `The period must start on or before its end: ${formatLegalDate(input.from)} is after ${formatLegalDate(input.asAt)}.`);
      }
      const before = beforeIncorporationProblem(rc, input.from, 'The start of the period');
      if (before) throw AppError.field('from', before);
      from = input.from;
    } else {
      // A year: from the day after the same date a year before, or from incorporation if later.
      const yearBefore = addDays(addYears(input.asAt, -1), 1);
      from = yearBefore < rc.org.incorporated_on ? rc.org.incorporated_on : yearBefore;
    }
  } else if (input.from !== undefined) {
    throw AppError.field('from', `The ${titleInSentence(input.kind)} ${isOrAre(input.kind, 'is', 'are')} as at one date and ${isOrAre(input.kind, 'has', 'have')} no start date; leave the start of the period out.`);
  }

  if (info.needsMeeting) {
    if (!input.meetingId) throw AppError.field('meetingId', `Choose the general meeting the ${info.title} is for.`);
    const m = await db.selectFrom('meeting').select(['kind']).where('id', '=', input.meetingId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!m) throw AppError.field('meetingId', 'That meeting is not on record for this organisation.');
    if (m.kind !== 'annual_general' && m.kind !== 'general') {
      throw AppError.field('meetingId', `The ${info.title} is for a general meeting of the members; that meeting is a ${m.kind === 'class' ? 'class meeting' : `${m.kind} meeting`}.`);
    }
  } else if (input.meetingId !== undefined) {
    throw AppError.field('meetingId', `The ${titleInSentence(input.kind)} ${isOrAre(input.kind, 'is', 'are')} not for one meeting; leave the meeting out.`);
  }

  const request: ReportRequest = { kind: input.kind, asAt: input.asAt, ...(from !== null ? { from } : {}), ...(input.meetingId ? { meetingId: input.meetingId } : {}) };
  return { request, period: { from, to: input.asAt } };
}

/** The builder for a kind, or a CONFLICT naming the report when this version has none. */
export function builderFor(kind: ReportKind, builders: Partial<Record<ReportKind, ReportBuilder>> = BUILDERS): ReportBuilder {
  const b = builders[kind];
  if (!b) throw new AppError('CONFLICT', `The ${titleInSentence(kind)} cannot be produced in this version of the app yet.`);
  return b;
}

export interface RunOptions {
  db: ReadDb;
  org: OrganisationRow;
  resolved: ResolvedRequest;
  today: string;
  progress: ReportSource['progress'];
  checkpoint: ReportSource['checkpoint'];
  builders?: Partial<Record<ReportKind, ReportBuilder>>;
}

/** Runs the kind's builder over one read transaction (the caller's db). */
export async function runBuilder(o: RunOptions): Promise<BuiltReport> {
  const builder = builderFor(o.resolved.request.kind, o.builders);
  const src: ReportSource = {
    db: o.db,
    org: o.org,
    request: o.resolved.request,
    period: o.resolved.period,
    today: o.today,
    progress: o.progress,
    checkpoint: o.checkpoint,
  };
  return builder(src);
}

/** The document: what the builder made, with the request, the organisation, the dates and the audit head it was read at. */
export function assembleDoc(built: BuiltReport, resolved: ResolvedRequest, org: OrganisationRow, producedAt: Date, head: { seq: number; hash: string }): ReportDoc {
  return {
    request: resolved.request,
    title: built.title,
    organisation: { id: org.id, name: org.name, legalForm: org.legal_form, registrationNumber: org.registration_number },
    period: resolved.period,
    producedAt: producedAt.toISOString(),
    auditHead: { seq: head.seq, hash: head.hash },
    sections: built.sections,
    missing: built.missing,
  };
}
