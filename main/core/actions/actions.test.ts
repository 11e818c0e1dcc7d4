import { afterEach, describe, expect, it } from 'vitest';
import type { Action } from '../../../shared/contract/actions';
import type { VerifyReport } from '../../../shared/contract/audit';
import { runJob, type TestCore } from '../testing';
import { attempt, boardMeeting, director, ok, once, open, refused } from '../decisions/fixtures.test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const list = (t: TestCore, input: Record<string, unknown>) => ok<Action[]>(t, 'actions.list', input);

describe('the action tracker', () => {
  it('records an action owned by a director (name from the register) or a named person, with a due date not before the meeting', async () => {
    const t = await open(cleanups);
    const khan = await director(t, 'Amir', 'Khan');
    const { meetingId, itemId } = await boardMeeting(t, { heldOn: '2026-11-10', chair: khan.id, present: [khan.id] });
    const a = await once<Action>(t, 'actions.create', { meetingId, agendaItemId: itemId, description: 'Write to the council about the price review', ownerOfficerId: khan.id, dueOn: '2026-12-15' });
    expect(a).toMatchObject({ meetingId, itemNumber: '1', ownerOfficerId: khan.id, ownerName: 'Amir Khan', dueOn: '2026-12-15', status: 'open', overdue: false, meetingHeldOn: '2026-11-10' });
    const b = await once<Action>(t, 'actions.create', { meetingId, description: 'Send the revised budget', ownerName: 'Finance manager' });
    expect(b).toMatchObject({ ownerOfficerId: null, ownerName: 'Finance manager', dueOn: null, itemNumber: null });
    expect(refused(await attempt(t, 'actions.create', { meetingId, description: 'x', ownerName: 'A', dueOn: '2026-11-09' }), 'VALIDATION', 'dueOn')).toBe(
      'An action agreed at the Board meeting on 10 November 2026 cannot be due before that meeting; 9 November 2026 was given.',
    );
    expect(refused(await attempt(t, 'actions.create', { meetingId, description: 'x' }), 'VALIDATION', 'ownerName')).toMatch(/^Say who will do it/);
    const moved = await once<Action>(t, 'actions.update', { id: a.id, description: 'Write to the council', ownerName: 'Finance manager', dueOn: '2026-12-20' });
    expect(moved).toMatchObject({ ownerOfficerId: null, ownerName: 'Finance manager', dueOn: '2026-12-20' });
    // No change, no event.
    const before = Number(t.core.raw.prepare('select count(*) from audit_event').pluck().get());
    await ok(t, 'actions.update', { id: a.id, description: 'Write to the council', ownerName: 'Finance manager', dueOn: '2026-12-20' });
    expect(Number(t.core.raw.prepare('select count(*) from audit_event').pluck().get())).toBe(before);
  });

  it('flags actions overdue by the core’s clock (due before today, 30 November 2026), closes them with a note and reopens them', async () => {
    const t = await open(cleanups);
    const khan = await director(t, 'Amir', 'Khan');
    const { meetingId } = await boardMeeting(t, { heldOn: '2026-10-01', chair: khan.id, present: [khan.id] });
    const late = await once<Action>(t, 'actions.create', { meetingId, description: 'Renew the insurance', ownerName: 'Office manager', dueOn: '2026-11-29' });
    const today = await once<Action>(t, 'actions.create', { meetingId, description: 'Book the AGM venue', ownerName: 'Office manager', dueOn: '2026-11-30' });
    expect(late.overdue).toBe(true);
    expect(today.overdue).toBe(false);
    expect((await list(t, { status: 'overdue' })).map((a) => a.description)).toEqual(['Renew the insurance']);

    expect(refused(await attempt(t, 'actions.close', { id: late.id, status: 'dropped' }), 'VALIDATION', 'note')).toMatch(/Say why the action was dropped/);
    expect(refused(await attempt(t, 'actions.close', { id: late.id, status: 'done', closedOn: '2026-12-01' }), 'VALIDATION', 'closedOn')).toMatch(/cannot be in the future/);
    const done = await once<Action>(t, 'actions.close', { id: late.id, status: 'done', note: 'Renewed with the same insurer' });
    expect(done).toMatchObject({ status: 'done', closedOn: '2026-11-30', closedNote: 'Renewed with the same insurer', overdue: false });
    expect(refused(await attempt(t, 'actions.close', { id: late.id, status: 'dropped', note: 'x' }), 'CONFLICT')).toMatch(/already marked done on 30 November 2026; reopen it first/);
    expect(await list(t, { status: 'overdue' })).toEqual([]);
    expect((await list(t, { status: 'closed' })).map((a) => a.id)).toEqual([late.id]);

    const reopened = await once<Action>(t, 'actions.close', { id: late.id, status: 'open' });
    expect(reopened).toMatchObject({ status: 'open', closedOn: null, closedNote: null, overdue: true });
    const events = t.core.raw.prepare("select action from audit_event where entity_type = 'action_item' order by seq").pluck().all();
    expect(events).toEqual(['action.created', 'action.created', 'action.closed', 'action.reopened']);
    expect((await list(t, { status: 'all', search: 'INSURANCE' })).map((a) => a.id)).toEqual([late.id]);
    expect((await list(t, { status: 'all', search: 'office manager' })).length).toBe(2);
    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
  });

  it('carries open actions of earlier meetings of the same body to the next meeting’s matters arising', async () => {
    const t = await open(cleanups);
    const khan = await director(t, 'Amir', 'Khan');
    const sept = await boardMeeting(t, { heldOn: '2026-09-01', chair: khan.id, present: [khan.id] });
    const oct = await boardMeeting(t, { heldOn: '2026-10-01', chair: khan.id, present: [khan.id] });
    const dec = await boardMeeting(t, { heldOn: '2026-12-01', chair: khan.id, present: [] });
    const committee = await ok<{ id: string }>(t, 'committees.create', { name: 'Audit committee', formedOn: '2025-01-01', officerIds: [khan.id] });

    const a1 = await once<Action>(t, 'actions.create', { meetingId: sept.meetingId, description: 'September: open', ownerName: 'A' });
    const a2 = await once<Action>(t, 'actions.create', { meetingId: sept.meetingId, description: 'September: done before October', ownerName: 'A' });
    await once(t, 'actions.close', { id: a2.id, status: 'done', closedOn: '2026-09-20' });
    const a3 = await once<Action>(t, 'actions.create', { meetingId: oct.meetingId, description: 'October: done since', ownerName: 'A' });
    await once(t, 'actions.close', { id: a3.id, status: 'done', closedOn: '2026-11-15' });
    await once<Action>(t, 'actions.create', { meetingId: dec.meetingId, description: 'December: its own', ownerName: 'A' });

    const carried = async (meetingId: string, status = 'open') => (await list(t, { carriedTo: meetingId, status })).map((a) => a.description);
    expect(await carried(dec.meetingId)).toEqual(['September: open']);
    // October's matters arising reviewed what was open on its date, including one done since.
    expect(await carried(oct.meetingId, 'all')).toEqual(['September: open']);
    // Done before December's meeting, so not carried to it.
    expect(await carried(dec.meetingId, 'all')).toEqual(['September: open']);
    expect(await carried(oct.meetingId, 'closed')).toEqual([]);
    expect(await carried(sept.meetingId, 'all')).toEqual([]);
    expect((await list(t, { meetingId: sept.meetingId, status: 'all' })).map((a) => a.id).sort()).toEqual([a1.id, a2.id].sort());

    // A committee's meetings are another body: the board's actions are not carried to them.
    const cm = await boardMeeting(t, { kind: 'committee', committeeId: committee.id, heldOn: '2026-11-20', present: [] });
    expect(await carried(cm.meetingId, 'all')).toEqual([]);
    const cm2 = await boardMeeting(t, { kind: 'committee', committeeId: committee.id, heldOn: '2026-11-25', present: [] });
    const own = await once<Action>(t, 'actions.create', { meetingId: cm.meetingId, description: 'Committee: open', ownerName: 'A' });
    expect(await carried(cm2.meetingId)).toEqual([own.description]);
  });
});
