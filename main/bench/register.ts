import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawMemberAudit } from './raw-audit';
import { Core } from '../core/core';
import { CACHE_KIB } from '../core/db/open';
import { foldQuery, emailKey, normaliseEmployeeNumber } from '../core/members/columns';
import { prefixUpperBound } from '../../shared/rules/fold';
import { defaultRuleValues } from '../../shared/rules/governing-rules';
import { bulkLoadMembers } from './bulk-load';
import { figure, nowMs, percentile, timePaired, type Figure } from './stats';
import { rng, SAMPLE_FAMILY_NAMES, SAMPLE_GIVEN_NAMES } from '../sample/people';
import { benchImport } from './import';

/**
 * `npm run bench -- register --json FILE [--members N]`: builds a register of N members
 * (default 1,000,000) and measures each data path through the app (core.dispatch: validation,
 * Kysely, services, audit) and the same work in raw better-sqlite3, in the same run.
 */
export async function benchRegister(args: { json?: string; members: number; keep: boolean }): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mg-bench-'));
  const dbPath = join(dir, 'bench.sqlite');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  try {
    log(`Building a register of ${args.members.toLocaleString('en-GB')} members in ${dbPath} …`);
    let core = await Core.open({ dbPath, host: 'cli', actor: 'bench' });
    const ok = async (m: string, i: unknown) => {
      const r = await core.dispatch(m, i);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.value as any;
    };
    await ok('organisation.setUp', {
      particulars: {
        name: 'Benchmark Community Care',
        legalForm: 'company_limited_by_guarantee',
        registrationNumber: '01234567',
        registeredOffice: { line1: '1 Park Row', town: 'Leeds', postcode: 'LS1 5AB', country: 'england' },
        incorporatedOn: '2015-04-01',
        financialYearEnd: '03-31',
      },
      rules: defaultRuleValues('company_limited_by_guarantee'),
    });
    const cls = await ok('classes.create', {
      name: 'Employee',
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: true,
      eligibility: { minAgeYears: 16, minWeeklyHours: 7.5, minServiceMonths: 3 },
      shareTerms: null,
    });
    const org = await ok('organisation.get', {});
    const t0 = nowMs();
    bulkLoadMembers(core.raw, {
      organisationId: org.id,
      classId: cls.id,
      className: 'Employee',
      count: args.members,
      seed: 1,
      actor: 'bench',
      onProgress: (n) => log(`  ${n.toLocaleString('en-GB')} members…`),
    });
    core.raw.pragma('wal_checkpoint(TRUNCATE)');
    log(`Built in ${((nowMs() - t0) / 1000).toFixed(1)} s.`);

    const figures: Figure[] = [];
    const report = (f: Figure) => {
      figures.push(f);
      console.log(`${f.name.padEnd(16)} ${String(f.value).padStart(9)} ${f.unit.padEnd(3)}  raw ${String(f.raw).padStart(9)} ${f.unit.padEnd(3)}  ratio ${f.ratio.toFixed(2)}`);
    };
    const raw = core.raw;
    const orgId = org.id as string;

    // --- search p99 -------------------------------------------------------------------
    const r = rng(7);
    const queries: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const k = r();
      if (k < 0.45) {
        const fam = SAMPLE_FAMILY_NAMES[Math.floor(r() * SAMPLE_FAMILY_NAMES.length)]!;
        queries.push(foldQuery(fam).slice(0, 3 + Math.floor(r() * 4)));
      } else if (k < 0.75) {
        const given = SAMPLE_GIVEN_NAMES[Math.floor(r() * SAMPLE_GIVEN_NAMES.length)]!;
        queries.push(foldQuery(given).slice(0, 3 + Math.floor(r() * 4)));
      } else if (k < 0.85) {
        queries.push(`${foldQuery(SAMPLE_GIVEN_NAMES[Math.floor(r() * SAMPLE_GIVEN_NAMES.length)]!)} ${foldQuery(SAMPLE_FAMILY_NAMES[Math.floor(r() * SAMPLE_FAMILY_NAMES.length)]!).slice(0, 2)}`);
      } else if (k < 0.95) {
        queries.push(`E${String(1 + Math.floor(r() * args.members)).padStart(7, '0').slice(0, 6)}`);
      } else {
        queries.push(String(1 + Math.floor(r() * args.members)));
      }
    }
    const rawSearch = rawSearcher(raw, orgId);
    // Warm both paths (statement caches, page cache) before timing.
    for (const q of queries.slice(0, 50)) {
      await ok('members.search', { query: q, status: 'all' });
      rawSearch(q);
    }
    const search = await timePaired(queries, (q) => ok('members.search', { query: q, status: 'all' }), (q) => rawSearch(q));
    report(figure('search_p99_ms', 'ms', percentile(search.app, 99), percentile(search.raw, 99)));

    // --- deep page p99 -----------------------------------------------------------------
    const cursors: { sortKey: string; memberNumber: number }[] = [];
    const at = raw.prepare('select sort_key, member_number from member where organisation_id = ? and member_number = ?');
    for (let i = 0; i < 500; i++) {
      const n = Math.floor(args.members * (0.5 + r() * 0.45));
      const row = at.get(orgId, Math.max(1, n)) as { sort_key: string; member_number: number };
      cursors.push({ sortKey: row.sort_key, memberNumber: row.member_number });
    }
    const rawPage = raw.prepare(
      `select id, member_number, given_names, family_name, class_id, admitted_on, ceased_on, employee_number, shares_held, sort_key
         from member where organisation_id = ? and ceased_on is null and (sort_key, member_number) > (?, ?)
         order by sort_key, member_number limit 101`,
    );
    const rawPageFn = (c: { sortKey: string; memberNumber: number }) => {
      const rows = rawPage.all(orgId, c.sortKey, c.memberNumber) as any[];
      return rows.slice(0, 100).map((x) => ({ id: x.id, memberNumber: x.member_number, givenNames: x.given_names, familyName: x.family_name, classId: x.class_id, status: 'current', admittedOn: x.admitted_on, ceasedOn: x.ceased_on, employeeNumber: x.employee_number, sharesHeld: null }));
    };
    for (const c of cursors.slice(0, 20)) {
      await ok('members.list', { sort: 'name', status: 'current', after: c, limit: 100 });
      rawPageFn(c);
    }
    const page = await timePaired(cursors, (c) => ok('members.list', { sort: 'name', status: 'current', after: c, limit: 100 }), rawPageFn);
    report(figure('page_p99_ms', 'ms', percentile(page.app, 99), percentile(page.raw, 99)));

    // --- one member edit with its audit event, p99 ---------------------------------------
    const editTargets: string[] = [];
    const idAt = raw.prepare('select id from member where organisation_id = ? and member_number = ?').pluck();
    for (let i = 0; i < 300; i++) editTargets.push(idAt.get(orgId, 1 + Math.floor(r() * args.members)) as string);
    const inputs = [];
    for (const [i, id] of editTargets.entries()) {
      const d = await ok('members.get', { id });
      inputs.push({ id, classId: d.classId, particulars: { ...d.particulars, address: { ...d.particulars.address, line1: `${i + 1} Edited Street` }, loansAndDepositsPence: null } });
    }
    // Each side edits its own members (the raw side the next ones along), alternating turns.
    const rawEdit = rawEditor(raw);
    const rawTargets = [...editTargets.slice(1), editTargets[0]!];
    const edit = await timePaired(
      inputs.map((input, i) => ({ input, rawId: rawTargets[i]! })),
      (x) => ok('members.update', x.input),
      (x) => rawEdit(x.rawId),
    );
    report(figure('edit_p99_ms', 'ms', percentile(edit.app, 99), percentile(edit.raw, 99)));

    // --- import of a 100,000-row HR file -------------------------------------------------
    await core.close();
    report(await benchImport({ dbPath, dir, members: args.members, log }));
    core = await Core.open({ dbPath, host: 'cli', actor: 'bench' });
    await core.close();

    // --- opening the file to the first page ---------------------------------------------
    const appOpen: number[] = [];
    const rawOpen: number[] = [];
    for (let i = 0; i < 5; i++) {
      let t = nowMs();
      // Opened as the window opens it (the command line checks the whole file first).
      const c = await Core.open({ dbPath, host: 'browser', actor: 'bench' });
      const first = await c.dispatch('members.list', { sort: 'name', status: 'current', limit: 100 });
      if (!first.ok) throw new Error(first.error.message);
      appOpen.push(nowMs() - t);
      await c.close();
      t = nowMs();
      const db = new Database(dbPath);
      db.pragma('journal_mode = WAL');
      db.pragma(`cache_size = -${CACHE_KIB}`);
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('trusted_schema = OFF');
      // Like the app, no quick_check before the first page: the app runs it on a worker thread
      // after opening (reads go ahead, changes wait for it).
      db.prepare(
        `select id, member_number, given_names, family_name, class_id, admitted_on, ceased_on, employee_number, shares_held
           from member where organisation_id = ? and ceased_on is null order by sort_key, member_number limit 101`,
      ).all(orgId);
      rawOpen.push(nowMs() - t);
      db.close();
    }
    report(figure('open_ms', 'ms', percentile(appOpen, 50), percentile(rawOpen, 50)));

    if (args.json) {
      writeFileSync(args.json, JSON.stringify({ members: args.members, figures }, null, 2));
      log(`Wrote ${args.json}`);
    }
    return figures;
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else log(`Kept ${dir}`);
  }
}

/** The app's search, written directly against better-sqlite3. */
function rawSearcher(raw: Database.Database, orgId: string) {
  const cols = 'id, member_number, given_names, family_name, class_id, admitted_on, ceased_on, employee_number, shares_held, sort_key';
  const byNumber = raw.prepare(`select ${cols} from member where organisation_id = ? and member_number = ?`);
  const byEmail = raw.prepare(`select ${cols} from member where organisation_id = ? and email_key >= ? and email_key < ? order by email_key limit 51`);
  const byEmployee = raw.prepare(`select ${cols} from member where organisation_id = ? and employee_number >= ? and employee_number < ? order by employee_number limit 51`);
  const bySort = raw.prepare(`select ${cols} from member where organisation_id = ? and sort_key >= ? and sort_key < ? order by sort_key, member_number limit 51`);
  const byGiven = raw.prepare(`select ${cols} from member where organisation_id = ? and given_key >= ? and given_key < ? order by given_key limit 51`);
  const tokenIds = raw.prepare('select member_id from member_name_token where organisation_id = ? and token >= ? and token < ? order by token limit 51').pluck();
  return (q: string) => {
    const found = new Map<string, any>();
    const add = (rows: any[]) => rows.forEach((x) => found.has(x.id) || found.set(x.id, x));
    if (/^\d+$/.test(q)) add(byNumber.all(orgId, Number(q)));
    if (q.includes('@')) add(byEmail.all(orgId, emailKey(q), prefixUpperBound(emailKey(q))));
    const e = normaliseEmployeeNumber(q);
    if (/^[A-Z0-9][A-Z0-9/_.-]*$/.test(e)) add(byEmployee.all(orgId, e, prefixUpperBound(e)));
    const f = foldQuery(q);
    if (f) {
      add(bySort.all(orgId, f, prefixUpperBound(f)));
      if (found.size <= 50) add(byGiven.all(orgId, f, prefixUpperBound(f)));
      const w = f.split(' ')[0]!;
      if (found.size <= 50 && w.length >= 2) {
        const ids = tokenIds.all(orgId, w, prefixUpperBound(w)) as string[];
        if (ids.length > 0) {
          const rest = f.slice(w.length).trim();
          const sql = `select ${cols} from member where organisation_id = ? and id in (${ids.map(() => '?').join(',')})${rest ? ' and (sort_key like ? or given_key like ?)' : ''}`;
          add(raw.prepare(sql).all(orgId, ...ids, ...(rest ? [`%${rest}%`, `%${rest}%`] : [])));
        }
      }
    }
    return [...found.values()].sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.member_number - b.member_number)).slice(0, 50);
  };
}

/** One member edit with its chained audit event and the state it vouches for, in raw better-sqlite3. */
export function rawEditor(raw: Database.Database) {
  const get = raw.prepare('select * from member where id = ?');
  const update = raw.prepare('update member set address_line1 = ?, updated_at = ? where id = ?');
  const log = rawMemberAudit(raw, 'bench');
  let n = 0;
  const tx = raw.transaction((id: string) => {
    const m = get.get(id) as any;
    const at = new Date().toISOString();
    const line1 = `${++n} Raw Street`;
    update.run(line1, at, id);
    log.append(at, 'member.updated', id, `Member ${m.member_number}: 1 particular changed`, { 'address.line1': m.address_line1 }, { 'address.line1': line1 });
    log.finish();
  });
  return (id: string) => tx.immediate(id);
}
