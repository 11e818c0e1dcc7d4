import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import { defaultRuleValues } from '../../../shared/rules/governing-rules';
import { admit, createClass } from '../exports/seed.test-helpers';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { headFingerprint } from '../../../shared/domain/fingerprint';

/**
 * Verify proves the registers are what the audit log says they are, and that the log still
 * holds every head kept outside the file. These tests play someone with the sqlite3 shell
 * who changes the registers directly, and one who deletes the end of the log and rewrites the
 * head so that the chain verifies on its own.
 */
let t: TestCore;
let memberId: string;
beforeEach(async () => {
  t = await openTestCore();
  await setUpOrganisation(t.core);
  const cls = await createClass(t.core, { shares: false });
  memberId = (await admit(t.core, cls, { givenNames: 'Aisha', familyName: 'Khan' }, false)).id;
  await admit(t.core, cls, { givenNames: 'Ben', familyName: 'Okoro' }, false);
});
afterEach(async () => {
  await t.cleanup();
});

async function verify(input: { fingerprints?: string[] } = {}): Promise<VerifyReport> {
  const status = await runJob(t.core, 'audit.verify', input);
  expect(status.state, status.error?.message).toBe('succeeded');
  return status.result as VerifyReport;
}

describe('verify compares the registers with the audit log', () => {
  it('passes an untouched file, counting every record it compared', async () => {
    const report = await verify();
    expect(report.ok).toBe(true);
    expect(report.problem).toBeNull();
    // organisation, governing rules, one class, two members
    expect(report.records).toEqual({ checked: 5, problems: [], more: 0 });
    expect(report.fingerprint).toBe(headFingerprint(report.events, report.headHash));
  });

  it('names a member whose name was changed in the file with a database tool', async () => {
    t.core.raw.prepare("update member set family_name = 'Smith' where id = ?").run(memberId);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.records.problems).toEqual(['member 1 was changed outside the app (it differs from its last audit event)']);
    expect(report.problem).toContain('The registers do not match the audit log: member 1 was changed outside the app');
    // The chain itself is intact: the log was not touched, the register was.
    expect(report.brokenSeq).toBeNull();
  });

  it('names a share ledger entry inserted or a rule changed behind the app’s back', async () => {
    t.core.raw.prepare('update governing_rules set gm_quorum = 1').run();
    const report = await verify();
    expect(report.records.problems).toEqual(['the record of the governing rules was changed outside the app (it differs from its last audit event)']);
  });

  it('names a record added with no audit event, and one deleted although the log records it', async () => {
    const row = t.core.raw.prepare('select * from member where id = ?').get(memberId) as Record<string, unknown>;
    t.core.raw.prepare('delete from member_name_token where member_id = ?').run(memberId);
    t.core.raw.prepare('delete from member where id = ?').run(memberId);
    const forged = { ...row, id: '0190f000-0000-7000-8000-000000000999', member_number: 99, person_id: '0190f000-0000-7000-8000-000000000998' };
    const cols = Object.keys(forged);
    t.core.raw.prepare(`insert into member (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`).run(forged);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.records.problems).toEqual([
      'member 99 exists but no audit event records it (it was added outside the app)',
      `a register entry (${memberId}) is missing although the audit log records it (it was deleted outside the app)`,
    ]);
  });

  it('accepts an entry lawfully removed (CA 2006 s121): the removal recorded it as gone', async () => {
    const clock = { now: new Date('2036-06-01T12:00:00Z') };
    const later = await openTestCore({ now: () => clock.now });
    try {
      clock.now = new Date('2020-06-01T12:00:00Z');
      await setUpOrganisation(later.core);
      const cls = await createClass(later.core, { shares: false });
      const m = await admit(later.core, cls, { givenNames: 'Cara', familyName: 'Doyle', admittedOn: '2020-05-01' }, false);
      expectOk(await later.core.dispatch('members.cease', { memberId: m.id, ceasedOn: '2020-06-01', reason: 'resigned' }));
      clock.now = new Date('2031-06-02T12:00:00Z');
      expectOk(await later.core.dispatch('members.remove', { ids: [m.id], confirm: true }));
      const status = await runJob(later.core, 'audit.verify', {});
      expect((status.result as VerifyReport).records.problems).toEqual([]);
      expect((status.result as VerifyReport).ok).toBe(true);
    } finally {
      await later.cleanup();
    }
  });
});

describe('verify compares the log with heads kept outside the file', () => {
  /** What someone who knows the scheme does to hide the last events: delete them and rewrite the head. */
  function deleteLastEvents(n: number): void {
    const raw = t.core.raw;
    raw.exec('drop trigger audit_event_no_delete; drop trigger audit_payload_no_delete; drop trigger audit_state_no_delete;');
    const last = Number(raw.prepare('select max(seq) from audit_event').pluck().get());
    const keep = last - n;
    raw.prepare('delete from audit_state where event_seq > ?').run(keep);
    raw.prepare('delete from audit_payload where event_id in (select id from audit_event where seq > ?)').run(keep);
    raw.prepare('delete from audit_event where seq > ?').run(keep);
    const head = raw.prepare('select hash from audit_event where seq = ?').pluck().get(keep) as string;
    raw.prepare('update audit_head set seq = ?, hash = ?').run(keep, head);
  }

  it('finds events deleted from the end after a backup recorded a later head', async () => {
    const rules = defaultRuleValues('company_limited_by_guarantee');
    const saved = t.core.raw.prepare('select gm_quorum, updated_at from governing_rules').get() as { gm_quorum: number; updated_at: string };
    expectOk(await t.core.dispatch('rules.update', { ...rules, gmQuorum: 3 }));
    const backup = await runJob(t.core, 'data.backup', {});
    expect(backup.state).toBe('succeeded');
    // The intruder removes the rule change from the log and puts the quorum back, so the
    // registers agree with the shortened log and the chain verifies: only the heads can tell.
    deleteLastEvents(1);
    t.core.raw.prepare('update governing_rules set gm_quorum = ?, updated_at = ?').run(saved.gm_quorum, saved.updated_at);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.brokenSeq).toBeNull();
    expect(report.records.problems).toEqual([]);
    const backupName = (backup.result as { name: string }).name;
    expect(report.anchors.find((a) => a.source === `the backup ${backupName}`)).toMatchObject({ matches: false });
    expect(report.problem).toMatch(/recorded event #\d+, but the log now ends at #\d+: events were deleted from the end of the log/);
  });

  it('checks a fingerprint typed in from a printed copy', async () => {
    const page = expectOk(await t.core.dispatch('exports.registerPage', { view: 'inspection', status: 'all' })) as { fingerprint: string };
    expect((await verify({ fingerprints: [page.fingerprint] })).anchors.find((a) => a.source.includes('you entered'))).toMatchObject({ matches: true });
    const wrong = page.fingerprint.replace(/[0-9a-f]{4}$/, (h) => (h === '0000' ? '1111' : '0000'));
    const report = await verify({ fingerprints: [wrong] });
    expect(report.ok).toBe(false);
    expect(report.problem).toContain('recorded a different event');
  });

  it('refuses a fingerprint that is not one', async () => {
    const r = await t.core.dispatch('audit.verify', { fingerprints: ['hello'] });
    expect(r.ok ? null : r.error.message).toBe('Type the fingerprint as printed, e.g. #1234 · 3f9a c2e1 07bd.');
  });

  it('reads the heads log beside the file, and survives a torn last line', async () => {
    expectOk(await t.core.dispatch('exports.registerPage', { view: 'full', status: 'all' }));
    writeFileSync(join(t.dir, 'mutual-governance.sqlite-heads.jsonl'), '{"seq": 2, "hash"', { flag: 'a' });
    const report = await verify();
    expect(report.anchors.some((a) => a.source.startsWith('the heads log beside the file (print'))).toBe(true);
    expect(report.ok).toBe(true);
  });
});
