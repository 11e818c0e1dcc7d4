import { describe, expect, it } from 'vitest';
import { inspectionRegime, SOCIETY_REQUEST_LOG_REFUSAL } from './inspection';

describe('inspection of the register by legal form', () => {
  it('gives companies the s116-s117 request log and deadline', () => {
    expect(inspectionRegime('company')).toMatchObject({ requestLog: true, source: 'CA 2006 s116-s117 and s120' });
    expect(inspectionRegime('company').explanation).toContain('five working days');
  });

  it('gives societies s103: reasonable hours, no purpose, no deadline, and the e-mail addresses shown', () => {
    const s = inspectionRegime('society');
    expect(s).toMatchObject({ requestLog: false, source: 'CCBS Act 2014 s103' });
    expect(s.explanation).toMatch(/reasonable hours/);
    expect(s.explanation).toMatch(/need not give a purpose/);
    expect(s.explanation).toMatch(/e-mail addresses/);
    expect(SOCIETY_REQUEST_LOG_REFUSAL).toContain('s103');
  });
});
