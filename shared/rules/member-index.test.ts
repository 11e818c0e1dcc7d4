import { describe, expect, it } from 'vitest';
import { memberIndexRule } from './member-index';

describe('memberIndexRule', () => {
  it('requires an index from the 51st member of a company, not at 50', () => {
    expect(memberIndexRule('company', 50, false)).toMatchObject({ required: false, source: 'CA 2006 s115' });
    expect(memberIndexRule('company', 51, false)).toEqual({
      required: true,
      source: 'CA 2006 s115',
      statement:
        "A company with more than 50 members (51) must keep an index of members' names that lets each entry be found readily, update it within 14 days of any change to the register, and keep it where the register is kept (CA 2006 s115).",
    });
  });

  it('needs no separate index where the register is itself an index', () => {
    expect(memberIndexRule('company', 3000, true)).toMatchObject({ required: false, statement: expect.stringMatching(/register is itself in the form of an index.*s115\(1\)/) });
  });

  it('asks a society for no index', () => {
    expect(memberIndexRule('society', 3000, false)).toMatchObject({ required: false, statement: 'The CCBS Act 2014 does not require a society to keep an index of members.' });
  });
});
