import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { goneJobStatus, isJobGone } from './jobs';

describe('a job the core no longer holds', () => {
  it('is recognised from the NOT_FOUND answer of jobs.get, and only from that', () => {
    expect(isJobGone(new ApiError({ code: 'NOT_FOUND', message: 'That job is not known' }))).toBe(true);
    expect(isJobGone(new ApiError({ code: 'OFFLINE', message: 'offline' }))).toBe(false);
    expect(isJobGone(new Error('network'))).toBe(false);
  });

  it('is followed as a failed job with the NOT_FOUND code, so polling stops', () => {
    const s = goneJobStatus<'reports.build'>('a'.repeat(32));
    expect(s.state).toBe('failed');
    expect(s.id).toBe('a'.repeat(32));
    expect(s.error?.code).toBe('NOT_FOUND');
    expect(s.error?.message).toMatch(/no longer holds/);
  });
});
