import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { startupErrorMessage } from './startup-error';

describe('startupErrorMessage', () => {
  it('passes on a message the core wrote for the secretary', () => {
    const e = new AppError('CONFLICT', 'The database /d/m.sqlite is already open in the command line (process 42). Close it there, then try again.');
    expect(startupErrorMessage(e, '/d/m.sqlite')).toBe(e.message);
  });

  it('names the file and gives only the first line of anything else', () => {
    const e = new Error('unable to open database file\n    at Database (/app/node_modules/better-sqlite3/lib/database.js:69:11)');
    const message = startupErrorMessage(e, '/d/m.sqlite');
    expect(message).toBe('Mutual Governance could not open the database /d/m.sqlite. unable to open database file.');
    expect(message).not.toMatch(/\bat\b.*:\d+:\d+/);
    expect(message).not.toContain('\n');
  });

  it('never shows a stack even when the stack is all there is', () => {
    const e = new Error('');
    expect(startupErrorMessage(e, null)).toBe('Mutual Governance could not open its database.');
    expect(startupErrorMessage({ stack: 'Error\n    at x (y.js:1:1)' }, null)).toBe('Mutual Governance could not open its database.');
  });

  it('shortens a very long cause', () => {
    const message = startupErrorMessage(new Error('x'.repeat(1000)), null);
    expect(message.length).toBeLessThan(400);
    expect(message).toContain('…');
  });

  it('accepts a thrown string', () => {
    expect(startupErrorMessage('disk full', '/d/m.sqlite')).toBe('Mutual Governance could not open the database /d/m.sqlite. disk full.');
  });
});
