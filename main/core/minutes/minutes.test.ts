import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { Minutes } from '../../../shared/contract/minutes';
import type { Result } from '../../../shared/result';
import { uuidv7 } from '../db/ids';
import { admit, createClass } from '../exports/seed.test-helpers';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { boardFixture, decisionRow, insertRecorded, meetingRow, type BoardFixture } from './fixtures.test-helpers';
import { plainText } from './lexical';
import { sha256 } from './seal';

const NOW = '2026-11-30T12:00:00Z';

let t: TestCore;
let f: BoardFixture;
beforeEach(async () => {
  t = await openTestCore({ now: () => new Date(NOW) });
  await setUpOrganisation(t.core);
  f = await boardFixture(t.core);
});
afterEach(async () => {
  await t.cleanup();
});

const call = (method: string, input: unknown) => t.core.dispatch(method, input);
const ok = async (method: string, input: unknown) => expectOk(await call(method, input)) as Minutes;
const events = () => Number(t.core.raw.prepare('select count(*) from audit_event').pluck().get());

function refused(result: Result<unknown>, code: string, field?: string): string {
  expect(result.ok, result.ok ? 'expected a refusal' : '').toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  if (field) {
    expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
    return result.error.fieldErrors![field]!;
  }
  return result.error.message;
}

const para = (text: string) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] });
const state = (...children: unknown[]) => JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } });

/** Draft, circulate, approve at the second meeting and sign: the minutes of the first meeting sealed. */
async function signed(): Promise<Minutes> {
  const m = await ok('minutes.draft', { meetingId: f.first.meetingId });
  await ok('minutes.circulate', { id: m.id, circulatedOn: '2026-09-20' });
  await ok('minutes.approve', { id: m.id, decisionId: f.second.approvalDecisionId, approvedOn: '2026-10-15' });
  return ok('minutes.sign', { id: m.id, signedBy: 'Ben Okoro', signedOn: '2026-10-15' });
}

async function verifyFile(): Promise<VerifyReport> {
  const status = await runJob(t.core, 'audit.verify', {});
  expect(status.state, status.error?.message).toBe('succeeded');
  return status.result as VerifyReport;
}

describe('the draft generated from the meeting', () => {
  it('is null before drafting, and refused for a meeting not yet held', async () => {
    expect(expectOk(await call('minutes.get', { meetingId: f.first.meetingId }))).toBeNull();
    const planned = meetingRow(f.orgId, { heldOn: '2026-12-10', status: 'planned' });
    await insertRecorded(t.core, [['meeting', planned]]);
    expect(refused(await call('minutes.draft', { meetingId: planned.id }), 'CONFLICT')).toMatch(/it has not been recorded as held yet/);
  });

  it('heads each agenda item with its number, carries its notes and a Decision: line', async () => {
    const before = events();
    const m = await ok('minutes.draft', { meetingId: f.first.meetingId });
    expect(events()).toBe(before + 1);
    expect(m.status).toBe('draft');
    const text = plainText(m.body);
    expect(text).toContain('1. Apologies');
    expect(text).toContain('2. Community services contract renewal\nThe Finance Manager presented the renewal terms.\nThe board asked about staffing levels.');
    expect(text).toContain('Decision: To renew the community services contract with Leeds City Council: Carried. For 2, against 0, abstaining 0 (for: Siân Jones, Ben Okoro); Aisha Khan took no part; proposed by Ben Okoro, seconded by Siân Jones.');
    expect(text).toContain('3. Any other business');
    expect(m.deletableFrom).toBe('2036-09-11');
    expect(refused(await call('minutes.draft', { meetingId: f.first.meetingId }), 'CONFLICT')).toMatch(/already has minutes/);
  });

  it('computes the facts from the records: present, in attendance, apologies, quorum, declarations, decisions, actions', async () => {
    const m = await ok('minutes.draft', { meetingId: f.first.meetingId });
    const facts = Object.fromEntries(m.facts.map((x) => [x.heading, x.lines]));
    expect(facts.Present).toEqual(['Aisha Khan, in person, left at 19:40', 'Ben Okoro, by electronic means', 'Siân Jones (Chair), in person']);
    expect(facts['In attendance']).toEqual(['Mo Ali (Finance Manager), in person']);
    expect(facts.Apologies).toEqual(['Dev Patel']);
    expect(facts.Quorum).toEqual(['The meeting was quorate for every item: at least 2 directors counted, 2 needed.']);
    expect(facts['Declarations of interest']).toEqual(['Aisha Khan (item 2): Employed by Leeds City Council']);
    expect(facts.Decisions![0]).toMatch(/^Item 2: To renew the community services contract.*Carried\. For 2, against 0, abstaining 0/);
    expect(facts['Actions agreed']).toEqual(['Item 2: Sign the renewed contract (Ben Okoro, by 1 October 2026)']);
    // Facts follow the records: a decision flagged as taken while not quorate says so.
    t.core.raw.prepare('update decision set recorded_not_quorate = 1 where id = ?').run(f.first.decisionId);
    const again = expectOk(await call('minutes.get', { meetingId: f.first.meetingId })) as Minutes;
    expect(again.facts.find((x) => x.heading === 'Decisions')!.lines[0]).toMatch(/Recorded as not quorate\.$/);
  });
});

describe('the body is Lexical state, never HTML', () => {
  it('saves a valid state and refuses HTML, unknown node types and malformed text, next to the field', async () => {
    const m = await ok('minutes.draft', { meetingId: f.first.meetingId });
    const saved = await ok('minutes.save', { id: m.id, body: state(para('The meeting opened at 18:30.')) });
    expect(plainText(saved.body)).toBe('The meeting opened at 18:30.');
    expect(refused(await call('minutes.save', { id: m.id, body: '<p>The meeting opened</p>' }), 'VALIDATION', 'body')).toMatch(/HTML is not accepted/);
    expect(refused(await call('minutes.save', { id: m.id, body: state({ type: 'html', version: 1, children: [] }) }), 'VALIDATION', 'body')).toMatch(/kind of content the editor does not use \(“html”\)/);
    expect(refused(await call('minutes.save', { id: m.id, body: state({ type: 'paragraph', version: 1, children: [{ type: 'text', text: 42 }] }) }), 'VALIDATION', 'body')).toMatch(/text that is not a string/);
    expect(refused(await call('minutes.save', { id: m.id, body: state({ type: 'text', version: 1, text: 'loose' }) }), 'VALIDATION', 'body')).toMatch(/the document cannot contain “text”/);
    expect(refused(await call('minutes.save', { id: m.id, body: 'not json' }), 'VALIDATION', 'body')).toMatch(/not JSON/);
    // Nothing refused was kept.
    expect(plainText((expectOk(await call('minutes.get', { meetingId: f.first.meetingId })) as Minutes).body)).toBe('The meeting opened at 18:30.');
  });
});

describe('circulated, commented, approved at a later meeting, signed and sealed', () => {
  it('runs the whole lifecycle with one audit event per change', async () => {
    const m = await ok('minutes.draft', { meetingId: f.first.meetingId });
    expect(refused(await call('minutes.comment', { id: m.id, author: 'Aisha Khan', body: 'Too early' }), 'CONFLICT')).toMatch(/circulate them first/);
    expect(refused(await call('minutes.circulate', { id: m.id, circulatedOn: '2026-09-09' }), 'VALIDATION', 'circulatedOn')).toMatch(/before the meeting they record \(held on 10 September 2026\)/);
    let n = events();
    await ok('minutes.circulate', { id: m.id, circulatedOn: '2026-09-20' });
    const commented = await ok('minutes.comment', { id: m.id, author: 'Aisha Khan', body: 'Item 2: say I left the room.' });
    expect(commented.comments).toMatchObject([{ author: 'Aisha Khan', body: 'Item 2: say I left the room.' }]);
    expect(events()).toBe(n + 2);

    // Approval: a decision at a later meeting of the board, carried.
    expect(refused(await call('minutes.approve', { id: m.id, approvedOn: '2026-10-15' }), 'VALIDATION', 'decisionId')).toMatch(/Choose the decision of a later meeting/);
    expect(refused(await call('minutes.approve', { id: m.id, decisionId: f.first.decisionId, approvedOn: '2026-10-15' }), 'VALIDATION', 'decisionId')).toMatch(/approved at a later meeting; that decision was taken at the Board of Directors on 10 September 2026/);
    expect(refused(await call('minutes.approve', { id: m.id, decisionId: f.second.lostDecisionId, approvedOn: '2026-10-15' }), 'VALIDATION', 'decisionId')).toMatch(/was not carried \(lost\)/);
    expect(refused(await call('minutes.approve', { id: m.id, decisionId: f.second.approvalDecisionId, approvedOn: '2026-10-14' }), 'VALIDATION', 'approvedOn')).toMatch(/decision taken on 15 October 2026/);
    n = events();
    const approved = await ok('minutes.approve', { id: m.id, decisionId: f.second.approvalDecisionId, approvedOn: '2026-10-15' });
    expect(events()).toBe(n + 1);
    expect(approved).toMatchObject({ status: 'approved', approvedOn: '2026-10-15', approvedByDecisionId: f.second.approvalDecisionId, approvedInWriting: false });
    expect(t.core.raw.prepare('select status from meeting where id = ?').pluck().get(f.first.meetingId)).toBe('minutes_approved');
    expect(refused(await call('minutes.save', { id: m.id, body: state(para('x')) }), 'CONFLICT')).toMatch(/approved on 15 October 2026/);

    // Signing: by the chair of this meeting or of the one that approved them.
    expect(refused(await call('minutes.sign', { id: m.id, signedBy: 'Dev Patel', signedOn: '2026-10-15' }), 'VALIDATION', 'signedBy')).toMatch(/CA 2006 s249\(1\)\): Siân Jones or Ben Okoro\. Dev Patel is not recorded as chairing either/);
    expect(refused(await call('minutes.sign', { id: m.id, signedBy: 'Ben Okoro', signedOn: '2026-10-14' }), 'VALIDATION', 'signedOn')).toMatch(/approved on 15 October 2026/);
    n = events();
    const s = await ok('minutes.sign', { id: m.id, signedBy: 'Ben Okoro', signedOn: '2026-10-15' });
    expect(events()).toBe(n + 1);
    expect(s.status).toBe('signed');
    expect(s.sealedSha256).toMatch(/^[0-9a-f]{64}$/);
    const ev = t.core.raw.prepare("select e.seq, p.body from audit_event e join audit_payload p on p.event_id = e.id where e.action = 'minutes.signed'").get() as { seq: number; body: string };
    expect(s.sealedEventSeq).toBe(ev.seq);
    expect(JSON.parse(ev.body).after.sha256).toBe(s.sealedSha256);
    const row = t.core.raw.prepare('select sealed_record, sealed_sha256 from minutes where id = ?').get(m.id) as { sealed_record: string; sealed_sha256: string };
    expect(sha256(row.sealed_record)).toBe(row.sealed_sha256);
    // The sealed record holds the paper's SHA-256 and the named votes.
    expect(row.sealed_record).toContain(f.first.paperSha);
    expect(row.sealed_record).toContain('"vote":"recused"');

    expect(expectOk(await call('minutes.verify', { id: m.id }))).toMatchObject({ ok: true });
    expect(expectOk(await call('minutes.verify', { id: m.id, sha256: s.sealedSha256!.toUpperCase() }))).toMatchObject({ ok: true });
    expect(expectOk(await call('minutes.verify', { id: m.id, sha256: 'a'.repeat(64) }))).toMatchObject({ ok: false, message: expect.stringMatching(/is not the one these minutes were sealed with/) });
    const report = await verifyFile();
    expect(report.records.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('accepts approval by the board in writing, signed by this meeting’s chair', async () => {
    const m = await ok('minutes.draft', { meetingId: f.first.meetingId });
    expect(refused(await call('minutes.approve', { id: m.id, decisionId: f.second.approvalDecisionId, inWriting: true, approvedOn: '2026-10-01' }), 'VALIDATION', 'inWriting')).toMatch(/not both/);
    await ok('minutes.approve', { id: m.id, inWriting: true, approvedOn: '2026-10-01' });
    const s = await ok('minutes.sign', { id: m.id, signedBy: 'S. Jones', signedOn: '2026-10-02' });
    expect(s).toMatchObject({ status: 'signed', approvedInWriting: true, signedBy: 'S. Jones' });
  });

  it('refuses any change to sealed minutes in the service with a message, and in SQL by the triggers', async () => {
    const s = await signed();
    const sealedMsg = 'These minutes were signed on 15 October 2026 and are sealed (CA 2006 s248, s355, s1138); record a correction instead.';
    expect(refused(await call('minutes.save', { id: s.id, body: state(para('Rewritten')) }), 'CONFLICT')).toBe(sealedMsg);
    expect(refused(await call('minutes.circulate', { id: s.id, circulatedOn: '2026-11-01' }), 'CONFLICT')).toBe(sealedMsg);
    expect(refused(await call('minutes.approve', { id: s.id, inWriting: true, approvedOn: '2026-11-01' }), 'CONFLICT')).toBe(sealedMsg);
    expect(refused(await call('minutes.sign', { id: s.id, signedBy: 'Ben Okoro', signedOn: '2026-11-01' }), 'CONFLICT')).toBe(sealedMsg);
    expect(refused(await call('minutes.draft', { meetingId: f.first.meetingId, regenerate: true }), 'CONFLICT')).toMatch(/already approved/);
    expect(() => t.core.raw.prepare("update minutes set body = '{}' where id = ?").run(s.id)).toThrow(/signed and sealed/);
    expect(() => t.core.raw.prepare('update decision set votes_for = 5 where id = ?').run(f.first.decisionId)).toThrow(/signed and sealed/);
    expect(() => t.core.raw.prepare("update attendance set status = 'absent' where meeting_id = ?").run(f.first.meetingId)).toThrow(/signed and sealed/);
    expect(() => t.core.raw.prepare('delete from minutes where id = ?').run(s.id)).toThrow(/at least ten years/);
  });
});

describe('verify finds sealed records changed with a database tool', () => {
  it('names a decision edited in SQL with the trigger dropped, in minutes.verify and in the whole-file verify', async () => {
    const s = await signed();
    t.core.raw.exec('drop trigger decision_sealed_update');
    t.core.raw.prepare('update decision set votes_for = 3 where id = ?').run(f.first.decisionId);
    const result = expectOk(await call('minutes.verify', { id: s.id })) as { ok: boolean; message: string };
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^These minutes do not match their seal: decision 1 \(“To renew the community services contract with Leeds City Council”\) has changed since sealing \(votes for\)/);
    const report = await verifyFile();
    expect(report.ok).toBe(false);
    expect(report.problem).toMatch(/^The registers do not match the audit log: /);
    expect(report.records.problems).toContainEqual(expect.stringMatching(/^the minutes of the Board of Directors on 2026-09-10: decision 1 \(“To renew the community services contract with Leeds City Council”\) has changed since sealing \(votes for\)$/));
  });

  it('names a paper swapped and a sealed record rewritten together with its SHA-256', async () => {
    const s = await signed();
    t.core.raw.exec('drop trigger minutes_sealed_update; drop trigger paper_sealed_update');
    t.core.raw.prepare("update paper set file_name = 'other.pdf' where title = 'Renewal terms'").run();
    const forged = '{"version":"mg-minutes-seal-v1"}';
    t.core.raw.prepare('update minutes set sealed_record = ?, sealed_sha256 = ? where id = ?').run(forged, sha256(forged), s.id);
    const result = expectOk(await call('minutes.verify', { id: s.id })) as { ok: boolean; message: string };
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/differs from the one the audit log recorded when they were signed/);
  });
});

describe('corrections and retention', () => {
  it('records a correction as a new draft at a later meeting, leaving the original untouched', async () => {
    const s = await signed();
    const before = t.core.raw.prepare('select * from minutes where id = ?').get(s.id);
    expect(refused(await call('minutes.correct', { id: s.id, meetingId: f.first.meetingId, text: 'Item 2: 3 for.' }), 'VALIDATION', 'meetingId')).toMatch(/later meeting/);
    await ok('minutes.draft', { meetingId: f.second.meetingId });
    // A meeting with minutes of its own may still approve a correction to earlier minutes (migration 0008).
    const atSecond = await ok('minutes.correct', { id: s.id, meetingId: f.second.meetingId, text: 'Item 2: 3 for.' });
    expect(atSecond).toMatchObject({ meetingId: f.second.meetingId, correctsMinutesId: s.id });
    expect((expectOk(await call('minutes.get', { meetingId: f.second.meetingId })) as Minutes).correctsMinutesId).toBeNull();
    expect(refused(await call('minutes.correct', { id: s.id, meetingId: f.second.meetingId, text: 'x' }), 'VALIDATION', 'meetingId')).toMatch(/already recorded for the/);
    await ok('minutes.delete', { id: atSecond.id });
    const n = events();
    const c = await ok('minutes.correct', { id: s.id, meetingId: f.third.meetingId, text: 'Item 2 should read: 2 for, none against.\n\nAisha Khan left the room.' });
    expect(events()).toBe(n + 1);
    expect(c).toMatchObject({ status: 'draft', correctsMinutesId: s.id, meetingId: f.third.meetingId });
    expect(plainText(c.body)).toBe('Item 2 should read: 2 for, none against.\nAisha Khan left the room.');
    expect(c.facts[0]!.lines[0]).toMatch(/Corrects the minutes of the Board of Directors on 10 September 2026, signed on 15 October 2026/);
    expect(t.core.raw.prepare('select * from minutes where id = ?').get(s.id)).toEqual(before);
    const original = expectOk(await call('minutes.get', { meetingId: f.first.meetingId })) as Minutes;
    expect(original.correctedBy).toEqual([{ id: c.id, meetingId: f.third.meetingId, status: 'draft' }]);
    expect(refused(await call('minutes.correct', { id: c.id, meetingId: f.third.meetingId, text: 'x' }), 'CONFLICT')).toMatch(/not signed yet/);

    // Approved at the meeting it was recorded for, signed, and sealed on its own text.
    const atThird = decisionRow(f.orgId, f.third.meetingId, null, '2026-11-12', { text: 'To approve the correction to the minutes of 10 September 2026' });
    await insertRecorded(t.core, [['decision', atThird]]);
    expect(refused(await call('minutes.approve', { id: c.id, decisionId: f.second.approvalDecisionId, approvedOn: '2026-11-12' }), 'VALIDATION', 'decisionId')).toMatch(/A correction is approved at the meeting it was recorded for/);
    await ok('minutes.approve', { id: c.id, decisionId: atThird.id, approvedOn: '2026-11-12' });
    expect(t.core.raw.prepare('select status from meeting where id = ?').pluck().get(f.third.meetingId)).toBe('held');
    const sc = await ok('minutes.sign', { id: c.id, signedBy: 'Siân Jones', signedOn: '2026-11-12' });
    expect(sc.status).toBe('signed');
    const sealedRecord = JSON.parse(t.core.raw.prepare('select sealed_record from minutes where id = ?').pluck().get(c.id) as string);
    expect(sealedRecord.minutes.corrects).toEqual({ id: s.id, sealed_sha256: s.sealedSha256 });
    expect(expectOk(await call('minutes.verify', { id: c.id }))).toMatchObject({ ok: true });
    expect(expectOk(await call('minutes.verify', { id: s.id }))).toMatchObject({ ok: true });
  });

  it('deletes a draft, and refuses signed minutes until ten years after the meeting, naming the date', async () => {
    const s = await signed();
    expect(refused(await call('minutes.delete', { id: s.id }), 'CONFLICT')).toBe(
      'Minutes of a board meeting of 10 September 2026 must be kept until 10 September 2036 (CA 2006 s248(2): at least ten years from the date of the meeting); they may be deleted from 11 September 2036.',
    );
    const d = await ok('minutes.draft', { meetingId: f.third.meetingId });
    const n = events();
    expect(expectOk(await call('minutes.delete', { id: d.id, reason: 'Duplicate' }))).toEqual({ deleted: true });
    expect(events()).toBe(n + 1);
    expect(expectOk(await call('minutes.get', { meetingId: f.third.meetingId }))).toBeNull();
    expect((await verifyFile()).records.problems).toEqual([]);
  });

  it('deletes signed minutes once ten years have passed since the meeting (s248(2))', async () => {
    const old = meetingRow(f.orgId, { heldOn: '2015-06-01', chair: f.directors.sian.id });
    const later = meetingRow(f.orgId, { heldOn: '2015-07-01', chair: f.directors.sian.id });
    await insertRecorded(t.core, [
      ['meeting', old],
      ['meeting', later],
    ]);
    const m = await ok('minutes.draft', { meetingId: old.id });
    await ok('minutes.approve', { id: m.id, inWriting: true, approvedOn: '2015-06-10' });
    const s = await ok('minutes.sign', { id: m.id, signedBy: 'Siân Jones', signedOn: '2015-06-10' });
    expect(s.deletableFrom).toBe('2025-06-02');
    expect(expectOk(await call('minutes.delete', { id: s.id, reason: 'Retention period ended' }))).toEqual({ deleted: true });
  });
});

describe('minutes of a general meeting', () => {
  it('lists members and proxies present, states the quorum of qualifying persons (CA 2006 s318) and the resolution passed', async () => {
    const cls = await createClass(t.core, { shares: false });
    const a = await admit(t.core, cls, { givenNames: 'Grace', familyName: 'Hopper' }, false);
    const b = await admit(t.core, cls, { givenNames: 'Alan', familyName: 'Turing' }, false);
    await admit(t.core, cls, { givenNames: 'Ada', familyName: 'Lovelace' }, false);
    const gm = meetingRow(f.orgId, { heldOn: '2026-09-30', title: 'Annual General Meeting 2026', kind: 'annual_general', chair: f.directors.sian.id });
    const at = '2026-09-30T18:00:00.000Z';
    const person = (memberId: string, name: string, role: string) => ({ id: uuidv7(), meeting_id: gm.id, role, member_id: memberId, name, status: 'present', created_at: at, updated_at: at });
    const proxy = { id: uuidv7(), meeting_id: gm.id, member_id: b.id, proxy_name: 'Joan Clarke', received_at: '2026-09-27T10:00', created_at: at, updated_at: at };
    await insertRecorded(t.core, [
      ['meeting', gm],
      ['attendance', person(a.id, 'Grace Hopper', 'member')],
      ['proxy_appointment', proxy],
      ['attendance', { ...person(b.id, 'Joan Clarke', 'proxy'), member_id: null, proxy_appointment_id: proxy.id }],
      ['decision', decisionRow(f.orgId, gm.id as string, null, '2026-09-30', { kind: 'special', method: 'show_of_hands', text: 'To adopt new articles of association', votes_for: 2, outcome: 'passed' })],
    ]);
    const m = await ok('minutes.draft', { meetingId: gm.id });
    const facts = Object.fromEntries(m.facts.map((x) => [x.heading, x.lines]));
    expect(facts.Present).toEqual(['Grace Hopper, in person', 'Joan Clarke (proxy for Alan Turing), in person']);
    expect(facts.Quorum![0]).toMatch(/^The meeting was quorate: 2 qualifying persons present, 2 needed/);
    expect(facts.Decisions).toEqual(['To adopt new articles of association (special resolution): Passed. For 2, against 0, abstaining 0.']);
  });
});
