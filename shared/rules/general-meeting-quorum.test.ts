import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gmQuorum, type QualifyingAttendee } from './general-meeting-quorum';
import { gmQuorumFor } from './quorum';

const two = gmQuorumFor('company_limited_by_guarantee', 40, null);

describe('gmQuorum', () => {
  it('counts two members present as a quorum of two (CA 2006 s318(2))', () => {
    const v = gmQuorum({ quorum: two, attendees: [{ id: 'm1', as: 'member', memberId: 'm1' }, { id: 'm2', as: 'member', memberId: 'm2' }] });
    expect(v).toMatchObject({ quorate: true, counted: 2, required: 2, notCounted: [] });
    expect(v.message).toBe('Quorate: 2 qualifying persons present, 2 needed (CA 2006 s318(2): two qualifying persons unless the articles say otherwise).');
  });

  it('counts two proxies of the same member once (s318(2)(b))', () => {
    const v = gmQuorum({
      quorum: two,
      attendees: [
        { id: 'p1', name: 'K. Brown', as: 'proxy', forMembers: ['m7'] },
        { id: 'p2', name: 'L. Green', as: 'proxy', forMembers: ['m7'] },
      ],
    });
    expect(v).toMatchObject({ quorate: false, counted: 1, notCounted: [{ id: 'p2', name: 'L. Green', reason: 'same_member' }] });
    expect(v.message).toBe(
      'Not quorate: 1 qualifying person present, 2 needed (CA 2006 s318(2): two qualifying persons unless the articles say otherwise); L. Green is a proxy of a member another proxy present already represents, so does not count again (CA 2006 s318(2)(b)).',
    );
  });

  it('counts two representatives of the same corporation once (s318(2)(a))', () => {
    const v = gmQuorum({
      quorum: two,
      attendees: [
        { id: 'r1', name: 'R. One', as: 'corporate_representative', corporationMemberId: 'council' },
        { id: 'r2', name: 'R. Two', as: 'corporate_representative', corporationMemberId: 'council' },
      ],
    });
    expect(v.counted).toBe(1);
    expect(v.message).toMatch(/R\. Two represents a corporation another representative present already represents, so does not count again \(CA 2006 s318\(2\)\(a\)\)\.$/);
  });

  it('counts proxies of different members, and a proxy holding two appointments against one holding one of them, as two', () => {
    expect(gmQuorum({ quorum: two, attendees: [{ id: 'p1', as: 'proxy', forMembers: ['a'] }, { id: 'p2', as: 'proxy', forMembers: ['b'] }] }).counted).toBe(2);
    expect(gmQuorum({ quorum: two, attendees: [{ id: 'p1', as: 'proxy', forMembers: ['a'] }, { id: 'p2', as: 'proxy', forMembers: ['a', 'b'] }] }).counted).toBe(2);
    expect(gmQuorum({ quorum: two, attendees: [{ id: 'p1', as: 'proxy', forMembers: ['a', 'b'] }, { id: 'p2', as: 'proxy', forMembers: ['a', 'b'] }, { id: 'p3', as: 'proxy', forMembers: ['a', 'b'] }] }).counted).toBe(2);
  });

  it('counts one person once, however many capacities they attend in', () => {
    const v = gmQuorum({
      quorum: two,
      attendees: [
        { id: 'jp', name: 'J. Patel', as: 'member', memberId: 'm1' },
        { id: 'jp', name: 'J. Patel', as: 'proxy', forMembers: ['m2', 'm3'] },
      ],
    });
    expect(v).toMatchObject({ quorate: false, counted: 1 });
  });

  it('counts a member and the proxy of another member as two, and a member with their own proxy as two (s318(2) leaves out only pairs of proxies or representatives)', () => {
    expect(gmQuorum({ quorum: two, attendees: [{ id: 'm1', as: 'member', memberId: 'm1' }, { id: 'p', as: 'proxy', forMembers: ['m2'] }] }).counted).toBe(2);
    expect(gmQuorum({ quorum: two, attendees: [{ id: 'm1', as: 'member', memberId: 'm1' }, { id: 'p', as: 'proxy', forMembers: ['m1'] }] }).counted).toBe(2);
  });

  it('leaves out those who have left or are not present, at a moment', () => {
    const attendees: QualifyingAttendee[] = [
      { id: 'm1', as: 'member', memberId: 'm1' },
      { id: 'm2', as: 'member', memberId: 'm2', leftAt: '11:30' },
      { id: 'm3', as: 'member', memberId: 'm3', status: 'apologies' },
      { id: 'm4', as: 'member', memberId: 'm4', status: 'present_electronically', arrivedAt: '11:45' },
    ];
    expect(gmQuorum({ quorum: two, attendees, at: '11:00' }).counted).toBe(2);
    expect(gmQuorum({ quorum: two, attendees, at: '11:35' }).counted).toBe(1);
    expect(gmQuorum({ quorum: two, attendees, at: '11:50' }).counted).toBe(2);
    expect(gmQuorum({ quorum: two, attendees }).counted).toBe(2);
  });

  it('uses one qualifying person for a single-member company (s318(1))', () => {
    const v = gmQuorum({ quorum: gmQuorumFor('eot_company', 1, 3), attendees: [{ id: 'p', as: 'proxy', forMembers: ['trust'] }] });
    expect(v.quorate).toBe(true);
    expect(v.message).toMatch(/^Quorate: 1 qualifying person present, 1 needed \(CA 2006 s318\(1\)/);
  });

  it('cannot decide where a society’s rules set no quorum, and says so', () => {
    const v = gmQuorum({ quorum: gmQuorumFor('community_benefit_society', 200, null), attendees: [{ id: 'm1', as: 'member', memberId: 'm1' }] });
    expect(v).toMatchObject({ quorate: false, required: null, counted: 1 });
    expect(v.message).toBe('1 qualifying person present. The CCBS Act 2014 sets no quorum for a society’s general meetings; enter the quorum your registered rules set.');
  });

  it('refuses a proxy who represents nobody', () => {
    expect(() => gmQuorum({ quorum: two, attendees: [{ id: 'p', name: 'K. Brown', as: 'proxy', forMembers: [] }] })).toThrow('The proxy K. Brown is recorded with no member they represent.');
  });

  it('never counts more than the people present, nor fewer than the members present or the distinct members represented by single-appointment proxies (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 4 })), { maxLength: 15 }), (rows) => {
        const attendees: QualifyingAttendee[] = rows.map(([member, m], i) => (member ? { id: `x${i}`, as: 'member', memberId: `x${i}` } : { id: `x${i}`, as: 'proxy', forMembers: [`m${m}`] }));
        const v = gmQuorum({ quorum: two, attendees });
        const members = rows.filter(([member]) => member).length;
        const represented = new Set(rows.filter(([member]) => !member).map(([, m]) => m)).size;
        expect(v.counted).toBe(members + represented);
        expect(v.counted).toBeLessThanOrEqual(rows.length);
      }),
    );
  });
});
