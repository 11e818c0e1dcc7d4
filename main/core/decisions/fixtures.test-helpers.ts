import { expect } from 'vitest';
import type { MeetingView } from '../../../shared/contract/meetings';
import type { Officer } from '../../../shared/contract/officers';
import type { Result } from '../../../shared/result';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';

/**
 * Set-up shared by the decisions, actions and written-resolutions tests: an organisation on a
 * fixed clock (30 November 2026), directors, meetings with items and attendance, all through the
 * real core, and helpers that check each mutation writes exactly one audit event.
 */
export const NOW = new Date('2026-11-30T12:00:00Z');

export async function open(
  cleanups: (() => Promise<void>)[],
  rules: Record<string, unknown> = {},
  particulars: Record<string, unknown> = {},
  now: Date = NOW,
): Promise<TestCore> {
  const t = await openTestCore({ now: () => now });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core, { particulars: particulars as never, rules: rules as never });
  return t;
}

export async function director(t: TestCore, givenNames: string, familyName: string, appointedOn = '2024-04-01'): Promise<Officer> {
  return expectOk(
    await t.core.dispatch('officers.add', {
      particulars: {
        givenNames,
        familyName,
        serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' },
        dateOfBirth: '1980-01-01',
        nationality: 'British',
        occupation: 'Nurse',
        countryOfResidence: 'England',
      },
      residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
      appointment: { role: 'director', directorKind: 'employee', appointedOn },
    }),
  ) as Officer;
}

export async function declare(t: TestCore, officerId: string, relatedOrganisation: string, declaredOn = '2025-01-01') {
  expectOk(await t.core.dispatch('interests.declare', { officerId, category: 'employment', nature: `Employed by ${relatedOrganisation}`, relatedOrganisation, declaredOn }));
}

export const events = (t: TestCore) => Number(t.core.raw.prepare('select count(*) from audit_event').pluck().get());

export function refused(result: Result<unknown>, code: string, field?: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  if (field) {
    expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
    return result.error.fieldErrors![field]!;
  }
  return result.error.message;
}

/** Dispatches a mutation, checks it succeeded with exactly one audit event, and returns its value. */
export async function once<T>(t: TestCore, method: string, input: unknown): Promise<T> {
  const before = events(t);
  const v = expectOk(await t.core.dispatch(method, input)) as T;
  expect(events(t) - before).toBe(1);
  return v;
}

/** Dispatches and checks nothing was recorded when it was refused. */
export async function attempt(t: TestCore, method: string, input: unknown): Promise<Result<unknown>> {
  const before = events(t);
  const r = await t.core.dispatch(method, input);
  if (!r.ok) expect(events(t)).toBe(before);
  return r;
}

export const ok = async <T = MeetingView>(t: TestCore, method: string, input: unknown) => expectOk(await t.core.dispatch(method, input)) as T;

/**
 * A board meeting on `heldOn` chaired by `chair`, with one item for decision (tagged with an
 * organisation when given), and the directors present.
 */
export async function boardMeeting(
  t: TestCore,
  o: { heldOn?: string; chair?: string; present: string[]; relatedOrganisation?: string; kind?: 'board' | 'committee'; committeeId?: string },
): Promise<{ meetingId: string; itemId: string; view: MeetingView }> {
  let v = await ok(t, 'meetings.create', {
    kind: o.kind ?? 'board',
    ...(o.committeeId ? { committeeId: o.committeeId } : {}),
    heldOn: o.heldOn ?? '2026-11-10',
    startsAt: '18:30',
    place: 'Civic Hall, Leeds',
    ...(o.chair ? { chairOfficerId: o.chair } : {}),
    standardItems: false,
  });
  const meetingId = v.meeting.id;
  v = await ok(t, 'meetings.addItem', { meetingId, title: 'Renewal of the contract', purpose: 'decision', ...(o.relatedOrganisation ? { relatedOrganisation: o.relatedOrganisation } : {}) });
  for (const officerId of o.present) v = await ok(t, 'meetings.setAttendance', { meetingId, officerId, status: 'present' });
  return { meetingId, itemId: v.items.at(-1)!.id, view: v };
}
