import { describe, expect, it } from 'vitest';
import { saveStateText } from './saved-at';

describe('saveStateText', () => {
  it('gives the time saved on the UK clock, in British Summer Time and in winter', () => {
    expect(saveStateText({ kind: 'saved', at: new Date('2026-11-30T19:42:10Z') })).toBe('Saved at 19:42');
    expect(saveStateText({ kind: 'saved', at: new Date('2026-07-01T18:42:10Z') })).toBe('Saved at 19:42');
  });
  it('says when changes are waiting or could not be saved', () => {
    expect(saveStateText({ kind: 'pending' })).toBe('Changes not yet saved');
    expect(saveStateText({ kind: 'failed', message: 'The minutes are signed.' })).toBe('Not saved: The minutes are signed.');
  });
});
