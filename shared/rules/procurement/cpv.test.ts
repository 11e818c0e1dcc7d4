import { describe, expect, it } from 'vitest';
import { CPV_DATA_SOURCE, PA2023_BASIS, allCpvEntries, checkCpv, checkServiceCode, lookupCpv, parseCpv, searchCpv } from './cpv';
import { PCR2015_REG_77, PCR2015_SCHEDULE_3, listGroupOf } from './cpv-lists';

describe('the shipped CPV data', () => {
  it('names its source, version and retrieval date, and says the PA 2023 flags are not verified', () => {
    expect(CPV_DATA_SOURCE.vocabulary).toMatch(/CPV 2008.*213\/2008/);
    expect(CPV_DATA_SOURCE.law).toMatch(/SI 2024\/692/);
    expect(CPV_DATA_SOURCE.retrievedOn).toBe('2026-12-01');
    expect(PA2023_BASIS.verified).toBe(false);
  });

  it('holds 423 distinct codes, each eight digits, a hyphen and a check digit, in code order', () => {
    const entries = allCpvEntries();
    expect(entries).toHaveLength(423);
    expect(new Set(entries.map((e) => e.code.slice(0, 8))).size).toBe(423);
    for (const e of entries) {
      expect(e.code).toMatch(/^\d{8}-\d$/);
      expect(e.description.length).toBeGreaterThan(2);
    }
    const codes = entries.map((e) => e.code);
    expect([...codes].sort()).toEqual(codes);
  });

  it('has every code the statutory lists name, with the check digit the law prints', () => {
    for (const list of [PCR2015_SCHEDULE_3, PCR2015_REG_77]) {
      for (const group of list.groups) {
        for (const item of group.items) {
          const named = 'code' in item ? [item.code] : [item.from, item.to];
          for (const code of named) expect(lookupCpv(code)?.code, `${list.id}: ${code}`).toBe(code);
        }
      }
    }
  });

  it('keeps the Regulation’s own wording', () => {
    expect(lookupCpv('85312200-1')?.description).toBe('Homedelivery of provisions');
    expect(lookupCpv('85000000-9')?.description).toBe('Health and social work services');
    expect(lookupCpv('79430000-7')?.description).toBe('Crisis management services');
  });
});

describe('lookupCpv and checkCpv', () => {
  it('accepts a code with or without its check digit, and with stray spaces', () => {
    expect(lookupCpv('85311100-3')).toEqual({
      code: '85311100-3',
      description: 'Welfare services for the elderly',
      lightTouch: true,
      reservable: true,
      pcr2015LightTouch: true,
      reg77: true,
    });
    expect(lookupCpv('85311100')?.code).toBe('85311100-3');
    expect(lookupCpv(' 85311100 - 3 ')?.code).toBe('85311100-3');
  });

  it('refuses a wrong check digit and names the right one', () => {
    expect(checkCpv('85311100-4')).toEqual({
      ok: false,
      reason: 'check_digit',
      message: 'The check digit of 85311100 is 3, not 4: the code is 85311100-3 (Welfare services for the elderly).',
    });
    expect(lookupCpv('85311100-4')).toBeNull();
  });

  it('refuses malformed input with the form a code takes', () => {
    for (const bad of ['', '8531', '853111000', '85311100-', '85311100-33', 'social work', '85311100/3']) {
      const r = checkCpv(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.reason).toBe('malformed');
    }
    const r = parseCpv('8531110');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('“8531110” is not a CPV code: write eight digits, then a hyphen and the check digit, such as 85310000-5. It has 7 digits before any check digit; a CPV code has 8.');
    expect(parseCpv('')).toEqual({ ok: false, message: 'Enter a CPV code, such as 85310000-5.' });
  });

  it('reports a well-formed code outside the shipped lists as unknown, not as wrong', () => {
    const r = checkCpv('90911200-8');
    expect(r).toMatchObject({ ok: false, reason: 'unknown' });
    if (!r.ok) expect(r.message).toBe('90911200-8 is not among the CPV 2008 codes shipped with the app: these are the 423 codes the light touch and reserved-contract lists name (Public Contracts Regulations 2015 Schedule 3 and reg 77). It may still be a valid CPV code.');
  });
});

describe('status by code: single codes and ranges, never by parentage', () => {
  it('a range covers both its ends and everything numerically between', () => {
    expect(lookupCpv('85000000-9')?.reservable).toBe(true);
    expect(lookupCpv('85323000-9')?.reservable).toBe(true);
    expect(lookupCpv('85121252-4')?.reservable).toBe(true);
    expect(lookupCpv('75220000-4')).toMatchObject({ lightTouch: true, reservable: false });
  });

  it('a code listed on its own does not bring its children: reg 77 names 92500000-6 but not 92510000-9', () => {
    expect(lookupCpv('92500000-6')).toMatchObject({ reg77: true, reservable: true });
    expect(lookupCpv('92510000-9')).toMatchObject({ reg77: false, reservable: false, lightTouch: true });
    // 98133000-4 and 98133110-8 are named; 98133100-5 between them is not.
    expect(lookupCpv('98133000-4')?.reg77).toBe(true);
    expect(lookupCpv('98133100-5')).toMatchObject({ reg77: false, pcr2015LightTouch: true });
    expect(lookupCpv('98133110-8')?.reg77).toBe(true);
  });

  it('light touch but not reservable: legal services, education generally, hotels', () => {
    expect(lookupCpv('79100000-5')).toMatchObject({ lightTouch: true, reservable: false });
    expect(lookupCpv('80000000-4')).toMatchObject({ lightTouch: true, reservable: false });
    expect(lookupCpv('80110000-8')).toMatchObject({ lightTouch: true, reservable: true });
    expect(lookupCpv('55100000-1')).toMatchObject({ lightTouch: true, reservable: false });
  });

  it('names the group of the schedule a code falls in', () => {
    expect(listGroupOf(PCR2015_SCHEDULE_3, '75311000')).toBe('Benefit services');
    expect(listGroupOf(PCR2015_SCHEDULE_3, '85312000')).toBe('Health, social and related services');
    expect(listGroupOf(PCR2015_SCHEDULE_3, '90911200')).toBeNull();
  });
});

describe('searchCpv', () => {
  it('finds by code prefix, with or without the hyphen', () => {
    expect(searchCpv('85311', 10).map((e) => e.code)).toEqual(['85311000-2', '85311100-3', '85311200-4', '85311300-5']);
    expect(searchCpv('85312000-9', 10).map((e) => e.code)).toEqual(['85312000-9']);
  });

  it('finds by the start of every word typed, in any order', () => {
    expect(searchCpv('elderly welf', 10).map((e) => e.code)).toEqual(['85311100-3']);
    expect(searchCpv('counsel', 10).map((e) => e.code)).toEqual(['85312300-2', '85312320-8']);
    // "are" is not the start of a word in "Welfare services...": no match inside words.
    expect(searchCpv('fare', 10)).toEqual([]);
  });

  it('keeps to the limit and gives nothing for empty text', () => {
    expect(searchCpv('services', 5)).toHaveLength(5);
    expect(searchCpv('   ', 5)).toEqual([]);
    expect(searchCpv('85', 0)).toEqual([]);
  });
});

describe('checkServiceCode: what a contract may record', () => {
  it('checks a code the lists name in full, and refuses a code inside their ranges that does not exist', () => {
    expect(checkServiceCode('85312000')).toMatchObject({ ok: true, code: '85312000-9', entry: { reservable: true } });
    expect(checkServiceCode('85312000-1')).toMatchObject({ ok: false, reason: 'check_digit' });
    expect(checkServiceCode('85312999-1')).toMatchObject({ ok: false, reason: 'not_a_code' });
  });
  it('keeps any other well-formed code typed with its check digit, as neither light touch nor reservable', () => {
    expect(checkServiceCode('90910000-9')).toEqual({ ok: true, code: '90910000-9', entry: null });
    expect(checkServiceCode('90910000')).toMatchObject({ ok: false, reason: 'check_digit_needed' });
    expect(checkServiceCode('9091')).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
