import { RULE_KEYS } from '../../../shared/rules/governing-rules';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEventDetail } from '../../../shared/contract/audit';
import { rulesSchema as rulesInput, type Organisation, type RuleChange, type RulesView } from '../../../shared/contract/organisation';
import { LEGAL_FORMS, LEGAL_FORM_INFO } from '../../../shared/domain/legal-form';
import { defaultRuleValues } from '../../../shared/rules/governing-rules';
import { CLAUSE_MAX, NO_CLAUSES } from '../../../shared/rules/governing-clauses';
import { stateHash } from '../audit/state';
import { expectOk, openTestCore, setUpOrganisation, validSetUpInput, type TestCore } from '../testing';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function core(now?: string): Promise<TestCore> {
  const t = await openTestCore(now ? { now: () => new Date(now) } : {});
  cleanups.push(() => t.cleanup());
  return t;
}
function eventCount(t: TestCore): number {
  return Number(t.core.raw.prepare('select count(*) from audit_event').pluck().get());
}
async function lastEvent(t: TestCore): Promise<AuditEventDetail> {
  return expectOk(await t.core.dispatch('audit.get', { seq: eventCount(t) })) as AuditEventDetail;
}

const companyRules = defaultRuleValues('company_limited_by_guarantee');

describe('organisation.setUp', () => {
  it('records the organisation with normalised particulars, its rules and one audit event', async () => {
    const t = await core();
    const input = validSetUpInput({
      particulars: { registrationNumber: ' 1234567 ', registeredOffice: { line1: '1 High Street', town: 'Leeds', postcode: 'ls11aa', country: 'england' } },
    });
    const org = expectOk(await t.core.dispatch('organisation.setUp', input)) as Organisation;

    expect(org).toMatchObject({ name: 'Riverside Care Mutual', registrationNumber: '01234567', legalForm: 'company_limited_by_guarantee' });
    expect(org.registeredOffice.postcode).toBe('LS1 1AA');
    expect(expectOk(await t.core.dispatch('organisation.get', {}))).toEqual(org);
    expect(expectOk(await t.core.dispatch('app.status', {}))).toMatchObject({ organisationName: 'Riverside Care Mutual', busy: null });
    const rules = expectOk(await t.core.dispatch('rules.get', {})) as RulesView;
    expect(rules.values).toEqual({ ...companyRules, ...NO_CLAUSES });
    expect(rules.sources.gmNoticeClearDays).toMatch(/CA 2006 s307/);
    const event = await lastEvent(t);
    expect(event).toMatchObject({ seq: 1, action: 'organisation.set_up', entityId: org.id, actor: 'test secretary' });
    expect(event.payload).toEqual({ before: null, after: { organisation: org, rules: companyRules } });
  });

  it('refuses a second set-up with CONFLICT and keeps the first', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    const again = await t.core.dispatch('organisation.setUp', validSetUpInput({ particulars: { name: 'Another Mutual' } }));
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!again.ok && again.error.message).toMatch(/already keeps the records of Riverside Care Mutual/);
    expect(t.core.raw.prepare('select count(*) from organisation').pluck().get()).toBe(1);
    expect(eventCount(t)).toBe(1);
  });

  for (const form of LEGAL_FORMS) {
    const company = LEGAL_FORM_INFO[form].registrar === 'Companies House';
    const bad = company ? '31247R' : '01234567';
    it(`refuses ${bad} as the registration number of a ${LEGAL_FORM_INFO[form].label.toLowerCase()}`, async () => {
      const t = await core();
      const result = await t.core.dispatch('organisation.setUp', validSetUpInput({ particulars: { legalForm: form, registrationNumber: bad } }));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('VALIDATION');
      expect(Object.keys(result.error.fieldErrors ?? {})).toEqual(['particulars.registrationNumber']);
      expect(result.error.fieldErrors!['particulars.registrationNumber']).toMatch(company ? /Companies House/ : /FCA Mutuals Public Register/);
      expect(eventCount(t)).toBe(0);
    });
  }

  it('refuses an incorporation date after today on the field, by the clock it is given', async () => {
    const t = await core('2026-11-28T10:00:00Z');
    const future = await t.core.dispatch('organisation.setUp', validSetUpInput({ particulars: { incorporatedOn: '2026-11-29' } }));
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!future.ok && future.error.fieldErrors?.['particulars.incorporatedOn']).toMatch(/cannot be after today \(28 November 2026\)/);
    expect(eventCount(t)).toBe(0);
    expectOk(await t.core.dispatch('organisation.setUp', validSetUpInput({ particulars: { incorporatedOn: '2026-11-28' } })));
  });

  it('judges "today" by the UK calendar, so just before midnight UTC in summer it is already tomorrow', async () => {
    const t = await core('2026-06-30T23:30:00Z');
    expectOk(await t.core.dispatch('organisation.setUp', validSetUpInput({ particulars: { incorporatedOn: '2026-07-01' } })));
  });

  it('refuses less than 14 days’ notice for a company, citing CA 2006 s307', async () => {
    const t = await core();
    const result = await t.core.dispatch('organisation.setUp', validSetUpInput({ rules: { gmNoticeClearDays: 13 } }));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!result.ok && result.error.fieldErrors?.['rules.gmNoticeClearDays']).toMatch(/CA 2006 s307.*13 given/);
  });

  it('accepts 7 days’ notice for a society, whose registered rules set the period', async () => {
    const t = await core();
    await setUpOrganisation(t.core, { particulars: { legalForm: 'community_benefit_society', registrationNumber: '31247R' }, rules: { gmNoticeClearDays: 7 } });
    expect((expectOk(await t.core.dispatch('rules.get', {})) as RulesView).values.gmNoticeClearDays).toBe(7);
  });

  it('refuses a society whose registered office is in Northern Ireland, naming the 1969 Act that governs it', async () => {
    const t = await core();
    const ni = { line1: '1 Donegall Square', town: 'Belfast', postcode: 'BT1 5GS', country: 'northern_ireland' as const };
    const result = await t.core.dispatch('organisation.setUp', validSetUpInput({ particulars: { legalForm: 'cooperative_society', registrationNumber: '31247R', registeredOffice: ni } }));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!result.ok && result.error.fieldErrors?.['particulars.registeredOffice.country']).toBe(
      'A co-operative society whose registered office is in Northern Ireland is registered under the Co-operative and Community Benefit Societies Act (Northern Ireland) 1969, not the Co-operative and Community Benefit Societies Act 2014, which covers societies with their registered office in Great Britain or the Channel Islands (CCBS Act 2014 s2(2)(d)). This app keeps registers under the 2014 Act only.',
    );
    expect(eventCount(t)).toBe(0);
    // A company in Northern Ireland is under the Companies Act 2006, which covers the whole UK.
    expectOk(await t.core.dispatch('organisation.setUp', validSetUpInput({ particulars: { registrationNumber: 'NI123456', registeredOffice: ni } })));
  });

  it('refuses moving a society’s registered office to Northern Ireland in Settings, on the country field', async () => {
    const t = await core();
    await setUpOrganisation(t.core, { particulars: { legalForm: 'community_benefit_society', registrationNumber: '31247R' } });
    const org = expectOk(await t.core.dispatch('organisation.get', {})) as Organisation;
    const { id: _id, createdAt: _c, updatedAt: _u, ...particulars } = org;
    const moved = await t.core.dispatch('organisation.update', {
      ...particulars,
      registeredOffice: { line1: '1 Donegall Square', town: 'Belfast', postcode: 'BT1 5GS', country: 'northern_ireland' },
    });
    expect(!moved.ok && moved.error.fieldErrors?.['registeredOffice.country']).toMatch(/^A community benefit society whose registered office is in Northern Ireland .*1969/);
    expect(eventCount(t)).toBe(1);
  });

  it('refuses a Scottish company number with an office in England, citing CA 2006 s9', async () => {
    const t = await core();
    const result = await t.core.dispatch('organisation.setUp', validSetUpInput({ particulars: { registrationNumber: 'SC123456' } }));
    expect(!result.ok && result.error.fieldErrors?.['particulars.registeredOffice.country']).toMatch(/Scotland.*CA 2006 s9/);
  });
});

describe('rules.update', () => {
  it('refuses less than 14 days’ notice for a company on the field, citing CA 2006 s307', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    const result = await t.core.dispatch('rules.update', { ...companyRules, gmNoticeClearDays: 10 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!result.ok && result.error.fieldErrors?.['gmNoticeClearDays']).toMatch(/CA 2006 s307\(1\).*10 given/);
    expect(eventCount(t)).toBe(1);
  });

  it('writes one audit event holding only the rules that changed', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    const view = expectOk(await t.core.dispatch('rules.update', { ...companyRules, gmQuorum: 5, chairCastingVote: false })) as RulesView;
    expect(view.values).toEqual({ ...companyRules, ...NO_CLAUSES, gmQuorum: 5, chairCastingVote: false });
    expect(eventCount(t)).toBe(2);
    const event = await lastEvent(t);
    expect(event.action).toBe('rules.updated');
    expect(event.payload).toEqual({ before: { gmQuorum: 2, chairCastingVote: true }, after: { gmQuorum: 5, chairCastingVote: false } });
    expect(event.summary).toMatch(/General meeting quorum \(members\) 2 → 5/);
    expect(event.summary).toMatch(/casting vote at board meetings yes → no/);
  });

  it('writes no event when nothing changed', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    expectOk(await t.core.dispatch('rules.update', companyRules));
    expect(eventCount(t)).toBe(1);
  });

  it('keeps a fractional special resolution threshold exactly', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    const view = expectOk(await t.core.dispatch('rules.update', { ...companyRules, specialResolutionPct: 75.55 })) as RulesView;
    expect(view.values.specialResolutionPct).toBe(75.55);
  });

  it('accepts every threshold with two decimal places, such as 64.1 and 80.01, and refuses a third', async () => {
    const t = await core();
    await setUpOrganisation(t.core, { particulars: { legalForm: 'community_benefit_society', registrationNumber: '31247R' } });
    const rules = defaultRuleValues('community_benefit_society');
    for (let hundredths = 5001; hundredths <= 10000; hundredths += 1) {
      const pct = Number((hundredths / 100).toFixed(2));
      const parsed = rulesInput.safeParse({ ...rules, specialResolutionPct: pct });
      if (!parsed.success) throw new Error(`${pct}% was refused: ${parsed.error.issues[0]?.message}`);
    }
    for (const pct of [64.1, 80.01]) {
      const view = expectOk(await t.core.dispatch('rules.update', { ...rules, specialResolutionPct: pct })) as RulesView;
      expect(view.values.specialResolutionPct).toBe(pct);
    }
    const third = await t.core.dispatch('rules.update', { ...rules, specialResolutionPct: 66.667 });
    expect(!third.ok && third.error.fieldErrors?.['specialResolutionPct']).toMatch(/two decimal places/);
  });

  it('refuses changes before the organisation is set up', async () => {
    const t = await core();
    expect(await t.core.dispatch('rules.update', companyRules)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('rules.history', () => {
  it('lists every change newest first, starting from the values at set-up', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    expectOk(await t.core.dispatch('rules.update', { ...companyRules, gmQuorum: 3 }));
    expectOk(await t.core.dispatch('rules.update', { ...companyRules, gmQuorum: 4, boardQuorum: 3 }));
    const history = expectOk(await t.core.dispatch('rules.history', {})) as RuleChange[];

    expect(history.slice(0, 3).map(({ seq, rule, from, to }) => ({ seq, rule, from, to }))).toEqual([
      { seq: 3, rule: 'gmQuorum', from: 3, to: 4 },
      { seq: 3, rule: 'boardQuorum', from: 2, to: 3 },
      { seq: 2, rule: 'gmQuorum', from: 2, to: 3 },
    ]);
    const seqs = history.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const setUp = history.filter((c) => c.seq === 1);
    expect(setUp).toHaveLength(RULE_KEYS.length);
    expect(setUp.every((c) => c.from === null)).toBe(true);
  });
});

describe('rules.update: the clauses quoted for s33 (Procurement Act 2023 s33(6))', () => {
  const clauses = {
    objectsPublicServices: true,
    objectsClause: 'Article 4 (Objects): to deliver community health and social care services\nin Leeds and the surrounding area.',
    profitBasis: 'not_for_profit' as const,
    profitClause: 'Article 5 (Asset lock): the Company shall not distribute any profit to its members.',
    employeeControlClause: 'Article 12: a majority of the directors shall be employees elected by the employee members.',
  };

  it('records them with their words, in one audit event, and lists them in the history', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    const view = expectOk(await t.core.dispatch('rules.update', { ...companyRules, ...clauses })) as RulesView;
    expect(view.values).toMatchObject(clauses);
    expect((expectOk(await t.core.dispatch('rules.get', {})) as RulesView).values).toMatchObject(clauses);
    const event = await lastEvent(t);
    expect(event.action).toBe('rules.updated');
    expect(event.payload).toEqual({ before: NO_CLAUSES, after: clauses });
    expect(event.summary).toContain('The objects include delivering public services not recorded → yes');
    expect(event.summary).toContain('How profits are dealt with not recorded → not for profit');
    expect(event.summary).toContain('Objects clause not recorded → “Article 4 (Objects): to deliver community health and social…”');
    const history = expectOk(await t.core.dispatch('rules.history', {})) as RuleChange[];
    const latest = history.filter((c) => c.seq === event.seq);
    expect(latest.map((c) => [c.rule, c.from, c.to, c.setUp])).toEqual([
      ['objectsPublicServices', null, true, false],
      ['objectsClause', null, clauses.objectsClause, false],
      ['profitBasis', null, 'not_for_profit', false],
      ['profitClause', null, clauses.profitClause, false],
      ['employeeControlClause', null, clauses.employeeControlClause, false],
    ]);
    expect(history.filter((c) => c.setUp)).toHaveLength(RULE_KEYS.length);
  });

  it('writes no event when the clauses sent are those recorded', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    expectOk(await t.core.dispatch('rules.update', { ...companyRules, ...clauses }));
    const events = eventCount(t);
    expectOk(await t.core.dispatch('rules.update', { ...companyRules, ...clauses, objectsClause: `  ${clauses.objectsClause}  ` }));
    expect(eventCount(t)).toBe(events);
  });

  it('takes them at set-up too, and refuses an answer without its clause there on the rules’ field', async () => {
    const t = await core();
    const refused = await t.core.dispatch('organisation.setUp', { ...validSetUpInput(), rules: { ...companyRules, profitBasis: 'not_for_profit' } });
    expect(!refused.ok && refused.error.fieldErrors?.['rules.profitClause']).toBe('Quote the clause on profits, with its article or rule number, so the s33 check can cite it.');
    expectOk(await t.core.dispatch('organisation.setUp', { ...validSetUpInput(), rules: { ...companyRules, profitBasis: 'not_for_profit', profitClause: clauses.profitClause } }));
    expect((expectOk(await t.core.dispatch('rules.get', {})) as RulesView).values).toMatchObject({ ...NO_CLAUSES, profitBasis: 'not_for_profit', profitClause: clauses.profitClause });
  });

  it('keeps the clauses when a caller leaves them out, and removes one given as empty words', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    expectOk(await t.core.dispatch('rules.update', { ...companyRules, ...clauses }));
    const kept = expectOk(await t.core.dispatch('rules.update', { ...companyRules, gmQuorum: 3 })) as RulesView;
    expect(kept.values).toMatchObject({ ...clauses, gmQuorum: 3 });
    expect((await lastEvent(t)).payload).toEqual({ before: { gmQuorum: 2 }, after: { gmQuorum: 3 } });
    const cleared = expectOk(await t.core.dispatch('rules.update', { ...companyRules, gmQuorum: 3, employeeControlClause: '   ' })) as RulesView;
    expect(cleared.values.employeeControlClause).toBeNull();
    expect((await lastEvent(t)).payload).toEqual({ before: { employeeControlClause: clauses.employeeControlClause }, after: { employeeControlClause: null } });
  });

  it('refuses an answer without its clause, or a clause without its answer, on the field to fill in', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    const noWords = await t.core.dispatch('rules.update', { ...companyRules, ...NO_CLAUSES, profitBasis: 'members_only' });
    expect(!noWords.ok && noWords.error.fieldErrors?.['profitClause']).toBe('Quote the clause on profits, with its article or rule number, so the s33 check can cite it.');
    // Sent alone (the other clauses left as they are), the core checks the pair as it would be stored.
    const alone = await t.core.dispatch('rules.update', { ...companyRules, objectsClause: 'Article 4: to make a profit.' });
    expect(!alone.ok && alone.error.fieldErrors?.['objectsPublicServices']).toBe('Say whether the objects include delivering public services, or remove the objects clause.');
    expect(eventCount(t)).toBe(1);
  });

  it('refuses a clause over its length, an unknown basis and invisible characters, naming the clause; keeps line breaks', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    const long = await t.core.dispatch('rules.update', { ...companyRules, ...clauses, profitClause: 'x'.repeat(CLAUSE_MAX.profitClause + 1) });
    expect(!long.ok && long.error.fieldErrors?.['profitClause']).toBe('Keep the profit clause to 2000 characters or fewer.');
    const basis = await t.core.dispatch('rules.update', { ...companyRules, ...clauses, profitBasis: 'reinvested' });
    expect(!basis.ok && basis.error.fieldErrors?.['profitBasis']).toBe('Choose how the governing document deals with profits.');
    const hidden = await t.core.dispatch('rules.update', { ...companyRules, ...clauses, employeeControlClause: 'Article 12\u202E' });
    expect(!hidden.ok && hidden.error.fieldErrors?.['employeeControlClause']).toMatch(/The clause securing employee control contains an invisible control character \(U\+202E\)/);
    const view = expectOk(await t.core.dispatch('rules.update', { ...companyRules, ...clauses, objectsClause: 'Article 4\r\n(a) health;\r\n(b) care.' })) as RulesView;
    expect(view.values.objectsClause).toBe('Article 4\n(a) health;\n(b) care.');
  });

  it('leaves the state the audit log vouches for as it was before migration 0017 while no clause is recorded, and vouches for the clauses once they are', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    const recorded = () =>
      t.core.raw.prepare(`select state_hash from audit_state where entity_type = 'governing_rules' order by event_seq desc limit 1`).pluck().get() as string;
    const row = t.core.raw.prepare('select * from governing_rules').get() as Record<string, unknown>;
    const before0017 = Object.fromEntries(Object.entries(row).filter(([k]) => !['objects_public_services', 'objects_clause', 'profit_basis', 'profit_clause', 'employee_control_clause'].includes(k)));
    expect(recorded()).toBe(stateHash({ type: 'governing_rules', id: row['organisation_id'] as string }, before0017));
    expectOk(await t.core.dispatch('rules.update', { ...companyRules, ...clauses }));
    const after = t.core.raw.prepare('select * from governing_rules').get() as Record<string, unknown>;
    expect(after['profit_clause']).toBe(clauses.profitClause);
    expect(recorded()).toBe(stateHash({ type: 'governing_rules', id: row['organisation_id'] as string }, after));
    expect(recorded()).not.toBe(stateHash({ type: 'governing_rules', id: row['organisation_id'] as string }, before0017));
  });
});

describe('organisation.update', () => {
  it('records the changed particulars in one audit event with before and after', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    const updated = expectOk(
      await t.core.dispatch('organisation.update', { ...validSetUpInput().particulars, name: 'Riverside Care Mutual Ltd', financialYearEnd: '12-31' }),
    ) as Organisation;
    expect(updated).toMatchObject({ name: 'Riverside Care Mutual Ltd', financialYearEnd: '12-31' });
    const event = await lastEvent(t);
    expect(event).toMatchObject({ seq: 2, action: 'organisation.updated', entityId: updated.id });
    expect(event.summary).toMatch(/name, financial year end/);
    expect(event.payload).toMatchObject({ before: { name: 'Riverside Care Mutual' }, after: { name: 'Riverside Care Mutual Ltd' } });
  });

  it('writes no event when nothing changed', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    expectOk(await t.core.dispatch('organisation.update', { ...validSetUpInput().particulars, registrationNumber: '1234567' }));
    expect(eventCount(t)).toBe(1);
  });

  it('refuses a new legal form the governing rules do not fit, on the legal form field', async () => {
    const t = await core();
    await setUpOrganisation(t.core, { particulars: { legalForm: 'cic_limited_by_shares' } });
    const result = await t.core.dispatch('organisation.update', { ...validSetUpInput().particulars, legalForm: 'company_limited_by_guarantee' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!result.ok && result.error.fieldErrors?.['legalForm']).toMatch(/no shares/);
    expect(eventCount(t)).toBe(1);
  });

  it('refuses an incorporation date after today', async () => {
    const t = await core('2026-11-28T10:00:00Z');
    await setUpOrganisation(t.core);
    const result = await t.core.dispatch('organisation.update', { ...validSetUpInput().particulars, incorporatedOn: '2027-01-01' });
    expect(!result.ok && Object.keys(result.error.fieldErrors ?? {})).toEqual(['incorporatedOn']);
  });
});

describe('while an exclusive job holds the database', () => {
  it('refuses changes with LOCKED, still answers reads, and accepts changes once it ends', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    t.core.jobs.start({ kind: 'test.hold', label: 'Restoring a backup', exclusive: true }, () => gate);

    const refused = await t.core.dispatch('rules.update', { ...companyRules, gmQuorum: 3 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(!refused.ok && refused.error.message).toMatch(/Restoring a backup is in progress.*Nothing was saved/);
    expect(await t.core.dispatch('organisation.update', validSetUpInput().particulars)).toMatchObject({ error: { code: 'LOCKED' } });
    expect(expectOk(await t.core.dispatch('app.status', {}))).toMatchObject({ busy: { label: 'Restoring a backup' } });
    expect((expectOk(await t.core.dispatch('rules.get', {})) as RulesView).values.gmQuorum).toBe(2);

    release();
    await t.core.jobs.idle();
    expectOk(await t.core.dispatch('rules.update', { ...companyRules, gmQuorum: 3 }));
    expect(eventCount(t)).toBe(2);
  });
});
