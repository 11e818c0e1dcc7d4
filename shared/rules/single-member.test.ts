import { describe, expect, it } from 'vitest';
import { singleMemberHistory, singleMemberStatement } from './single-member';

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

describe('singleMemberHistory', () => {
  const e = (id: string, admittedOn: string, ceasedOn: string | null = null) => ({ id, admittedOn, ceasedOn });

  it('finds each day a company’s membership fell to one or rose from one, with whose entry it goes', () => {
    // A council and an EOT trustee; the council leaves, so the trustee is the sole member; then staff join.
    const history = singleMemberHistory('eot_company', '2019-06-01', [e('council', '2019-06-01', '2024-03-31'), e('trustee', '2019-06-01'), e('staff', '2026-02-01')]);
    expect(history).toEqual([
      { statement: 'The company has only one member. It became a company with only one member on 31 March 2024.', date: '2024-03-31', against: 'sole member', source: 'CA 2006 s123(2)', on: '2024-03-31', soleOn: '2024-03-31', entryId: 'trustee' },
      {
        statement: 'The company has ceased to have only one member. It ceased to have only one member on 1 February 2026.',
        date: '2026-02-01',
        against: 'former sole member',
        source: 'CA 2006 s123(3)',
        on: '2026-02-01',
        soleOn: '2026-01-31',
        entryId: 'trustee',
      },
    ]);
  });

  it('uses s123(1) for a company formed with one member, and nothing for societies', () => {
    expect(singleMemberHistory('company_limited_by_guarantee', '2020-01-01', [e('a', '2020-01-01')]).map((s) => s.source)).toEqual(['CA 2006 s123(1)']);
    expect(singleMemberHistory('company_limited_by_guarantee', '2020-01-01', [e('a', '2021-05-01')]).map((s) => s.source)).toEqual(['CA 2006 s123(2)']);
    expect(singleMemberHistory('cooperative_society', '2020-01-01', [e('a', '2020-01-01')])).toEqual([]);
  });

  it('still says the company ceased to have only one member when it rises to several after a time with none recorded', () => {
    // The sole member left in 2014 and nobody was entered until three members joined in 2020: the
    // register's s123 statement must not go on saying the company has only one member.
    const history = singleMemberHistory('company_limited_by_guarantee', '2008-04-01', [e('olive', '2010-01-04', '2014-03-31'), e('a', '2020-05-01'), e('b', '2020-05-01'), e('c', '2020-05-01')]);
    expect(history.map((s) => [s.source, s.date, s.entryId])).toEqual([
      ['CA 2006 s123(2)', '2010-01-04', 'olive'],
      ['CA 2006 s123(3)', '2020-05-01', 'olive'],
    ]);
  });

  it('ignores days on which the number did not change, and a same-day swap of the sole member', () => {
    expect(singleMemberHistory('eot_company', '2020-01-01', [e('a', '2020-01-01', '2022-01-01'), e('b', '2022-01-01')]).map((s) => s.entryId)).toEqual(['a']);
    // …and the rise from one is then stated against the member who was sole at the time.
    const later = singleMemberHistory('eot_company', '2020-01-01', [e('a', '2020-01-01', '2022-01-01'), e('b', '2022-01-01'), e('c', '2023-01-01')]);
    expect(later.map((s) => [s.source, s.entryId])).toEqual([
      ['CA 2006 s123(1)', 'a'],
      ['CA 2006 s123(3)', 'b'],
    ]);
  });
});
