import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Core } from '../core/core';
import { CHAIN_VERSION, GENESIS_HASH, eventHash, sha256Hex } from '../core/audit/chain';
import { stateDigest, stateHash } from '../core/audit/state';
import { uuidv7 } from '../core/db/ids';
import { buildBoardPack } from '../core/meetings/print/board-pack';
import type { BoardPackModel, PackItem } from '../core/meetings/print/models';
import { defaultRuleValues } from '../../shared/rules/governing-rules';
import { addDays, ukDateOf } from '../../shared/rules/legal-date';
import { rng } from '../sample/people';
import { figure, nowMs, percentile, timePaired, type Figure } from './stats';
import { RELATED_ORGANISATIONS, bulkLoadMeetings, pdfPool, rawSealer, type Director } from './meetings-load';

/**
 * `npm run bench -- meetings [--json FILE] [--years N] [--bodies N]`: ten years (by default) of a
 * busy group's meetings, measured through the app (core.dispatch: validation, Kysely, services,
 * audit) and, in the same run, the same reads and writes in hand-written better-sqlite3.
 *
 * The group is one organisation: a board plus 49 committees of its directors (50 bodies), each
 * meeting monthly: 6,000 meetings of 15 agenda items (three of them sub-items), 3 papers of 2 MB
 * each, attendance, about 17 decisions and 5 actions (100,000 and 30,000 in all). The papers
 * share a pool of 40 distinct 2 MB PDFs (the document table is content-addressed per
 * organisation), so the file holds 80 MB of papers rather than 36 GB; see meetings-load.ts.
 */
export interface MeetingsBenchArgs {
  json?: string;
  years: number;
  bodies: number;
  keep: boolean;
}

const POOL = 40;
const PACK_PAGES = 195; // the papers' pages; with the cover and agenda the pack is about 200 pages
const DIRECTORS: [string, string][] = [
  ['Margaret', 'Okafor'],
  ['Dafydd', 'ap Gwilym'],
  ['Siobhán', "O'Neill"],
  ['Rajesh', 'Patel'],
  ['Helen', 'Åberg'],
  ['Peter', 'Lloyd-Webber'],
  ['Aisha', 'Khan'],
  ['Tomasz', 'Nowak'],
  ['Gráinne', 'Murphy'],
  ['Oluwaseun', 'Bello'],
  ['Fiona', 'MacLeod'],
  ['James', 'Whitfield'],
];

type Outcome = { ok: true; value: any } | { ok: false; skipped: string };

export async function benchMeetings(args: MeetingsBenchArgs): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mg-bench-meetings-'));
  const dbPath = join(dir, 'bench.sqlite');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const figures: Figure[] = [];
  const skipped: { name: string; reason: string }[] = [];
  try {
    const core = await Core.open({ dbPath, host: 'cli', actor: 'bench' });
    const ok = async (m: string, i: unknown) => {
      const r = await core.dispatch(m, i);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.value as any;
    };
    /** One call through the core; a method still being built is reported as skipped, not failed. */
    const attempt = async (m: string, i: unknown): Promise<Outcome> => {
      const r = await core.dispatch(m, i);
      if (r.ok) return { ok: true, value: r.value };
      if (/not built yet/i.test(r.error.message)) return { ok: false, skipped: `skipped: ${m} not built` };
      return { ok: false, skipped: `skipped: ${m} failed: ${r.error.message}` };
    };
    const today = ukDateOf(core.now());
    const bodies = args.bodies;
    log(`Building ${args.years} year(s) of meetings of ${bodies} bodies (one organisation: a board and ${bodies - 1} committees of its directors) in ${dbPath} …`);
    await ok('organisation.setUp', {
      particulars: {
        name: 'Benchmark Community Care Group',
        legalForm: 'company_limited_by_guarantee',
        registrationNumber: '01234567',
        registeredOffice: { line1: '1 Park Row', town: 'Leeds', postcode: 'LS1 5AB', country: 'england' },
        incorporatedOn: '2010-04-01',
        financialYearEnd: '03-31',
      },
      rules: defaultRuleValues('company_limited_by_guarantee'),
    });
    const firstDay = addDays(today, -(args.years * 366 + 120));
    const directors: Director[] = [];
    for (const [i, [given, family]] of DIRECTORS.entries()) {
      const o = await ok('officers.add', {
        particulars: {
          givenNames: given,
          familyName: family,
          serviceAddress: { line1: '1 Park Row', town: 'Leeds', postcode: 'LS1 5AB' },
          dateOfBirth: `19${60 + i * 2}-0${1 + (i % 9)}-1${i % 10}`,
          nationality: 'British',
          occupation: 'Director',
          countryOfResidence: 'England',
        },
        residentialAddress: { line1: `${10 + i} Elm Grove`, town: 'Harrogate', postcode: 'HG1 2AB' },
        appointment: { role: 'director', directorKind: i % 3 === 0 ? 'nominee' : 'independent', ...(i % 3 === 0 ? { nominatedBy: RELATED_ORGANISATIONS[i % 4] } : {}), appointedOn: firstDay },
      });
      directors.push({ officerId: o.id, name: `${given} ${family}` });
      // A third of the directors have a declared interest in one of the organisations items are tagged with.
      if (i % 3 === 0) {
        await ok('interests.declare', {
          officerId: o.id,
          category: 'employment',
          nature: `Employed by ${RELATED_ORGANISATIONS[i % 4]!}`,
          relatedOrganisation: RELATED_ORGANISATIONS[i % 4],
          declaredOn: firstDay,
        });
      }
    }
    const org = await ok('organisation.get', {});
    const orgId = org.id as string;

    let t0 = nowMs();
    const pool = await pdfPool(POOL);
    log(`Made a pool of ${POOL} distinct PDFs of 2 MB (4 or 5 pages each) in ${((nowMs() - t0) / 1000).toFixed(1)} s; the ${(args.years * 12 * bodies * 3).toLocaleString('en-GB')} papers point at them.`);
    t0 = nowMs();
    const lastMeetingOn = `${addDays(today, -40).slice(0, 8)}01`;
    const loaded = bulkLoadMeetings(core.raw, {
      organisationId: orgId,
      directors,
      years: args.years,
      bodies,
      lastMeetingOn,
      pool,
      packPages: PACK_PAGES,
      seed: 11,
      onProgress: log,
    });
    core.raw.pragma('wal_checkpoint(TRUNCATE)');
    log(
      `Built in ${((nowMs() - t0) / 1000).toFixed(1)} s: ${loaded.meetings.toLocaleString('en-GB')} meetings, ${loaded.items.toLocaleString('en-GB')} agenda items, ` +
        `${loaded.papers.toLocaleString('en-GB')} papers, ${loaded.attendance.toLocaleString('en-GB')} attendance entries, ${loaded.decisions.toLocaleString('en-GB')} decisions, ` +
        `${loaded.actions.toLocaleString('en-GB')} actions.`,
    );

    const report = (f: Figure) => {
      figures.push(f);
      console.log(`${f.name.padEnd(24)} ${String(f.value).padStart(9)} ${f.unit.padEnd(3)}  raw ${String(f.raw).padStart(9)} ${f.unit.padEnd(3)}  ratio ${f.ratio.toFixed(2)}`);
    };
    const skip = (name: string, reason: string) => {
      skipped.push({ name, reason });
      console.log(`${name.padEnd(24)} ${reason}`);
    };
    const raw = core.raw;
    const r = rng(5);
    const view = rawMeetingView(raw, orgId);

    // --- opening a meeting: agenda, papers, attendance, quorum per item (p99) ---------------
    const allMeetings = raw.prepare('select id from meeting where organisation_id = ?').pluck().all(orgId) as string[];
    const openSample = Array.from({ length: 400 }, () => allMeetings[Math.floor(r() * allMeetings.length)]!);
    const probe = await attempt('meetings.get', { id: openSample[0] });
    if (!probe.ok) skip('meeting_open_p99_ms', probe.skipped);
    else {
      for (const id of openSample.slice(0, 30)) {
        await ok('meetings.get', { id });
        view(id);
      }
      const open = await timePaired(openSample, (id) => ok('meetings.get', { id }), (id) => view(id));
      report(figure('meeting_open_p99_ms', 'ms', percentile(open.app, 99), percentile(open.raw, 99)));
      report(figure('meeting_open_p50_ms', 'ms', percentile(open.app, 50), percentile(open.raw, 50)));
    }

    // --- a director arrives or leaves; quorum for every item comes back (p99) -----------------
    const seats = raw
      .prepare(`select meeting_id, officer_id from attendance where role = 'director' and status in ('present', 'present_electronically') and meeting_id in (${loaded.openMeetingIds.map(() => '?').join(',')})`)
      .all(...loaded.openMeetingIds) as { meeting_id: string; officer_id: string }[];
    const changes = Array.from({ length: 300 }, (_, i) => {
      const s = seats[Math.floor(r() * seats.length)]!;
      const leaves = i % 2 === 0;
      return { meetingId: s.meeting_id, officerId: s.officer_id, status: 'present' as const, ...(leaves ? { leftAt: `19:${String(10 + (i % 40)).padStart(2, '0')}` } : { arrivedAt: '18:00' }) };
    });
    const attend = await attempt('meetings.setAttendance', changes[0]);
    if (!attend.ok) skip('attendance_p99_ms', attend.skipped);
    else {
      const rawAttend = rawAttendance(raw, view);
      const a = await timePaired(changes, (c) => ok('meetings.setAttendance', c), (c) => rawAttend(c));
      report(figure('attendance_p99_ms', 'ms', percentile(a.app, 99), percentile(a.raw, 99)));
      report(figure('attendance_p50_ms', 'ms', percentile(a.app, 50), percentile(a.raw, 50)));
    }

    // --- the decisions register: search and filters (p99) ------------------------------------
    const from = addDays(lastMeetingOn, -365 * Math.min(args.years, 3));
    const searches: Record<string, unknown>[] = [];
    const words = ['council', 'contract', 'budget', 'lease', 'safeguarding', 'accounts', 'catering', 'recruitment', 'home care', 'risk'];
    for (let i = 0; i < 300; i++) {
      const k = i % 6;
      const w = words[Math.floor(r() * words.length)]!;
      const o = RELATED_ORGANISATIONS[Math.floor(r() * RELATED_ORGANISATIONS.length)]!;
      searches.push(
        k === 0
          ? { search: w }
          : k === 1
            ? { search: w, meetingKind: 'committee' }
            : k === 2
              ? { organisation: o, from }
              : k === 3
                ? { outcome: 'carried_on_casting_vote' }
                : k === 4
                  ? { search: w, from, to: lastMeetingOn, outcome: 'carried' }
                  : { meetingKind: 'board', from },
      );
    }
    const search = await attempt('decisions.register', searches[0]);
    if (!search.ok) skip('decisions_search_p99_ms', search.skipped);
    else {
      const rawSearch = rawDecisionSearch(raw, orgId);
      for (const s of searches.slice(0, 20)) {
        await ok('decisions.register', s);
        rawSearch(s);
      }
      const d = await timePaired(searches, (s) => ok('decisions.register', s), (s) => rawSearch(s));
      report(figure('decisions_search_p99_ms', 'ms', percentile(d.app, 99), percentile(d.raw, 99)));
      report(figure('decisions_search_p50_ms', 'ms', percentile(d.app, 50), percentile(d.raw, 50)));
    }

    // --- the board pack of a ~200-page meeting (seconds), and the event loop meanwhile ---------
    // Both sides read the papers' 88 MB from a warm page cache, so neither pays the first read alone.
    rawPackModel(raw, loaded.packMeetingId);
    const pack = await attempt('meetings.boardPack', { id: loaded.packMeetingId });
    const rawPack = async () => {
      const h = monitorEventLoopDelay({ resolution: 5 });
      h.enable();
      const t = nowMs();
      const bytes = await buildBoardPack(rawPackModel(raw, loaded.packMeetingId), (done, total) => done > 0 && done % 10 === 0 && log(`  raw pack: ${done} of ${total} papers`));
      const seconds = (nowMs() - t) / 1000;
      h.disable();
      return { seconds, maxDelayMs: h.max / 1e6, bytes: bytes.length };
    };
    if (!pack.ok) {
      skip('board_pack_s', pack.skipped);
      const rp = await rawPack();
      log(`  (the pack of ${loaded.packPaperPages} pages of papers built directly from raw reads, no core: ${rp.seconds.toFixed(2)} s, ${(rp.bytes / 1024 / 1024).toFixed(0)} MB, longest event-loop stall ${rp.maxDelayMs.toFixed(0)} ms)`);
    } else {
      await core.jobs.idle(); // the probe's pack finishes first (a warm-up); the next one is timed
      const h = monitorEventLoopDelay({ resolution: 5 });
      h.enable();
      const t = nowMs();
      const { jobId } = await ok('meetings.boardPack', { id: loaded.packMeetingId });
      let result: any;
      let lastDone = -1;
      for (;;) {
        const s = await ok('jobs.get', { id: jobId });
        if (s.state === 'succeeded') {
          result = s.result;
          break;
        }
        if (s.state === 'failed') throw new Error(`meetings.boardPack: ${s.error?.message}`);
        if (s.total > 0 && s.done !== lastDone && s.done % 10 === 0) log(`  board pack: ${s.done} of ${s.total} papers`);
        lastDone = s.done;
        await new Promise((res) => setTimeout(res, 20));
      }
      const appSeconds = (nowMs() - t) / 1000;
      h.disable();
      const appDelay = h.max / 1e6;
      const rp = await rawPack();
      log(`  pack: ${result.pages} pages, ${(result.sizeBytes / 1024 / 1024).toFixed(0)} MB (papers from the 2 MB pool)`);
      report(figure('board_pack_s', 's', appSeconds, rp.seconds));
      report(figure('board_pack_max_stall_ms', 'ms', appDelay, rp.maxDelayMs));
    }

    // --- signing (sealing) approved minutes ----------------------------------------------------
    const approved = loaded.approvedMinutesIds.slice(0, 80);
    const pairs = [];
    for (let i = 0; i + 1 < approved.length && pairs.length < 40; i += 2) pairs.push({ app: approved[i]!, raw: approved[i + 1]! });
    const chairOf = raw.prepare('select m.chair_name from minutes n join meeting m on m.id = n.meeting_id where n.id = ?').pluck();
    const sign = pairs.length ? await attempt('minutes.sign', { id: pairs[0]!.app, signedBy: chairOf.get(pairs[0]!.app), signedOn: today }) : ({ ok: false, skipped: 'skipped: no approved minutes' } as Outcome);
    if (!sign.ok) skip('seal_ms', sign.skipped);
    else {
      const rawSign = rawSigner(raw, view);
      const s = await timePaired(
        pairs.slice(1),
        (p) => ok('minutes.sign', { id: p.app, signedBy: chairOf.get(p.app), signedOn: today }),
        (p) => rawSign(p.raw, chairOf.get(p.raw) as string, today),
      );
      report(figure('seal_ms', 'ms', percentile(s.app, 50), percentile(s.raw, 50)));
      report(figure('seal_p99_ms', 'ms', percentile(s.app, 99), percentile(s.raw, 99)));
    }

    printTargets(figures, log);
    if (skipped.length) log(`Skipped: ${skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}`);
    if (args.json) {
      writeFileSync(
        args.json,
        JSON.stringify({ years: args.years, bodies, meetings: loaded.meetings, decisions: loaded.decisions, actions: loaded.actions, papers: loaded.papers, distinctPaperFiles: POOL, figures, skipped }, null, 2),
      );
      log(`Wrote ${args.json}`);
    }
    await core.close();
    return figures;
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else log(`Kept ${dir}`);
  }
}

/** Prints each figure against its target (ratio ≤ 2.0; interactive p99 ≤ 20 ms; pack ≤ 10 s). Printed, not asserted. */
function printTargets(figures: Figure[], log: (s: string) => void): void {
  log('Targets (printed, not asserted):');
  for (const f of figures) {
    const checks: string[] = [];
    if (f.name !== 'board_pack_max_stall_ms') checks.push(`ratio ${f.ratio.toFixed(2)} ${f.ratio <= 2 ? '≤' : '>'} 2.0`);
    if (f.name.endsWith('_p99_ms')) checks.push(`p99 ${f.value} ms ${f.value <= 20 ? '≤' : '>'} 20 ms`);
    if (f.name === 'board_pack_s') checks.push(`${f.value} s ${f.value <= 10 ? '≤' : '>'} 10 s`);
    // The issue asks for the interface to stay responsive and sets no number; a stall over 100 ms is one a click feels.
    if (f.name === 'board_pack_max_stall_ms') checks.push(`longest event-loop stall during the pack ${f.value} ms ${f.value <= 100 ? '≤' : '>'} 100 ms (our threshold: a click waits longer than that noticeably)`);
    const met = checks.every((c) => !c.includes(' > '));
    log(`  ${f.name.padEnd(24)} ${met ? 'meets' : 'MISSES'}: ${checks.join('; ')}`);
  }
}

// -------------------------------------------------------------------------------------------
// The raw side: the same reads and writes, hand-written against better-sqlite3.

const PRESENT = new Set(['present', 'present_electronically']);

/** The meeting view as raw SQL: the meeting, agenda, papers, attendance, declarations, interests, seats and quorum per item. */
export function rawMeetingView(raw: Database.Database, orgId: string) {
  const q = {
    meeting: raw.prepare(
      `select m.*, c.name as committee_name, c.terms as committee_terms, n.id as minutes_id, n.status as minutes_status
         from meeting m left join committee c on c.id = m.committee_id left join minutes n on n.meeting_id = m.id and n.corrects_minutes_id is null where m.id = ? and m.organisation_id = ?`,
    ),
    rules: raw.prepare('select * from governing_rules where organisation_id = ?'),
    items: raw.prepare('select * from agenda_item where meeting_id = ?'),
    papers: raw.prepare(
      `select p.id, p.agenda_item_id, p.title, p.file_name, p.kind, p.position, d.size, d.sha256
         from paper p join agenda_item i on i.id = p.agenda_item_id join document d on d.id = p.document_id where i.meeting_id = ?`,
    ),
    attendance: raw.prepare('select * from attendance where meeting_id = ?'),
    proxies: raw.prepare('select p.*, m.given_names, m.family_name from proxy_appointment p join member m on m.id = p.member_id where p.meeting_id = ? order by p.received_at'),
    resolutions: raw.prepare('select * from resolution where meeting_id = ? order by position'),
    declarations: raw.prepare('select d.*, o.given_names, o.family_name from meeting_declaration d join officer o on o.id = d.officer_id where d.meeting_id = ? order by d.created_at'),
    interests: raw.prepare(
      `select i.officer_id, i.related_organisation, i.nature, o.given_names, o.family_name from interest i join officer o on o.id = i.officer_id
        where i.organisation_id = ? and i.declared_on <= ? and (i.ended_on is null or i.ended_on >= ?)`,
    ),
    committeeSeats: raw.prepare(
      `select cm.officer_id, o.given_names, o.family_name from committee_member cm join officer o on o.id = cm.officer_id
        where cm.committee_id = ? and cm.joined_on <= ? and (cm.left_on is null or cm.left_on >= ?)`,
    ),
    boardSeats: raw.prepare(
      `select a.officer_id, o.given_names, o.family_name from appointment a join officer o on o.id = a.officer_id
        where a.organisation_id = ? and a.role = 'director' and a.appointed_on <= ? and (a.ceased_on is null or a.ceased_on >= ?)`,
    ),
  };
  return (id: string) => {
    const m = q.meeting.get(id, orgId) as any;
    const rules = q.rules.get(orgId) as any;
    const items = (q.items.all(id) as any[]).sort((a, b) => a.position - b.position);
    const papers = q.papers.all(id) as any[];
    const attendance = q.attendance.all(id) as any[];
    const proxies = q.proxies.all(id);
    const resolutions = q.resolutions.all(id);
    const declarations = q.declarations.all(id) as any[];
    const interests = q.interests.all(orgId, m.held_on, m.held_on) as any[];
    const seats = (m.kind === 'committee' ? q.committeeSeats.all(m.committee_id, m.held_on, m.held_on) : q.boardSeats.all(orgId, m.held_on, m.held_on)) as any[];
    const seatIds = new Set(seats.map((s) => s.officer_id));
    const required = m.kind === 'committee' ? 2 : (rules.board_quorum ?? 2);
    const excludeConflicted = rules.conflicted_excluded_from_quorum !== 0;
    // Agenda order and numbers: top-level by position, each followed by its sub-items.
    const top = items.filter((i) => i.parent_id === null);
    const ordered = top.flatMap((t) => [t, ...items.filter((i) => i.parent_id === t.id)]);
    const numbers = new Map<string, string>();
    top.forEach((t, i) => {
      numbers.set(t.id, String(i + 1));
      items.filter((s) => s.parent_id === t.id).forEach((s, j) => numbers.set(s.id, `${i + 1}.${j + 1}`));
    });
    const seated = attendance.filter((a) => a.role === 'director' && seatIds.has(a.officer_id));
    const here = (a: any, at: string | null) =>
      PRESENT.has(a.status) && (at === null ? a.left_at === null : (a.arrived_at === null || a.arrived_at <= at) && !(a.left_at !== null && a.left_at <= at));
    const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
    return {
      meeting: m,
      items: ordered.map((it) => {
        const conflicted = it.related_organisation ? interests.filter((x) => x.related_organisation && fold(x.related_organisation) === fold(it.related_organisation)) : [];
        const cIds = new Set([...conflicted.map((c) => c.officer_id), ...declarations.filter((d) => d.agenda_item_id === it.id).map((d) => d.officer_id)]);
        const present = seated.filter((a) => here(a, it.starts_at));
        const counted = present.filter((a) => !(excludeConflicted && cIds.has(a.officer_id))).length;
        const quorate = counted >= required;
        return {
          ...it,
          number: numbers.get(it.id),
          papers: papers.filter((p) => p.agenda_item_id === it.id).sort((a, b) => a.position - b.position),
          conflicted: conflicted.map((c) => ({ officerId: c.officer_id, name: `${c.given_names} ${c.family_name}`, interest: c.nature })),
          quorum: { quorate, counted, required, message: `${quorate ? 'Quorate' : 'Not quorate'} for item ${numbers.get(it.id)}: ${counted} of ${required} needed.` },
        };
      }),
      attendance,
      proxies,
      resolutions,
      declarations,
      expected: seats.filter((s) => !attendance.some((a) => a.officer_id === s.officer_id)),
      sealed: m.minutes_status === 'signed',
    };
  };
}

/** A raw audit event about any record, vouching for its row as it is now (as the audit writer does). */
function rawAudit(raw: Database.Database, actor: string) {
  const insertEvent = raw.prepare(
    `insert into audit_event (id, seq, at, actor, action, entity_type, entity_id, summary, payload_hash, prev_hash, hash, chain_version, state_digest, organisation_id)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The benchmark's file keeps one organisation: every event is its.
  const organisationId = raw.prepare('select min(id) from organisation').pluck().get() as string;
  const insertPayload = raw.prepare('insert into audit_payload (event_id, body, redacted_at, redacted_by) values (?, ?, null, null)');
  const insertState = raw.prepare('insert into audit_state (entity_type, entity_id, event_seq, state_hash) values (?, ?, ?, ?)');
  const readHead = raw.prepare('select seq, hash from audit_head where id = 1');
  const writeHead = raw.prepare('insert into audit_head (id, seq, hash) values (1, ?, ?) on conflict(id) do update set seq = excluded.seq, hash = excluded.hash');
  return (action: string, type: string, row: Record<string, unknown> & { id: string }, summary: string, before: unknown, after: unknown) => {
    const head = (readHead.get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS_HASH };
    const seq = head.seq + 1;
    const id = uuidv7();
    const at = new Date().toISOString();
    const body = JSON.stringify({ before, after });
    const hash = stateHash({ type, id: row.id }, row);
    const digest = stateDigest([{ type, id: row.id, hash }]);
    const fields = { seq, id, at, actor, action, entityType: type, entityId: row.id, summary, payloadHash: sha256Hex(body), stateDigest: digest, organisationId };
    const h = eventHash(head.hash, fields, CHAIN_VERSION);
    insertEvent.run(id, seq, at, actor, action, type, row.id, summary, fields.payloadHash, head.hash, h, CHAIN_VERSION, digest, organisationId);
    insertPayload.run(id, body);
    insertState.run(type, row.id, seq, hash);
    writeHead.run(seq, h);
  };
}

/** A director arrives or leaves: the update, its audit event, then the meeting view with quorum for every item. */
function rawAttendance(raw: Database.Database, view: (id: string) => unknown) {
  const get = raw.prepare("select * from attendance where meeting_id = ? and officer_id = ? and role = 'director'");
  const update = raw.prepare('update attendance set status = ?, arrived_at = ?, left_at = ?, updated_at = ? where id = ?');
  const audit = rawAudit(raw, 'bench');
  const tx = raw.transaction((c: { meetingId: string; officerId: string; status: string; arrivedAt?: string; leftAt?: string }) => {
    const before = get.get(c.meetingId, c.officerId) as any;
    update.run(c.status, c.arrivedAt ?? null, c.leftAt ?? null, new Date().toISOString(), before.id);
    const after = get.get(c.meetingId, c.officerId) as any;
    audit('attendance.updated', 'attendance', after, `${after.name}: ${c.leftAt ? `left at ${c.leftAt}` : 'present'}`, { leftAt: before.left_at }, { leftAt: after.left_at });
    return view(c.meetingId);
  });
  return (c: Parameters<typeof tx>[0]) => tx.immediate(c);
}

/** The decisions register in raw SQL: search words, filters, newest first, 50 a page, with item numbers. */
export function rawDecisionSearch(raw: Database.Database, orgId: string) {
  const itemsOf = raw.prepare('select id, parent_id, position, meeting_id from agenda_item where meeting_id = ?');
  const countMatches = raw.prepare('select count(*) from (select rowid from decision_fts where decision_fts match ? limit 500)').pluck();
  return (s: Record<string, any>) => {
    const where = ['d.organisation_id = ?'];
    const params: unknown[] = [orgId];
    // The same FTS5 index the app searches (migration 0009), so both sides do the same work.
    const words = String(s.search ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length > 0) {
      // The same choice the app makes: walk the register for a common word, sort the matches of a rare one.
      const match = words.map((w) => `"${w}"*`).join(' ');
      const common = (countMatches.get(match) as number) >= 500;
      where.push(`${common ? '+' : ''}d.rowid in (select rowid from decision_fts where decision_fts match ?)`);
      params.push(match);
    }
    const filters: [unknown, string][] = [
      [s.meetingKind, 'm.kind = ?'],
      [s.from, 'd.decided_on >= ?'],
      [s.to, 'd.decided_on <= ?'],
      [s.organisation, 'd.related_organisation like ?'],
      [s.outcome, 'd.outcome = ?'],
    ];
    for (const [value, clause] of filters) {
      if (value === undefined) continue;
      where.push(clause);
      params.push(value);
    }
    const rows = raw
      .prepare(
        `select d.*, m.title as meeting_title, m.kind as meeting_kind, n.status as minutes_status
           from decision d left join meeting m on m.id = d.meeting_id left join minutes n on n.meeting_id = d.meeting_id and n.corrects_minutes_id is null
          where ${where.join(' and ')} order by d.decided_on desc, d.id desc limit 51`,
      )
      .all(...params) as any[];
    const numbers = new Map<string, string>();
    for (const meetingId of new Set(rows.map((x) => x.meeting_id))) {
      const items = (itemsOf.all(meetingId) as any[]).sort((a, b) => a.position - b.position);
      items.filter((i) => i.parent_id === null).forEach((t, i) => {
        numbers.set(t.id, String(i + 1));
        items.filter((x) => x.parent_id === t.id).forEach((x, j) => numbers.set(x.id, `${i + 1}.${j + 1}`));
      });
    }
    // The named votes of the page's decisions, as the register shows them (the app reads the same).
    const page = rows.slice(0, 50);
    const votes = page.length
      ? (raw
          .prepare(
            `select v.decision_id, v.officer_id, v.vote, o.given_names, o.family_name from decision_vote v join officer o on o.id = v.officer_id
              where v.decision_id in (${page.map(() => '?').join(',')}) order by o.family_name, o.given_names`,
          )
          .all(...page.map((x) => x.id)) as any[])
      : [];
    return {
      rows: page.map((x) => ({ ...x, itemNumber: numbers.get(x.agenda_item_id) ?? null, sealed: x.minutes_status === 'signed', votes: votes.filter((v) => v.decision_id === x.id) })),
      next: rows.length > 50 ? { decidedOn: rows[49].decided_on, id: rows[49].id } : null,
    };
  };
}

/** The pack's model from raw reads: the meeting, its items in order, each paper's bytes. */
function rawPackModel(raw: Database.Database, meetingId: string): BoardPackModel {
  const m = raw.prepare('select m.*, o.name as org_name from meeting m join organisation o on o.id = m.organisation_id where m.id = ?').get(meetingId) as any;
  const items = (raw.prepare('select * from agenda_item where meeting_id = ? order by position').all(meetingId) as any[]);
  const papers = raw
    .prepare('select p.agenda_item_id, p.title, p.file_name, p.kind, d.bytes from paper p join agenda_item i on i.id = p.agenda_item_id join document d on d.id = p.document_id where i.meeting_id = ? order by p.position')
    .all(meetingId) as any[];
  const toItem = (it: any): PackItem => ({
    title: it.title,
    presenter: it.presenter,
    purpose: it.purpose,
    minutesAllotted: it.minutes_allotted,
    startsAt: it.starts_at,
    papers: papers.filter((p) => p.agenda_item_id === it.id).map((p) => ({ title: p.title, fileName: p.file_name, kind: p.kind, bytes: p.bytes })),
  });
  return {
    meeting: { organisationName: m.org_name, title: m.title, kind: m.kind, date: m.held_on, startTime: m.starts_at, endTime: m.ends_at, place: m.place, electronicMeans: m.electronic_means },
    items: items.filter((i) => i.parent_id === null).map((t) => ({ ...toItem(t), children: items.filter((s) => s.parent_id === t.id).map(toItem) })),
    issuedOn: null,
  };
}

/** Signing in raw SQL: the sealed record as canonical JSON, its SHA-256, the minutes updated, an audit event. */
/**
 * Signing as raw SQL: the sealed record, the update and its audit event, then the same answer the
 * app gives the screen (the signed minutes with their facts: the meeting view's reads, the
 * decisions with their votes, the actions, the comments and the sealing event).
 */
function rawSigner(raw: Database.Database, view: (meetingId: string) => unknown) {
  const sealer = rawSealer(raw);
  const answer = {
    meeting: raw.prepare('select organisation_id from meeting where id = ?'),
    organisation: raw.prepare('select name from organisation where id = ?'),
    decisions: raw.prepare('select * from decision where meeting_id = ? order by created_at, id'),
    votes: raw.prepare(
      `select v.decision_id, v.vote, o.given_names, o.family_name from decision_vote v join decision d on d.id = v.decision_id join officer o on o.id = v.officer_id where d.meeting_id = ?`,
    ),
    actions: raw.prepare('select * from action_item where meeting_id = ? order by created_at'),
    comments: raw.prepare('select * from minutes_comment where minutes_id = ? order by created_at, id'),
    corrections: raw.prepare('select id, meeting_id, status from minutes where corrects_minutes_id = ? order by created_at'),
    event: raw.prepare(
      `select e.seq, e.hash, e.at, p.body from audit_event e left join audit_payload p on p.event_id = e.id
        where e.entity_type = 'minutes' and e.entity_id = ? and e.action = 'minutes.signed' order by e.seq desc limit 1`,
    ),
  };
  const get = raw.prepare('select * from minutes where id = ?');
  const update = raw.prepare("update minutes set status = 'signed', signed_on = ?, signed_by = ?, sealed_sha256 = ?, sealed_record = ?, updated_at = ? where id = ?");
  const audit = rawAudit(raw, 'bench');
  const tx = raw.transaction((id: string, signedBy: string, signedOn: string) => {
    const m = get.get(id) as any;
    const fields = { ...m, status: 'signed', signed_on: signedOn, signed_by: signedBy };
    delete fields.sealed_sha256;
    delete fields.sealed_record;
    delete fields.updated_at;
    const { body, sha256 } = sealer.record(fields, m.meeting_id);
    update.run(signedOn, signedBy, sha256, body, new Date().toISOString(), id);
    audit('minutes.signed', 'minutes', get.get(id) as any, `Minutes signed by ${signedBy}; SHA-256 ${sha256}`, { status: m.status }, { status: 'signed', sha256 });
  });
  return (id: string, signedBy: string, signedOn: string) => {
    tx.immediate(id, signedBy, signedOn);
    const m = get.get(id) as any;
    const meeting = answer.meeting.get(m.meeting_id) as any;
    return {
      minutes: m,
      organisation: answer.organisation.get(meeting.organisation_id),
      view: view(m.meeting_id),
      decisions: answer.decisions.all(m.meeting_id),
      votes: answer.votes.all(m.meeting_id),
      actions: answer.actions.all(m.meeting_id),
      comments: answer.comments.all(id),
      corrections: answer.corrections.all(id),
      event: answer.event.get(id),
    };
  };
}
