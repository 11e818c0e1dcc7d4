import { createHash, randomFillSync } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { canonicalJson } from '../core/audit/state';
import { uuidv7 } from '../core/db/ids';
import { addDays } from '../../shared/rules/legal-date';
import { rng } from '../sample/people';

/**
 * Benchmark set-up only (not a measured figure): years of meetings of one busy organisation,
 * loaded with raw prepared statements in big transactions. The app's audit rule is not applied
 * to this bulk-loaded history (as a migration from another system would arrive); the measured
 * paths then run through the core against it and write their own audit events.
 *
 * Papers: the `document` table is content-addressed per organisation (unique organisation_id,
 * sha256), so the 18,000 papers of ten years (3 of 2 MB per meeting, 36 GB if each were distinct)
 * share a pool of distinct 2 MB PDFs that each paper row points at. The file then holds the pool
 * (about 80 MB), not 36 GB; every read path (view, pack) still reads real rows and real bytes.
 */

/**
 * A pool of distinct multi-page PDFs of about `bytes` each: a heading and a scanned-looking image
 * per page. Written by hand (objects, cross-reference table, trailer) because the benchmarks'
 * lint zone keeps PDF libraries to the core; the board pack then reads them with pdf-lib as it
 * reads any paper, which shows they are well formed.
 */
export async function pdfPool(count: number, opts: { bytes?: number } = {}): Promise<{ bytes: Uint8Array; pages: number; sha256: string }[]> {
  const target = opts.bytes ?? 2 * 1024 * 1024;
  const out: { bytes: Uint8Array; pages: number; sha256: string }[] = [];
  for (let n = 0; n < count; n++) {
    const pages = 4 + (n % 2);
    // One uncompressed greyscale image per page carries the size, as a scanned appendix does.
    const side = Math.floor(Math.sqrt(target / pages));
    const bytes = handWrittenPdf(`Paper ${n + 1}: ${TOPICS[n % TOPICS.length]!}`, pages, side);
    out.push({ bytes, pages, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return out;
}

function handWrittenPdf(title: string, pages: number, side: number): Uint8Array {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  const object = (num: number, body: Buffer | string, stream?: Buffer) => {
    offsets[num] = length;
    push(Buffer.from(`${num} 0 obj\n`, 'latin1'));
    push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    if (stream) {
      push(Buffer.from('\nstream\n', 'latin1'));
      push(stream);
      push(Buffer.from('\nendstream', 'latin1'));
    }
    push(Buffer.from('\nendobj\n', 'latin1'));
  };
  push(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  // 1 catalog, 2 pages, 3 font; then per page: page, content, image.
  const pageNums = Array.from({ length: pages }, (_, p) => 4 + p * 3);
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Count ${pages} /Kids [${pageNums.map((p) => `${p} 0 R`).join(' ')}] >>`);
  object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  for (let p = 0; p < pages; p++) {
    const [page, content, image] = [pageNums[p]!, pageNums[p]! + 1, pageNums[p]! + 2];
    object(page, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 3 0 R >> /XObject << /Scan ${image} 0 R >> >> /Contents ${content} 0 R >>`);
    const ops = Buffer.from(
      `BT /F1 16 Tf 56 780 Td (${esc(title)}) Tj ET\nBT /F1 10 Tf 56 758 Td (Page ${p + 1} of ${pages}. Appendix: scanned schedule.) Tj ET\nq 480 0 0 480 56 220 cm /Scan Do Q\n`,
      'latin1',
    );
    object(content, `<< /Length ${ops.length} >>`, ops);
    const pixels = Buffer.alloc(side * side);
    randomFillSync(pixels);
    // Pale noise rather than black and white: readable over, and as incompressible as a scan.
    for (let i = 0; i < pixels.length; i++) pixels[i] = 192 + (pixels[i]! & 63);
    object(image, `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>`, pixels);
  }
  const size = 4 + pages * 3;
  const xref = length;
  const rows = ['xref', `0 ${size}`, '0000000000 65535 f '];
  for (let i = 1; i < size; i++) rows.push(`${String(offsets[i]).padStart(10, '0')} 00000 n `);
  push(Buffer.from(`${rows.join('\n')}\ntrailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

const TOPICS = [
  'Quarterly management accounts',
  'Safeguarding annual report',
  'Home care contract variation',
  'Risk register review',
  'Workforce and recruitment',
  'Estates strategy',
  'Digital records programme',
  'Member engagement plan',
];

/** Organisations items are tagged with; some directors have declared interests in some of them. */
export const RELATED_ORGANISATIONS = [
  'Leeds City Council',
  'Leeds Community Healthcare NHS Trust',
  'West Yorkshire Integrated Care Board',
  'Riverside Hospice',
  'Harehills Housing Association',
  'Calder Valley Catering Ltd',
  'Pennine Transport Services',
  'Kirkstall Training Partnership',
];

const DECISION_TEXTS = [
  (o: string) => `Approved the variation to the home care contract with ${o}`,
  (o: string) => `Agreed the budget for the next financial year, including the ${o} service line`,
  (o: string) => `Approved the renewal of the lease with ${o}`,
  () => 'Approved the quarterly management accounts',
  () => 'Adopted the revised safeguarding policy',
  () => 'Agreed the risk register and the risk appetite statement',
  () => 'Approved the recruitment of a deputy finance director',
  () => 'Agreed to tender the catering contract',
  () => 'Approved the pay award for staff on the mutual’s own terms',
  () => 'Adopted the member engagement plan',
  () => 'Approved the digital records programme business case',
  () => 'Agreed the internal audit plan',
];

export interface Director {
  officerId: string;
  name: string;
}

export interface MeetingsLoadOptions {
  organisationId: string;
  /** Directors in office throughout; the board is all of them, each committee three to five of them. */
  directors: readonly Director[];
  years: number;
  /** The board plus (bodies - 1) committees of its directors. */
  bodies: number;
  /** The last month of meetings; meetings run monthly back from here. */
  lastMeetingOn: string;
  pool: readonly { bytes: Uint8Array; sha256: string; pages: number }[];
  /** Pages the one big pack meeting's papers should reach (its papers are added from the pool). */
  packPages: number;
  seed: number;
  onProgress?: (line: string) => void;
}

export interface MeetingsLoaded {
  meetings: number;
  items: number;
  papers: number;
  decisions: number;
  actions: number;
  attendance: number;
  /** Meetings whose minutes are not yet drafted (the last of each body): changes are allowed. */
  openMeetingIds: string[];
  /** Minutes approved and awaiting signature. */
  approvedMinutesIds: string[];
  /** A board meeting whose papers make a pack of about `packPages` pages. */
  packMeetingId: string;
  packPaperPages: number;
}

/** The seal as the raw side computes it: canonical JSON of the meeting's record, its SHA-256, the minutes updated. */
export function rawSealer(raw: BetterSqlite3.Database) {
  const q = {
    minutes: raw.prepare('select * from minutes where id = ?'),
    meeting: raw.prepare('select * from meeting where id = ?'),
    items: raw.prepare('select * from agenda_item where meeting_id = ?'),
    attendance: raw.prepare('select * from attendance where meeting_id = ?'),
    declarations: raw.prepare('select * from meeting_declaration where meeting_id = ?'),
    proxies: raw.prepare('select * from proxy_appointment where meeting_id = ?'),
    resolutions: raw.prepare('select * from resolution where meeting_id = ?'),
    decisions: raw.prepare('select * from decision where meeting_id = ?'),
    votes: raw.prepare('select v.* from decision_vote v join decision d on d.id = v.decision_id where d.meeting_id = ?'),
    papers: raw.prepare(
      `select p.id, p.agenda_item_id, p.document_id, p.title, p.file_name, p.kind, p.position, p.created_at, d.sha256, d.size
         from paper p join agenda_item i on i.id = p.agenda_item_id join document d on d.id = p.document_id where i.meeting_id = ?`,
    ),
  };
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  /** The sealed record and its SHA-256 for minutes about to be signed. */
  const record = (minutes: Record<string, unknown>, meetingId: string) => {
    const all = (s: BetterSqlite3.Statement) => (s.all(meetingId) as { id: string }[]).sort(byId);
    const votes = all(q.votes) as unknown as { decision_id: string; id: string }[];
    const decisions = all(q.decisions).map((d) => ({ ...d, votes: votes.filter((v) => v.decision_id === d.id) }));
    const body = canonicalJson({
      version: 'bench-raw-seal',
      minutes,
      meeting: q.meeting.get(meetingId),
      agendaItems: all(q.items),
      attendance: all(q.attendance),
      declarations: all(q.declarations),
      proxies: all(q.proxies),
      resolutions: all(q.resolutions),
      decisions,
      papers: all(q.papers),
    });
    return { body, sha256: createHash('sha256').update(body).digest('hex') };
  };
  return { record };
}

/** Loads the meetings. Call after the organisation, its directors and their interests exist. */
export function bulkLoadMeetings(raw: BetterSqlite3.Database, o: MeetingsLoadOptions): MeetingsLoaded {
  const r = rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const now = new Date().toISOString();
  const ins = {
    document: raw.prepare('insert into document (id, organisation_id, sha256, size, media_type, bytes, created_at) values (?, ?, ?, ?, ?, ?, ?)'),
    committee: raw.prepare('insert into committee (id, organisation_id, name, terms, formed_on, dissolved_on, created_at, updated_at) values (?, ?, ?, ?, ?, null, ?, ?)'),
    committeeMember: raw.prepare('insert into committee_member (id, committee_id, officer_id, joined_on, left_on, created_at) values (?, ?, ?, ?, null, ?)'),
    meeting: raw.prepare(`insert into meeting (id, organisation_id, kind, title, committee_id, class_id, held_on, starts_at, ends_at, place, electronic_means,
      chair_officer_id, chair_name, status, cancelled_reason, notice_sent_at, notice_method, short_notice, first_meeting_id, society_resolution_kind, created_at, updated_at)
      values (?, ?, ?, ?, ?, null, ?, '18:00', '20:30', ?, ?, ?, ?, ?, null, ?, 'electronic', 0, null, null, ?, ?)`),
    item: raw.prepare(`insert into agenda_item (id, meeting_id, parent_id, position, title, presenter, purpose, minutes_allotted, standard, related_organisation,
      contract_ref, starts_at, notes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)`),
    paper: raw.prepare('insert into paper (id, agenda_item_id, document_id, title, file_name, kind, position, created_at) values (?, ?, ?, ?, ?, \'pdf\', ?, ?)'),
    attendance: raw.prepare(`insert into attendance (id, meeting_id, role, officer_id, member_id, name, capacity, status, arrived_at, left_at, proxy_appointment_id, created_at, updated_at)
      values (?, ?, 'director', ?, null, ?, null, ?, null, ?, null, ?, ?)`),
    decision: raw.prepare(`insert into decision (id, organisation_id, meeting_id, agenda_item_id, resolution_id, written_resolution_id, kind, text, proposer, seconder, method,
      votes_named, votes_for, votes_against, votes_abstain, outcome, recorded_not_quorate, related_organisation, decided_on, created_at, updated_at)
      values (?, ?, ?, ?, null, null, 'board', ?, ?, ?, 'board_vote', 0, ?, ?, ?, ?, 0, ?, ?, ?, ?)`),
    action: raw.prepare(`insert into action_item (id, organisation_id, meeting_id, agenda_item_id, description, owner_officer_id, owner_name, due_on, status, closed_on, closed_note, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)`),
    minutes: raw.prepare(`insert into minutes (id, meeting_id, status, body, circulated_on, approved_on, approved_by_decision_id, approved_in_writing, signed_on, signed_by,
      sealed_sha256, sealed_record, corrects_minutes_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, null, ?, ?)`),
  };
  const sealer = rawSealer(raw);

  const months = o.years * 12;
  // 100,000 decisions and 30,000 actions for 6,000 meetings, in proportion for smaller runs.
  const decisionsPerMeeting = 100_000 / 6_000;
  const actionsPerMeeting = 30_000 / 6_000;
  const firstMonth = addMonths(o.lastMeetingOn, -(months - 1));

  // Documents: the pool, once.
  const documentIds: string[] = [];
  raw.transaction(() => {
    for (const d of o.pool) {
      const id = uuidv7();
      ins.document.run(id, o.organisationId, d.sha256, d.bytes.length, 'application/pdf', d.bytes, now);
      documentIds.push(id);
    }
  })();

  // Bodies: the board, then committees of three to five of its directors.
  interface Body {
    committeeId: string | null;
    name: string;
    seats: Director[];
  }
  const bodies: Body[] = [{ committeeId: null, name: 'Board meeting', seats: [...o.directors] }];
  raw.transaction(() => {
    for (let b = 1; b < o.bodies; b++) {
      const id = uuidv7();
      const name = `${COMMITTEE_NAMES[(b - 1) % COMMITTEE_NAMES.length]}${b > COMMITTEE_NAMES.length ? ` ${Math.ceil(b / COMMITTEE_NAMES.length)}` : ''} committee`;
      ins.committee.run(id, o.organisationId, name, 'The quorum is two members.', addDays(firstMonth, -30), now, now);
      const size = 3 + (b % 3);
      const seats: Director[] = [];
      for (let k = 0; k < size; k++) seats.push(o.directors[(b * 3 + k) % o.directors.length]!);
      for (const s of seats) ins.committeeMember.run(uuidv7(), id, s.officerId, addDays(firstMonth, -30), now);
      bodies.push({ committeeId: id, name, seats });
    }
  })();

  const loaded: MeetingsLoaded = {
    meetings: 0,
    items: 0,
    papers: 0,
    decisions: 0,
    actions: 0,
    attendance: 0,
    openMeetingIds: [],
    approvedMinutesIds: [],
    packMeetingId: '',
    packPaperPages: 0,
  };
  let decisionDebt = 0;
  let actionDebt = 0;

  /** One meeting with its agenda, papers, attendance, decisions and actions; returns the decision approving the previous minutes. */
  const addMeeting = (body: Body, heldOn: string, last: boolean, big: boolean) => {
    const meetingId = uuidv7();
    const chair = body.seats[0]!;
    ins.meeting.run(
      meetingId,
      o.organisationId,
      body.committeeId ? 'committee' : 'board',
      body.name,
      body.committeeId,
      heldOn,
      'Unit 4, Mill Yard, Leeds',
      'Video call (link sent with the papers)',
      chair.officerId,
      chair.name,
      last ? 'held' : 'minutes_approved',
      `${addDays(heldOn, -8)}T09:00`,
      now,
      now,
    );
    loaded.meetings += 1;
    // Fifteen items: twelve top-level (standard ones first and last) and three sub-items under item 6.
    const items: { id: string; purpose: string; standard: string | null; org: string | null }[] = [];
    const titles = ['Welcome and apologies for absence', 'Declarations of interest', 'Minutes of the previous meeting', 'Matters arising and actions'];
    const standards = ['apologies', 'declarations', 'previous_minutes', 'matters_arising'];
    let minute = 0;
    const at = () => {
      const t = 18 * 60 + minute;
      minute += 10;
      return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
    };
    const item = (parent: string | null, position: number, title: string, purpose: string, standard: string | null, org: string | null) => {
      const id = uuidv7();
      ins.item.run(id, meetingId, parent, position, title, pick(body.seats).name, purpose, standard ? 5 : 15, standard, org, at(), standard ? null : 'Discussion noted.', now, now);
      items.push({ id, purpose, standard, org });
      loaded.items += 1;
      return id;
    };
    for (let i = 0; i < 4; i++) item(null, i + 1, titles[i]!, i === 2 ? 'decision' : 'information', standards[i]!, null);
    for (let i = 5; i <= 11; i++) {
      const org = i === 5 || i === 7 ? pick(RELATED_ORGANISATIONS) : null;
      const id = item(null, i, `${TOPICS[(i + loaded.meetings) % TOPICS.length]!}${org ? ` (${org})` : ''}`, i % 3 === 0 ? 'discussion' : 'decision', null, org);
      if (i === 6) for (let s = 1; s <= 3; s++) item(id, s, `${TOPICS[(i + s) % TOPICS.length]!}: part ${s}`, 'decision', null, null);
    }
    item(null, 12, 'Any other business', 'information', 'aob', null);

    // Papers: three of 2 MB on the first substantive items, from the pool; the big pack meeting many more.
    const paperItems = items.filter((x) => x.standard === null);
    const papersWanted = big ? Number.POSITIVE_INFINITY : 3;
    let pages = 0;
    for (let p = 0; p < papersWanted && (!big || pages < o.packPages); p++) {
      const target = paperItems[p % paperItems.length]!;
      const docIndex = Math.floor(r() * documentIds.length);
      ins.paper.run(uuidv7(), target.id, documentIds[docIndex]!, `Paper ${p + 1}`, `paper-${p + 1}.pdf`, Math.floor(p / paperItems.length) + 1, now);
      pages += o.pool[docIndex]!.pages;
      loaded.papers += 1;
    }
    if (big) {
      loaded.packMeetingId = meetingId;
      loaded.packPaperPages = pages;
    }

    // Attendance: most present, some by video, a few apologies; one in ten leaves early.
    for (const s of body.seats) {
      const x = r();
      const status = x < 0.8 ? 'present' : x < 0.9 ? 'present_electronically' : x < 0.97 ? 'apologies' : 'absent';
      const left = (status === 'present' || status === 'present_electronically') && r() < 0.1 ? '19:40' : null;
      ins.attendance.run(uuidv7(), meetingId, s.officerId, s.name, status, left, now, now);
      loaded.attendance += 1;
    }

    // Decisions: the previous minutes approved first, then board decisions on the decision items.
    decisionDebt += decisionsPerMeeting;
    const count = Math.floor(decisionDebt);
    decisionDebt -= count;
    const decisionItems = items.filter((x) => x.purpose === 'decision' && x.standard === null);
    const prevItem = items.find((x) => x.standard === 'previous_minutes')!;
    const seats = body.seats.length;
    let approval: string | null = null;
    for (let k = 0; k < count; k++) {
      const id = uuidv7();
      const onItem = k === 0 ? prevItem : decisionItems[k % decisionItems.length]!;
      const org = onItem.org ?? (r() < 0.2 ? pick(RELATED_ORGANISATIONS) : null);
      const text = k === 0 ? 'Approved the minutes of the previous meeting as a true record' : pick(DECISION_TEXTS)(org ?? pick(RELATED_ORGANISATIONS));
      const y = r();
      const [forV, against, abstain, outcome] =
        y < 0.9 ? [seats - 1, 0, 1, 'carried'] : y < 0.97 ? [1, seats - 1, 0, 'lost'] : y < 0.99 ? [2, 2, 0, 'carried_on_casting_vote'] : [2, 2, 0, 'lost_on_casting_vote'];
      ins.decision.run(id, o.organisationId, meetingId, onItem.id, text, pick(body.seats).name, pick(body.seats).name, forV, against, abstain, outcome, org, heldOn, now, now);
      if (k === 0) approval = id;
      loaded.decisions += 1;
    }

    // Actions: done for meetings long past; open (some overdue) for the last year.
    actionDebt += actionsPerMeeting;
    const n = Math.floor(actionDebt);
    actionDebt -= n;
    for (let k = 0; k < n; k++) {
      const owner = pick(body.seats);
      const due = addDays(heldOn, 28 + Math.floor(r() * 60));
      const recent = heldOn > addMonths(o.lastMeetingOn, -12);
      const open = recent && r() < 0.6;
      const onItem = pick(decisionItems);
      ins.action.run(uuidv7(), o.organisationId, meetingId, onItem.id, `${pick(['Report back on', 'Circulate a paper on', 'Meet the provider about', 'Update the board on'])} ${TOPICS[k % TOPICS.length]!.toLowerCase()}${onItem.org ? ` with ${onItem.org}` : ''}`, owner.officerId, owner.name, due, open ? 'open' : 'done', open ? null : addDays(due, -3), now, now);
      loaded.actions += 1;
    }
    return { meetingId, approval };
  };

  // Meetings month by month for every body; each meeting's minutes are signed once the next meeting approved them.
  const prev = new Map<Body, { meetingId: string; heldOn: string; index: number }>();
  const writeMinutes = (m: { meetingId: string; heldOn: string; body: Body; index: number }, approvedBy: string, approvedOn: string) => {
    const id = uuidv7();
    const sign = m.index < months - 4; // the three before the last are approved, awaiting signature
    const bodyText = JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: `Minutes of the ${m.body.name.toLowerCase()} held on ${m.heldOn}.` }] }] } });
    const fields = {
      id,
      meeting_id: m.meetingId,
      status: 'signed',
      body: bodyText,
      circulated_on: addDays(m.heldOn, 7),
      approved_on: approvedOn,
      approved_by_decision_id: approvedBy,
      approved_in_writing: 0,
      signed_on: approvedOn,
      signed_by: m.body.seats[0]!.name,
      corrects_minutes_id: null,
      created_at: now,
    };
    if (sign) {
      const { body, sha256 } = sealer.record(fields, m.meetingId);
      ins.minutes.run(id, m.meetingId, 'signed', bodyText, fields.circulated_on, approvedOn, approvedBy, approvedOn, fields.signed_by, sha256, body, now, now);
    } else {
      ins.minutes.run(id, m.meetingId, 'approved', bodyText, fields.circulated_on, approvedOn, approvedBy, null, null, null, null, now, now);
      loaded.approvedMinutesIds.push(id);
    }
  };
  for (let month = 0; month < months; month++) {
    raw.transaction(() => {
      for (const [b, body] of bodies.entries()) {
        // Board on the second Tuesday-ish, committees spread through the month.
        const heldOn = addDays(addMonths(firstMonth, month), (b * 3) % 26);
        const last = month === months - 1;
        const big = last && b === 0;
        const { meetingId, approval } = addMeeting(body, heldOn, last, big);
        const before = prev.get(body);
        if (before && approval) writeMinutes({ ...before, body }, approval, heldOn);
        prev.set(body, { meetingId, heldOn, index: month });
        if (last) loaded.openMeetingIds.push(meetingId);
      }
    })();
    if ((month + 1) % 12 === 0) o.onProgress?.(`  ${loaded.meetings.toLocaleString('en-GB')} meetings, ${loaded.decisions.toLocaleString('en-GB')} decisions…`);
  }
  return loaded;
}

const COMMITTEE_NAMES = ['Audit and risk', 'Remuneration', 'Nominations', 'Quality and safety', 'Finance and investment', 'People', 'Estates', 'Member engagement'];

/** The same day of the month `n` months on (clamped to 28 so every month has it). */
function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}-${String(Math.min(Number(date.slice(8, 10)), 28)).padStart(2, '0')}`;
}
