import { isMembersMeeting } from '../../../shared/contract/meetings';
import type { AuditAction } from '../../../shared/domain/audit-actions';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { minutesDeletionRefusal } from '../../../shared/rules/minutes-retention';
import type { ReadDb, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { shortName } from '../meetings/people';
import type { MeetingRow, MinutesRow } from '../meetings/tables';
import { draftBody } from './draft';
import { meetingFacts } from './facts';
import { parseMinutesBody, stateFromText } from './lexical';
import { minutesPdfJob } from './pdf';
import { readSealedRecord, sealJson, sha256 } from './seal';
import { checkSeal } from './verify';
import { familyOf, minutesView, refuseIfSealed, requireMeeting, requireMinutes, retentionKind } from './view';

/**
 * Minutes from draft to signed and sealed (CA 2006 s248-s249 board, s355-s356 members, s1138).
 * Every mutation writes one audit event on the minutes (or the comment it adds), listing the
 * meeting too when approval changes its status.
 */
const CARRIED = new Set(['carried', 'carried_on_casting_vote', 'passed']);

/** The current organisation's id: every minutes and meeting looked up by id must be its own. */
async function orgId(ctx: { register(): Promise<{ org: { id: string } }> }): Promise<string> {
  return (await ctx.register()).org.id;
}

function assertNotFuture(tx: WriteContext, date: string, field: string, what: string): void {
  if (date > tx.today()) throw AppError.field(field, `${what} cannot be in the future (today is ${formatLegalDate(tx.today())}).`);
}

/** Whether meeting b was held after meeting a (a later day, or later the same day). */
function heldAfter(b: MeetingRow, a: MeetingRow): boolean {
  return b.held_on > a.held_on || (b.held_on === a.held_on && b.starts_at > a.starts_at);
}

async function chairNames(db: ReadDb, meeting: MeetingRow): Promise<string[]> {
  const names: string[] = [];
  if (meeting.chair_officer_id) {
    const o = await db.selectFrom('officer').select(['given_names', 'family_name']).where('id', '=', meeting.chair_officer_id).executeTakeFirst();
    if (o) names.push(`${o.given_names} ${o.family_name}`, shortName(o.given_names, o.family_name));
  }
  if (meeting.chair_name) names.push(meeting.chair_name);
  return names;
}

/** The chair of the board on a day (an appointment as chair in force), for minutes approved in writing. */
async function boardChairOn(db: ReadDb, organisationId: string, on: string): Promise<string[]> {
  const rows = await db
    .selectFrom('appointment as a')
    .innerJoin('officer as o', 'o.id', 'a.officer_id')
    .select(['o.given_names', 'o.family_name'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.role', '=', 'chair')
    .where('a.appointed_on', '<=', on)
    .where((eb) => eb.or([eb('a.ceased_on', 'is', null), eb('a.ceased_on', '>=', on)]))
    .execute();
  return rows.flatMap((o) => [`${o.given_names} ${o.family_name}`, shortName(o.given_names, o.family_name)]);
}

const norm = (s: string) => s.normalize('NFC').replace(/[.\s]+/g, ' ').trim().toLowerCase();

function audit(tx: WriteContext, row: { id: string }, action: AuditAction, summary: string, before: unknown, after: unknown, records?: { type: string; id: string }[]) {
  return tx.audit({ action, entityType: 'minutes', entityId: row.id, summary, before, after, ...(records ? { records } : {}) });
}

const brief = (m: MinutesRow) => ({ status: m.status, circulatedOn: m.circulated_on, approvedOn: m.approved_on, signedOn: m.signed_on, signedBy: m.signed_by });

export const minutesHandlers = defineHandlers('minutes', {
  'minutes.get': query(async (input, ctx) => {
    // The meeting's own minutes; corrections it approves are reached from the minutes they correct.
    await requireMeeting(ctx.db, await orgId(ctx), input.meetingId);
    const row = await ctx.db.selectFrom('minutes').selectAll().where('meeting_id', '=', input.meetingId).where('corrects_minutes_id', 'is', null).executeTakeFirst();
    if (!row) return null;
    return minutesView(ctx.db, row);
  }),

  'minutes.draft': mutation(async (input, tx) => {
    const meeting = await requireMeeting(tx.db, await orgId(tx), input.meetingId);
    if (meeting.status !== 'held') {
      const why = meeting.status === 'minutes_approved' ? 'its minutes are already approved' : meeting.status === 'cancelled' ? 'it was cancelled' : 'it has not been recorded as held yet';
      throw new AppError('CONFLICT', `Minutes are drafted once a meeting is held; the ${meeting.title} on ${formatLegalDate(meeting.held_on)} cannot have them drafted because ${why}.`);
    }
    const body = draftBody(await meetingFacts(tx.db, meeting));
    const existing = await tx.db.selectFrom('minutes').selectAll().where('meeting_id', '=', meeting.id).where('corrects_minutes_id', 'is', null).executeTakeFirst();
    if (existing) {
      if (!input.regenerate) throw new AppError('CONFLICT', 'This meeting already has minutes: open them, or choose to regenerate the draft.');
      refuseIfSealed(existing);
      if (existing.status !== 'draft') throw new AppError('CONFLICT', `These minutes have been ${existing.status}; only a draft can be regenerated, so the text others have seen stays as it was.`);
      await tx.db.updateTable('minutes').set({ body, updated_at: tx.who.at }).where('id', '=', existing.id).execute();
      audit(tx, existing, 'minutes.drafted', `Draft minutes of the ${meeting.title} on ${meeting.held_on} regenerated from the meeting's records`, { body: existing.body }, { body, regenerated: true });
      return minutesView(tx.db, await requireMinutes(tx.db, await orgId(tx), existing.id));
    }
    const id = uuidv7();
    await tx.db
      .insertInto('minutes')
      .values({ id, meeting_id: meeting.id, status: 'draft', body, approved_in_writing: 0, created_at: tx.who.at, updated_at: tx.who.at })
      .execute();
    audit(tx, { id }, 'minutes.drafted', `Draft minutes of the ${meeting.title} on ${meeting.held_on} generated from the meeting's records`, null, { meetingId: meeting.id, body });
    return minutesView(tx.db, await requireMinutes(tx.db, await orgId(tx), id));
  }),

  'minutes.save': mutation(async (input, tx) => {
    const row = await requireMinutes(tx.db, await orgId(tx), input.id);
    refuseIfSealed(row);
    if (row.status === 'approved') {
      throw new AppError('CONFLICT', `These minutes were approved on ${formatLegalDate(row.approved_on!)} in the form the meeting saw, so their text cannot change now. Have the chair sign them, then record any correction.`);
    }
    const body = parseMinutesBody(input.body);
    if (body === row.body) return minutesView(tx.db, row);
    await tx.db.updateTable('minutes').set({ body, updated_at: tx.who.at }).where('id', '=', row.id).execute();
    audit(tx, row, 'minutes.saved', 'Minutes edited', { body: row.body }, { body });
    return minutesView(tx.db, await requireMinutes(tx.db, await orgId(tx), row.id));
  }),

  'minutes.circulate': mutation(async (input, tx) => {
    const row = await requireMinutes(tx.db, await orgId(tx), input.id);
    refuseIfSealed(row);
    if (row.status === 'approved') throw new AppError('CONFLICT', `These minutes were approved on ${formatLegalDate(row.approved_on!)}; they are no longer circulated for comment.`);
    const meeting = await requireMeeting(tx.db, await orgId(tx), row.meeting_id);
    // A correction is circulated before the meeting that approves it; it follows the meeting it corrects.
    const subject = row.corrects_minutes_id ? await requireMeeting(tx.db, await orgId(tx), (await requireMinutes(tx.db, await orgId(tx), row.corrects_minutes_id)).meeting_id) : meeting;
    if (input.circulatedOn < subject.held_on) {
      throw AppError.field('circulatedOn', `Minutes cannot be circulated before the meeting they record (held on ${formatLegalDate(subject.held_on)}); ${formatLegalDate(input.circulatedOn)} was given.`);
    }
    assertNotFuture(tx, input.circulatedOn, 'circulatedOn', 'The date circulated');
    await tx.db.updateTable('minutes').set({ status: 'circulated', circulated_on: input.circulatedOn, updated_at: tx.who.at }).where('id', '=', row.id).execute();
    audit(tx, row, 'minutes.circulated', `Minutes of the ${meeting.title} on ${meeting.held_on} circulated for comment on ${input.circulatedOn}`, brief(row), { status: 'circulated', circulatedOn: input.circulatedOn });
    return minutesView(tx.db, await requireMinutes(tx.db, await orgId(tx), row.id));
  }),

  'minutes.comment': mutation(async (input, tx) => {
    const row = await requireMinutes(tx.db, await orgId(tx), input.id);
    refuseIfSealed(row);
    if (row.status !== 'circulated') {
      throw new AppError('CONFLICT', row.status === 'draft' ? 'Comments are recorded once the minutes are circulated for comment; circulate them first.' : `These minutes were approved on ${formatLegalDate(row.approved_on!)}; comments are kept only while they are circulated.`);
    }
    const id = uuidv7();
    await tx.db.insertInto('minutes_comment').values({ id, minutes_id: row.id, author: input.author, body: input.body, created_at: tx.who.at }).execute();
    tx.audit({ action: 'minutes.commented', entityType: 'minutes_comment', entityId: id, summary: 'Comment on circulated minutes recorded', before: null, after: { minutesId: row.id, author: input.author, body: input.body } });
    return minutesView(tx.db, row);
  }),

  'minutes.approve': mutation(async (input, tx) => {
    const row = await requireMinutes(tx.db, await orgId(tx), input.id);
    refuseIfSealed(row);
    if (row.status === 'approved') throw new AppError('CONFLICT', `These minutes were already approved on ${formatLegalDate(row.approved_on!)}.`);
    const meeting = await requireMeeting(tx.db, await orgId(tx), row.meeting_id);
    if (input.decisionId === undefined && !input.inWriting) {
      throw AppError.field('decisionId', 'Choose the decision of a later meeting that approved these minutes (under “minutes of the previous meeting”), or record that the board approved them in writing.');
    }
    if (input.decisionId !== undefined && input.inWriting) throw AppError.field('inWriting', 'Minutes are approved either by a decision at a later meeting or in writing, not both.');
    if (input.approvedOn < meeting.held_on) throw AppError.field('approvedOn', `Minutes cannot be approved before the meeting they record (held on ${formatLegalDate(meeting.held_on)}).`);
    assertNotFuture(tx, input.approvedOn, 'approvedOn', 'The date approved');
    // A correction is approved at the meeting it is recorded for, so the original meeting is its reference point.
    const subject = row.corrects_minutes_id ? await requireMeeting(tx.db, await orgId(tx), (await requireMinutes(tx.db, await orgId(tx), row.corrects_minutes_id)).meeting_id) : meeting;
    if (input.decisionId !== undefined) {
      const d = await tx.db.selectFrom('decision').selectAll().where('id', '=', input.decisionId).executeTakeFirst();
      if (!d || d.organisation_id !== meeting.organisation_id) throw AppError.field('decisionId', 'That decision is not on record.');
      if (d.meeting_id === null) throw AppError.field('decisionId', 'Minutes are approved by a decision of a later meeting; that decision was a written resolution. Record approval in writing instead.');
      const at = await requireMeeting(tx.db, await orgId(tx), d.meeting_id, 'decisionId');
      const self = row.corrects_minutes_id ? !heldAfter(at, subject) : !heldAfter(at, meeting);
      if (self || (row.corrects_minutes_id && at.id !== meeting.id)) {
        throw AppError.field(
          'decisionId',
          row.corrects_minutes_id
            ? `A correction is approved at the meeting it was recorded for (the ${meeting.title} on ${formatLegalDate(meeting.held_on)}); that decision was taken at the ${at.title} on ${formatLegalDate(at.held_on)}.`
            : `Minutes are approved at a later meeting; that decision was taken at the ${at.title} on ${formatLegalDate(at.held_on)}, not after the meeting these minutes record (${formatLegalDate(meeting.held_on)}).`,
        );
      }
      if (!CARRIED.has(d.outcome)) throw AppError.field('decisionId', `That decision was not carried (${d.outcome.replaceAll('_', ' ')}), so it did not approve the minutes.`);
      if (!isMembersMeeting(subject.kind) && (at.kind !== subject.kind || at.committee_id !== subject.committee_id)) {
        throw AppError.field('decisionId', `Minutes of ${subject.kind === 'committee' ? 'a committee' : 'the board'} are approved by a later meeting of the same ${subject.kind === 'committee' ? 'committee' : 'board'}; that decision was taken at the ${at.title}.`);
      }
      if (input.approvedOn < d.decided_on) throw AppError.field('approvedOn', `The minutes were approved by a decision taken on ${formatLegalDate(d.decided_on)}; the date approved cannot be earlier.`);
    }
    const approvedByDecisionId = input.decisionId ?? null;
    await tx.db
      .updateTable('minutes')
      .set({ status: 'approved', approved_on: input.approvedOn, approved_by_decision_id: approvedByDecisionId, approved_in_writing: input.inWriting ? 1 : 0, updated_at: tx.who.at })
      .where('id', '=', row.id)
      .execute();
    const records = [{ type: 'minutes', id: row.id }];
    if (!row.corrects_minutes_id && meeting.status !== 'minutes_approved') {
      await tx.db.updateTable('meeting').set({ status: 'minutes_approved', updated_at: tx.who.at }).where('id', '=', meeting.id).execute();
      records.push({ type: 'meeting', id: meeting.id });
    }
    audit(
      tx,
      row,
      'minutes.approved',
      `Minutes of the ${meeting.title} on ${meeting.held_on} approved ${input.inWriting ? 'by the board in writing' : 'by a decision of a later meeting'} on ${input.approvedOn}`,
      brief(row),
      { status: 'approved', approvedOn: input.approvedOn, approvedByDecisionId, approvedInWriting: input.inWriting, meetingStatus: row.corrects_minutes_id ? undefined : 'minutes_approved' },
      records,
    );
    return minutesView(tx.db, await requireMinutes(tx.db, await orgId(tx), row.id));
  }),

  'minutes.sign': mutation(async (input, tx) => {
    const row = await requireMinutes(tx.db, await orgId(tx), input.id);
    refuseIfSealed(row);
    if (row.status !== 'approved') throw new AppError('CONFLICT', 'The chair signs minutes once they have been approved; record their approval first.');
    const meeting = await requireMeeting(tx.db, await orgId(tx), row.meeting_id);
    if (input.signedOn < row.approved_on!) throw AppError.field('signedOn', `Minutes are signed once approved; they were approved on ${formatLegalDate(row.approved_on!)}, so they cannot be signed on ${formatLegalDate(input.signedOn)}.`);
    assertNotFuture(tx, input.signedOn, 'signedOn', 'The date signed');
    // CA 2006 s249(1): board minutes authenticated by the chair of the meeting or of the next
    // directors' meeting are evidence of the proceedings; s356(4): members' minutes signed by the
    // chair of that meeting or of the next general meeting. So this meeting's chair, or the chair
    // of the meeting that approved them where it is a meeting of the same kind of body (for
    // minutes approved by the board in writing, the chair of the board on the day).
    const chairs = await chairNames(tx.db, meeting);
    const members = isMembersMeeting(meeting.kind);
    if (row.approved_by_decision_id) {
      const d = await tx.db.selectFrom('decision').select('meeting_id').where('id', '=', row.approved_by_decision_id).executeTakeFirst();
      const approving = d?.meeting_id ? await requireMeeting(tx.db, await orgId(tx), d.meeting_id) : null;
      if (approving && isMembersMeeting(approving.kind) === members) chairs.push(...(await chairNames(tx.db, approving)));
    } else if (!members) {
      chairs.push(...(await boardChairOn(tx.db, meeting.organisation_id, input.signedOn)));
    }
    if (chairs.length > 0 && !chairs.some((c) => norm(c) === norm(input.signedBy))) {
      const named = [...new Set(chairs.filter((c) => !/^([A-Z]\.\s)+/.test(c)))];
      const section = members ? 's356(4)' : 's249(1)';
      // A society's registered rules decide who signs; the app asks what the Companies Act asks of a company.
      const law = (await familyOf(tx.db, meeting.organisation_id)) === 'company' ? `CA 2006 ${section}` : `as CA 2006 ${section} asks of a company; the CCBS Act 2014 leaves it to the society’s rules`;
      throw AppError.field(
        'signedBy',
        `Minutes are signed by the chair of the meeting or of the ${members ? 'next general meeting' : 'meeting that approved them'} (${law}): ${named.join(' or ')}. ${input.signedBy} is not recorded as chairing either.`,
      );
    }
    const signed: MinutesRow = { ...row, status: 'signed', signed_on: input.signedOn, signed_by: input.signedBy, updated_at: tx.who.at };
    const record = sealJson(await readSealedRecord(tx.db, signed));
    const hash = sha256(record);
    await tx.db
      .updateTable('minutes')
      .set({ status: 'signed', signed_on: input.signedOn, signed_by: input.signedBy, sealed_record: record, sealed_sha256: hash, updated_at: tx.who.at })
      .where('id', '=', row.id)
      .execute();
    audit(tx, row, 'minutes.signed', `Minutes of the ${meeting.title} on ${meeting.held_on} signed by the chair and sealed (SHA-256 ${hash})`, brief(row), {
      status: 'signed',
      signedBy: input.signedBy,
      signedOn: input.signedOn,
      sha256: hash,
    });
    await tx.flushAudit();
    return minutesView(tx.db, await requireMinutes(tx.db, await orgId(tx), row.id));
  }),

  'minutes.pdf': minutesPdfJob,

  'minutes.verify': query(async (input, ctx) => {
    await requireMinutes(ctx.db, await orgId(ctx), input.id);
    const result = await checkSeal(ctx.db, input.id, input.sha256);
    return { ok: result.ok, message: result.message };
  }),

  'minutes.correct': mutation(async (input, tx) => {
    const original = await requireMinutes(tx.db, await orgId(tx), input.id);
    if (original.status !== 'signed') throw new AppError('CONFLICT', 'Only signed minutes are corrected by a separate record; these are not signed yet, so edit them instead.');
    const originalMeeting = await requireMeeting(tx.db, await orgId(tx), original.meeting_id);
    const later = await requireMeeting(tx.db, await orgId(tx), input.meetingId);
    if (later.organisation_id !== originalMeeting.organisation_id || !heldAfter(later, originalMeeting)) {
      throw AppError.field('meetingId', `A correction is approved at a later meeting than the one the minutes record (${formatLegalDate(originalMeeting.held_on)}); the ${later.title} was held on ${formatLegalDate(later.held_on)}.`);
    }
    if (later.status === 'cancelled') throw AppError.field('meetingId', `The ${later.title} on ${formatLegalDate(later.held_on)} was cancelled; choose the meeting that will approve the correction.`);
    // A meeting holds its own minutes and any corrections it approves (migration 0008), but one correction of the same minutes.
    const taken = await tx.db.selectFrom('minutes').select('id').where('meeting_id', '=', later.id).where('corrects_minutes_id', '=', original.id).executeTakeFirst();
    if (taken) {
      throw AppError.field('meetingId', `A correction to these minutes is already recorded for the ${later.title} on ${formatLegalDate(later.held_on)}; edit that correction instead.`);
    }
    const body = stateFromText(input.text);
    const id = uuidv7();
    await tx.db
      .insertInto('minutes')
      .values({ id, meeting_id: later.id, status: 'draft', body, corrects_minutes_id: original.id, approved_in_writing: 0, created_at: tx.who.at, updated_at: tx.who.at })
      .execute();
    audit(tx, { id }, 'minutes.correction_recorded', `Correction to the signed minutes of the ${originalMeeting.title} on ${originalMeeting.held_on} recorded, for approval at the ${later.title} on ${later.held_on}`, null, {
      correctsMinutesId: original.id,
      meetingId: later.id,
      body,
    });
    return minutesView(tx.db, await requireMinutes(tx.db, await orgId(tx), id));
  }),

  'minutes.delete': mutation(async (input, tx) => {
    const row = await requireMinutes(tx.db, await orgId(tx), input.id);
    const meeting = await requireMeeting(tx.db, await orgId(tx), row.meeting_id);
    if (row.status === 'signed' || row.status === 'approved') {
      // Approved minutes are the record too, signed or not: both are kept (CA 2006 s248(2), s355(2)).
      const refusal = minutesDeletionRefusal(retentionKind(meeting.kind), meeting.held_on, await familyOf(tx.db, meeting.organisation_id), tx.today());
      if (refusal) throw new AppError('CONFLICT', refusal);
    }
    const corrections = await tx.db.selectFrom('minutes').select('id').where('corrects_minutes_id', '=', row.id).execute();
    if (corrections.length > 0) throw new AppError('CONFLICT', 'A correction refers to these minutes; they are kept while it is.');
    const comments = await tx.db.selectFrom('minutes_comment').select('id').where('minutes_id', '=', row.id).execute();
    await tx.db.deleteFrom('minutes_comment').where('minutes_id', '=', row.id).execute();
    await tx.db.deleteFrom('minutes').where('id', '=', row.id).execute();
    audit(
      tx,
      row,
      'minutes.deleted',
      `${row.status === 'signed' ? 'Signed minutes' : 'Draft minutes'} of the ${meeting.title} on ${meeting.held_on} deleted${input.reason ? `: ${input.reason}` : ''}`,
      brief(row),
      { deleted: true, reason: input.reason ?? null, comments: comments.length },
      [{ type: 'minutes', id: row.id }, ...comments.map((c) => ({ type: 'minutes_comment', id: c.id }))],
    );
    return { deleted: true as const };
  }),
});
