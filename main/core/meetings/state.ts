import { rowStateReader, type StateReader } from '../audit/state';
import type { ReadDb } from '../context';

/**
 * What the audit log vouches for in the meetings area: each record's own columns (see
 * CONTRIBUTING, "The audit log vouches for record states"). One reader per table the meetings
 * and committees handlers write.
 */
const reader = rowStateReader;

async function meetingWords(db: ReadDb, meetingId: string | null | undefined): Promise<string> {
  if (!meetingId) return 'a meeting';
  const m = await db.selectFrom('meeting').select(['title', 'held_on']).where('id', '=', meetingId).executeTakeFirst();
  return m ? `the ${m.title} on ${m.held_on}` : `a meeting (${meetingId})`;
}

export const meetingState = reader('meeting', async (db, id) => `meeting ${await meetingWords(db, id)}`);

export const agendaItemState = reader('agenda_item', async (db, id) => {
  const r = await db.selectFrom('agenda_item').select(['title', 'meeting_id']).where('id', '=', id).executeTakeFirst();
  return r ? `the agenda item "${r.title}" of ${await meetingWords(db, r.meeting_id)}` : `an agenda item (${id})`;
});

export const paperState = reader('paper', async (db, id) => {
  const r = await db.selectFrom('paper').select(['file_name']).where('id', '=', id).executeTakeFirst();
  return r ? `the paper ${r.file_name}` : `a paper (${id})`;
});

export const attendanceState = reader('attendance', async (db, id) => {
  const r = await db.selectFrom('attendance').select(['name', 'meeting_id']).where('id', '=', id).executeTakeFirst();
  return r ? `the attendance of ${r.name} at ${await meetingWords(db, r.meeting_id)}` : `an attendance entry (${id})`;
});

export const proxyAppointmentState = reader('proxy_appointment', async (db, id) => {
  const r = await db.selectFrom('proxy_appointment').select(['proxy_name', 'meeting_id']).where('id', '=', id).executeTakeFirst();
  return r ? `the appointment of ${r.proxy_name} as proxy at ${await meetingWords(db, r.meeting_id)}` : `a proxy appointment (${id})`;
});

export const shortNoticeConsentState = reader('short_notice_consent', async (db, id) => {
  const r = await db.selectFrom('short_notice_consent').select(['meeting_id']).where('id', '=', id).executeTakeFirst();
  return r ? `a consent to short notice of ${await meetingWords(db, r.meeting_id)}` : `a consent to short notice (${id})`;
});

export const resolutionState = reader('resolution', async (db, id) => {
  const r = await db.selectFrom('resolution').select(['position', 'meeting_id']).where('id', '=', id).executeTakeFirst();
  return r ? `resolution ${r.position + 1} of ${await meetingWords(db, r.meeting_id)}` : `a resolution (${id})`;
});

export const meetingDeclarationState = reader('meeting_declaration', async (db, id) => {
  const r = await db.selectFrom('meeting_declaration').select(['meeting_id']).where('id', '=', id).executeTakeFirst();
  return r ? `a declaration of interest at ${await meetingWords(db, r.meeting_id)}` : `a declaration at a meeting (${id})`;
});

export const committeeState = reader('committee', async (db, id) => {
  const r = await db.selectFrom('committee').select(['name']).where('id', '=', id).executeTakeFirst();
  return r ? `the committee ${r.name}` : `a committee (${id})`;
});

export const committeeMemberState = reader('committee_member', async (db, id) => {
  const r = await db
    .selectFrom('committee_member as cm')
    .innerJoin('committee as c', 'c.id', 'cm.committee_id')
    .innerJoin('officer as o', 'o.id', 'cm.officer_id')
    .select(['c.name', 'o.given_names', 'o.family_name'])
    .where('cm.id', '=', id)
    .executeTakeFirst();
  return r ? `${r.given_names} ${r.family_name} on the committee ${r.name}` : `a committee membership (${id})`;
});

export const meetingStateReaders: StateReader[] = [
  meetingState,
  agendaItemState,
  paperState,
  attendanceState,
  proxyAppointmentState,
  shortNoticeConsentState,
  resolutionState,
  meetingDeclarationState,
  committeeState,
  committeeMemberState,
];
