import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/result';
import { call, onOrganisationSwitched, shownOrganisationId } from './client';

/** The desktop bridge, answering from a script and recording the organisation each call was made for. */
const sent: { method: string; organisationId: string | undefined }[] = [];
let answer: (method: string) => Result<unknown> = () => ({ ok: true, value: {} });
const g = globalThis as unknown as { window?: unknown };
const before = g.window;
g.window = {
  bridge: {
    invoke: (method: string, _input: unknown, organisationId?: string) => {
      sent.push({ method, organisationId });
      return Promise.resolve(answer(method));
    },
  },
};
afterAll(() => {
  g.window = before;
});

const status = (id: string, name: string): Result<unknown> => ({ ok: true, value: { organisationId: id, organisationName: name } });

describe('the organisation a window shows', () => {
  it('is sent with every call, and a switch made by another window is noticed once and forgotten for the reload', async () => {
    const heard: string[] = [];
    const stop = onOrganisationSwitched((m) => heard.push(m));
    answer = () => status('org-a', 'Riverside Care Mutual');
    await call('app.status', {});
    expect(shownOrganisationId()).toBe('org-a');
    answer = () => ({ ok: true, value: { id: 'x' } });
    await call('organisation.get', {});
    expect(sent.at(-1)).toEqual({ method: 'organisation.get', organisationId: 'org-a' });

    // The host refuses calls for A after another tab switched to B: heard once, however many were refused.
    answer = () => ({ ok: false, error: { code: 'CONFLICT', reason: 'organisation_switched', message: 'Another window switched this file to B Ltd. Reload to see B Ltd’s records.' } });
    await call('organisation.get', {});
    await call('members.list', {} as never);
    expect(heard).toEqual(['Another window switched this file to B Ltd. Reload to see B Ltd’s records.']);
    expect(shownOrganisationId()).toBeNull();

    // The reload's status learns B; a later status naming another organisation is itself a switch noticed.
    answer = () => status('org-b', 'B Ltd');
    await call('app.status', {});
    expect(shownOrganisationId()).toBe('org-b');
    answer = () => status('org-c', 'C Ltd');
    await call('app.status', {});
    expect(heard.at(-1)).toBe('Another window switched this file to C Ltd. Reload to see C Ltd’s records.');

    // This window's own switch is not another window's: it becomes the one shown.
    answer = () => status('org-c', 'C Ltd');
    await call('app.status', {});
    answer = () => ({ ok: true, value: { id: 'org-a', name: 'Riverside Care Mutual' } });
    await call('group.switch', { organisationId: 'org-a' } as never);
    expect(shownOrganisationId()).toBe('org-a');
    expect(heard).toHaveLength(2);
    stop();
  });
});
