import { createHash } from 'node:crypto';
import type { Officer } from '../../../shared/contract/officers';
import type { Core } from '../core';
import { uuidv7 } from '../db/ids';
import { expectOk } from '../testing';

/**
 * A board with held meetings, written as the meetings and decisions areas would write them (in a
 * mutation, with an audit event vouching for every row whose type has a state reader), so the
 * minutes tests need not wait for those areas' handlers.
 */
export interface BoardFixture {
  orgId: string;
  directors: { sian: Officer; ben: Officer; aisha: Officer; dev: Officer };
  /** Board meeting of 10 September 2026: the one the minutes record. */
  first: { meetingId: string; contractItemId: string; decisionId: string; paperSha: string };
  /** Board meeting of 15 October 2026, chaired by Ben Okoro: approves the first meeting's minutes. */
  second: { meetingId: string; approvalDecisionId: string; lostDecisionId: string };
  /** Board meeting of 12 November 2026 (held, no minutes yet): for corrections. */
  third: { meetingId: string };
}

const SERVICE = { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' };

async function director(core: Core, givenNames: string, familyName: string): Promise<Officer> {
  return expectOk(
    await core.dispatch('officers.add', {
      particulars: { givenNames, familyName, serviceAddress: SERVICE, dateOfBirth: '1980-03-04', nationality: 'British', occupation: 'Nurse', countryOfResidence: 'England' },
      residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
      appointment: { role: 'director', directorKind: 'employee', appointedOn: '2020-01-01' },
    }),
  ) as Officer;
}

type Rows = Array<[table: string, row: Record<string, unknown>]>;

/** Inserts rows in one mutation with one audit event vouching for them. */
export async function insertRecorded(core: Core, rows: Rows, summary = 'Test set-up'): Promise<void> {
  await core.mutate('test set-up', async (tx) => {
    for (const [table, row] of rows) await tx.db.insertInto(table as never).values(row as never).execute();
    const records = rows.filter(([table]) => core.registry.readers.has(table)).map(([table, row]) => ({ type: table, id: row.id as string }));
    tx.audit({ action: 'meeting.created', entityType: 'meeting', entityId: null, summary, before: null, after: null, records });
  });
}

export function meetingRow(orgId: string, o: { id?: string; heldOn: string; title?: string; chair?: string | null; status?: string; kind?: string }): Record<string, unknown> {
  return {
    id: o.id ?? uuidv7(),
    organisation_id: orgId,
    kind: o.kind ?? 'board',
    title: o.title ?? 'Board of Directors',
    held_on: o.heldOn,
    starts_at: '18:30',
    ends_at: '20:30',
    place: 'Civic Hall, Leeds',
    electronic_means: 'Microsoft Teams',
    chair_officer_id: o.chair ?? null,
    status: o.status ?? 'held',
    short_notice: 0,
    created_at: '2026-08-01T10:00:00.000Z',
    updated_at: '2026-08-01T10:00:00.000Z',
  };
}

const at = '2026-09-10T19:00:00.000Z';

export function itemRow(meetingId: string, position: number, title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: uuidv7(), meeting_id: meetingId, position, title, purpose: 'decision', created_at: at, updated_at: at, ...extra };
}

export function decisionRow(orgId: string, meetingId: string, itemId: string | null, decidedOn: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: uuidv7(),
    organisation_id: orgId,
    meeting_id: meetingId,
    agenda_item_id: itemId,
    kind: 'board',
    text: 'To approve the minutes of the previous meeting',
    method: 'board_vote',
    votes_named: 0,
    votes_for: 3,
    votes_against: 0,
    votes_abstain: 0,
    outcome: 'carried',
    recorded_not_quorate: 0,
    decided_on: decidedOn,
    created_at: at,
    updated_at: at,
    ...extra,
  };
}

export async function boardFixture(core: Core): Promise<BoardFixture> {
  const orgId = (core.raw.prepare('select id from organisation').pluck().get() as string)!;
  const sian = await director(core, 'Siân', 'Jones');
  const ben = await director(core, 'Ben', 'Okoro');
  const aisha = await director(core, 'Aisha', 'Khan');
  const dev = await director(core, 'Dev', 'Patel');

  const m1 = meetingRow(orgId, { heldOn: '2026-09-10', chair: sian.id });
  const m1id = m1.id as string;
  const apologies = itemRow(m1id, 0, 'Apologies', { standard: 'apologies', purpose: 'information' });
  const contract = itemRow(m1id, 1, 'Community services contract renewal', {
    related_organisation: 'Leeds City Council',
    notes: 'The Finance Manager presented the renewal terms.\n\nThe board asked about staffing levels.',
    starts_at: '18:40',
  });
  const aob = itemRow(m1id, 2, 'Any other business', { standard: 'aob', purpose: 'discussion' });
  const bytes = Buffer.from('%PDF-1.4\n% a paper\n');
  const paperSha = createHash('sha256').update(bytes).digest('hex');
  const docId = uuidv7();
  const decision = decisionRow(orgId, m1id, contract.id as string, '2026-09-10', {
    text: 'To renew the community services contract with Leeds City Council',
    votes_named: 1,
    votes_for: 2,
    proposer: 'Ben Okoro',
    seconder: 'Siân Jones',
  });
  const attendance = (officer: Officer | null, name: string, status: string, extra: Record<string, unknown> = {}) => ({
    id: uuidv7(),
    meeting_id: m1id,
    role: officer ? 'director' : 'in_attendance',
    officer_id: officer?.id ?? null,
    name,
    status,
    created_at: at,
    updated_at: at,
    ...extra,
  });

  const m2 = meetingRow(orgId, { heldOn: '2026-10-15', chair: ben.id });
  const m2id = m2.id as string;
  const prev = itemRow(m2id, 0, 'Minutes of the previous meeting', { standard: 'previous_minutes' });
  const approval = decisionRow(orgId, m2id, prev.id as string, '2026-10-15', { text: 'To approve the minutes of the meeting of 10 September 2026 as a true record' });
  const lost = decisionRow(orgId, m2id, prev.id as string, '2026-10-15', { text: 'To approve an earlier draft', outcome: 'lost', votes_for: 0, votes_against: 3 });
  const m3 = meetingRow(orgId, { heldOn: '2026-11-12', chair: sian.id });

  await insertRecorded(core, [
    ['meeting', m1],
    ['agenda_item', apologies],
    ['agenda_item', contract],
    ['agenda_item', aob],
    ['document', { id: docId, organisation_id: orgId, sha256: paperSha, size: bytes.length, media_type: 'application/pdf', bytes, created_at: at }],
    ['paper', { id: uuidv7(), agenda_item_id: contract.id, document_id: docId, title: 'Renewal terms', file_name: 'renewal-terms.pdf', kind: 'pdf', position: 0, created_at: at }],
    ['attendance', attendance(sian, 'Siân Jones', 'present', { capacity: 'Chair' })],
    ['attendance', attendance(ben, 'Ben Okoro', 'present_electronically')],
    ['attendance', attendance(aisha, 'Aisha Khan', 'present', { left_at: '19:40' })],
    ['attendance', attendance(dev, 'Dev Patel', 'apologies')],
    ['attendance', attendance(null, 'Mo Ali', 'present', { capacity: 'Finance Manager' })],
    ['meeting_declaration', { id: uuidv7(), meeting_id: m1id, agenda_item_id: contract.id, officer_id: aisha.id, nature: 'Employed by Leeds City Council', created_at: at }],
    ['decision', decision],
    ['decision_vote', { id: uuidv7(), decision_id: decision.id, officer_id: sian.id, vote: 'for', created_at: at }],
    ['decision_vote', { id: uuidv7(), decision_id: decision.id, officer_id: ben.id, vote: 'for', created_at: at }],
    ['decision_vote', { id: uuidv7(), decision_id: decision.id, officer_id: aisha.id, vote: 'recused', created_at: at }],
    ['action_item', { id: uuidv7(), organisation_id: orgId, meeting_id: m1id, agenda_item_id: contract.id, description: 'Sign the renewed contract', owner_name: 'Ben Okoro', due_on: '2026-10-01', status: 'open', created_at: at, updated_at: at }],
    ['meeting', m2],
    ['agenda_item', prev],
    ['decision', approval],
    ['decision', lost],
    ['meeting', m3],
  ]);
  return {
    orgId,
    directors: { sian, ben, aisha, dev },
    first: { meetingId: m1id, contractItemId: contract.id as string, decisionId: decision.id as string, paperSha },
    second: { meetingId: m2id, approvalDecisionId: approval.id as string, lostDecisionId: lost.id as string },
    third: { meetingId: m3.id as string },
  };
}
