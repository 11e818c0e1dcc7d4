import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/state';
import type { ReadDb } from '../context';
import { compiledOnce } from '../db/compiled';
import { meetingRows } from '../meetings/rows';
import { itemNumbers } from '../meetings/quorum';
import type { MinutesRow } from '../meetings/tables';

/**
 * The seal on signed minutes (CA 2006 s248-s249, s355-s356; s1138 asks records kept otherwise
 * than in bound books to be guarded against falsification). Signing writes the canonical JSON of
 * everything the minutes stand for (their text and metadata, the meeting, its agenda,
 * attendance, declarations, proxies, resolutions, decisions with named votes, and each paper's
 * title, file name and SHA-256) into `minutes.sealed_record`, and its SHA-256 into
 * `sealed_sha256`, the audit event and the PDF. Verifying recomputes the record from the rows as
 * they are now: someone who edits the file with a database tool, with the triggers dropped, is
 * found and the record they changed is named.
 */
export const SEAL_VERSION = 'mg-minutes-seal-v1';

type Row = Record<string, unknown> & { id: string };

export interface SealedRecord {
  version: string;
  minutes: Record<string, unknown>;
  meeting: Record<string, unknown>;
  agendaItems: Row[];
  attendance: Row[];
  declarations: Row[];
  proxies: Row[];
  resolutions: Row[];
  decisions: Row[];
  papers: Row[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The minutes' own fields that are sealed: all but the seal itself and the edit time. */
export function sealedMinutesFields(m: MinutesRow): Record<string, unknown> {
  return {
    id: m.id,
    meeting_id: m.meeting_id,
    status: 'signed',
    body: m.body,
    circulated_on: m.circulated_on,
    approved_on: m.approved_on,
    approved_by_decision_id: m.approved_by_decision_id,
    approved_in_writing: m.approved_in_writing,
    signed_on: m.signed_on,
    signed_by: m.signed_by,
    corrects_minutes_id: m.corrects_minutes_id,
    created_at: m.created_at,
  };
}

/** Reads the record of a meeting as it stands now, in a stable order. */
/**
 * The sealed record's queries: fixed shapes, compiled once (db/compiled.ts). Votes and papers are
 * found through their decision's or item's meeting (the same rows as by lists of ids, in one
 * statement whatever their number); every list is sorted by id before it is hashed.
 */
const Q = {
  meeting: compiledOnce((db: ReadDb, id: string) => db.selectFrom('meeting').selectAll().where('id', '=', id)),
  declarations: compiledOnce((db: ReadDb, meetingId: string) => db.selectFrom('meeting_declaration').selectAll().where('meeting_id', '=', meetingId)),
  proxies: compiledOnce((db: ReadDb, meetingId: string) => db.selectFrom('proxy_appointment').selectAll().where('meeting_id', '=', meetingId)),
  resolutions: compiledOnce((db: ReadDb, meetingId: string) => db.selectFrom('resolution').selectAll().where('meeting_id', '=', meetingId)),
  decisions: compiledOnce((db: ReadDb, meetingId: string) => db.selectFrom('decision').selectAll().where('meeting_id', '=', meetingId)),
  votes: compiledOnce((db: ReadDb, meetingId: string) =>
    db.selectFrom('decision_vote as v').innerJoin('decision as d', 'd.id', 'v.decision_id').selectAll('v').where('d.meeting_id', '=', meetingId),
  ),
  papers: compiledOnce((db: ReadDb, meetingId: string) =>
    db
      .selectFrom('paper as p')
      .innerJoin('agenda_item as i', 'i.id', 'p.agenda_item_id')
      .innerJoin('document as d', 'd.id', 'p.document_id')
      .select(['p.id', 'p.agenda_item_id', 'p.document_id', 'p.title', 'p.file_name', 'p.kind', 'p.position', 'p.created_at', 'd.sha256', 'd.size'])
      .where('i.meeting_id', '=', meetingId),
  ),
};

export async function readSealedRecord(db: ReadDb, minutes: MinutesRow): Promise<SealedRecord> {
  if (minutes.corrects_minutes_id) {
    // A correction seals its own text and the seal of the minutes it corrects, not the records
    // of the meeting that approved it (those are that meeting's own minutes' business).
    const original = await db.selectFrom('minutes').select(['id', 'sealed_sha256']).where('id', '=', minutes.corrects_minutes_id).executeTakeFirst();
    return {
      version: SEAL_VERSION,
      minutes: { ...sealedMinutesFields(minutes), corrects: original ? { id: original.id, sealed_sha256: original.sealed_sha256 } : null },
      meeting: {},
      agendaItems: [],
      attendance: [],
      declarations: [],
      proxies: [],
      resolutions: [],
      decisions: [],
      papers: [],
    };
  }
  const meetingId = minutes.meeting_id;
  const meeting = await Q.meeting.first(db, meetingId);
  const agendaItems = await meetingRows.agendaItems.all(db, meetingId);
  const attendance = await meetingRows.attendance.all(db, meetingId);
  const declarations = await Q.declarations.all(db, meetingId);
  const proxies = await Q.proxies.all(db, meetingId);
  const resolutions = await Q.resolutions.all(db, meetingId);
  const decisions = await Q.decisions.all(db, meetingId);
  const votes = decisions.length ? await Q.votes.all(db, meetingId) : [];
  const papers = agendaItems.length ? await Q.papers.all(db, meetingId) : [];
  const votesOf = new Map<string, Row[]>();
  for (const v of votes) votesOf.set(v.decision_id, [...(votesOf.get(v.decision_id) ?? []), { ...v }]);
  return {
    version: SEAL_VERSION,
    minutes: sealedMinutesFields(minutes),
    meeting: meeting ? { ...meeting } : {},
    agendaItems: agendaItems.map((r) => ({ ...r })).sort(byId),
    attendance: attendance.map((r) => ({ ...r })).sort(byId),
    declarations: declarations.map((r) => ({ ...r })).sort(byId),
    proxies: proxies.map((r) => ({ ...r })).sort(byId),
    resolutions: resolutions.map((r) => ({ ...r })).sort(byId),
    decisions: decisions.map((d) => ({ ...d, votes: (votesOf.get(d.id) ?? []).sort(byId) })).sort(byId),
    papers: papers.map((r) => ({ ...r })).sort(byId),
  };
}

export function sealJson(record: SealedRecord): string {
  return canonicalJson(record);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------
// What differs

const COLLECTIONS: Array<[key: keyof SealedRecord, words: (r: Row, i: number, rec: SealedRecord) => string]> = [
  ['agendaItems', (r, _i, rec) => `agenda item ${itemNumbers(rec.agendaItems as never).get(r.id) ?? ''} (“${String(r.title ?? '')}”)`.replace('  ', ' ')],
  ['attendance', (r) => `the attendance of ${String(r.name ?? 'someone')}`],
  ['declarations', (r, i) => `declaration of interest ${i + 1}`],
  ['proxies', (r) => `the proxy appointment of ${String(r.proxy_name ?? 'someone')}`],
  ['resolutions', (r, i) => `resolution ${i + 1}`],
  ['decisions', (r, i) => `decision ${i + 1} (“${truncate(String(r.text ?? ''))}”)`],
  ['papers', (r) => `the paper ${String(r.file_name ?? '')}`],
];

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null)).sort();
}

const fieldWords = (fields: string[]) => fields.map((f) => f.replaceAll('_', ' ')).join(', ');

/**
 * The differences between the sealed record and the record now, each in words ("decision 3
 * (“Approve the budget”) has changed since sealing (votes for)"). Both are canonical JSON text.
 */
export function describeDifferences(sealedText: string, currentText: string): string[] {
  let sealed: SealedRecord;
  try {
    sealed = JSON.parse(sealedText) as SealedRecord;
  } catch {
    return ['the sealed record kept with the minutes cannot be read'];
  }
  const current = JSON.parse(currentText) as SealedRecord;
  const out: string[] = [];
  const minutesChanged = changedFields(sealed.minutes ?? {}, current.minutes);
  if (minutesChanged.length) out.push(`the minutes themselves have changed since sealing (${fieldWords(minutesChanged)})`);
  const meetingChanged = changedFields(sealed.meeting ?? {}, current.meeting);
  if (meetingChanged.length) out.push(`the meeting’s record has changed since sealing (${fieldWords(meetingChanged)})`);
  for (const [key, words] of COLLECTIONS) {
    const before = (sealed[key] as Row[] | undefined) ?? [];
    const now = current[key] as Row[];
    const nowById = new Map(now.map((r) => [r.id, r]));
    const beforeIds = new Set(before.map((r) => r.id));
    before.forEach((r, i) => {
      const n = nowById.get(r.id);
      if (!n) out.push(`${words(r, i, sealed)} has been deleted since sealing`);
      else {
        const fields = changedFields(r, n);
        if (fields.length) out.push(`${words(r, i, sealed)} has changed since sealing (${fieldWords(fields)})`);
      }
    });
    now.forEach((r, i) => {
      if (!beforeIds.has(r.id)) out.push(`${words(r, i, current)} has been added since sealing`);
    });
  }
  return out;
}
