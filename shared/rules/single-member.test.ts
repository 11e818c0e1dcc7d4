import { describe, expect, it } from 'vitest';
import { singleMemberStatement } from './single-member';

const company = 'company_limited_by_guarantee' as const;

describe('singleMemberStatement', () => {
  it('records that a company formed with one member has only one member (s123(1))', () => {
    expect(singleMemberStatement({ legalForm: company, membersBefore: 0, membersAfter: 1, on: '2026-01-05' })).toEqual({
      statement: 'The company has only one member.',
      date: null,
      against: 'sole member',
      source: 'CA 2006 s123(1)',
    });
  });

  it('records the date the membership fell to one (s123(2))', () => {
    expect(singleMemberStatement({ legalForm: 'eot_company', membersBefore: 2, membersAfter: 1, on: '2026-05-01' })).toEqual({
      statement: 'The company has only one member. It became a company with only one member on 1 May 2026.',
      date: '2026-05-01',
      against: 'sole member',
      source: 'CA 2006 s123(2)',
    });
    expect(singleMemberStatement({ legalForm: 'eot_company', membersBefore: 40, membersAfter: 1, on: '2026-05-01' })?.source).toBe('CA 2006 s123(2)');
  });

  it('records the date it rose from one again, against the former sole member (s123(3))', () => {
    expect(singleMemberStatement({ legalForm: 'cic_limited_by_shares', membersBefore: 1, membersAfter: 3, on: '2026-06-30' })).toEqual({
      statement: 'The company has ceased to have only one member. It ceased to have only one member on 30 June 2026.',
      date: '2026-06-30',
      against: 'former sole member',
      source: 'CA 2006 s123(3)',
    });
  });

  it('asks for nothing otherwise, and nothing of a society', () => {
    expect(singleMemberStatement({ legalForm: company, membersBefore: 2, membersAfter: 3, on: '2026-06-30' })).toBeNull();
    expect(singleMemberStatement({ legalForm: company, membersBefore: 3, membersAfter: 2, on: '2026-06-30' })).toBeNull();
    expect(singleMemberStatement({ legalForm: company, membersBefore: 1, membersAfter: 1, on: '2026-06-30' })).toBeNull();
    expect(singleMemberStatement({ legalForm: 'cooperative_society', membersBefore: 2, membersAfter: 1, on: '2026-06-30' })).toBeNull();
  });
});
