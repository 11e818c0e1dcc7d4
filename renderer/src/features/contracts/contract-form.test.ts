import { describe, expect, test } from 'vitest';
import { contractInput, PROCUREMENT_ROUTES } from '../../../../shared/contract/contracts';
import {
  addDays,
  contractPaths,
  contractResolver,
  documentProblem,
  EMPTY_CONTRACT,
  formPathOf,
  moneyProblem,
  poundsToPence,
  previewTerm,
  ROUTE_GROUPS,
  routeNote,
  signedMoneyProblem,
  signedPoundsToPence,
  toContractInput,
  type ContractValues,
} from './contract-form';

const COUNCIL = '01900000-0000-7000-8000-000000000001';

const filled: ContractValues = {
  ...EMPTY_CONTRACT,
  counterpartyId: COUNCIL,
  reference: 'RBC/ASC/2026/014',
  title: 'Community adult social care',
  services: ['85310000-5'],
  route: 'pa23_competitive_flexible',
  awardOn: '2026-02-01',
  startOn: '2026-04-01',
  endOn: '2029-03-31',
  annualValuePence: '£1,250,000.50',
  extensions: [
    { lengthMonths: '12', decisionBy: '2028-09-30', noticeBy: '2028-12-31' },
    { lengthMonths: '12', decisionBy: '', noticeBy: '' },
  ],
};

async function resolve(v: ContractValues, id?: string) {
  return contractResolver(id)(v, undefined, { fields: {}, shouldUseNativeValidation: false } as never);
}

describe('money typed in pounds', () => {
  test('is carried as whole pence, with pound signs, commas and spaces allowed', () => {
    expect(poundsToPence('1250000')).toBe(125_000_000);
    expect(poundsToPence('£1,250,000.50')).toBe(125_000_050);
    expect(poundsToPence(' 12.5 ')).toBe(1250);
    expect(poundsToPence('')).toBeUndefined();
    expect(poundsToPence('12.345')).toBeNaN();
  });

  test('a fraction of a penny, a minus sign and words each get their own message', () => {
    expect(moneyProblem('12.345', 'the annual value')).toBe('Enter the annual value in whole pence: 12.345 has more than two figures after the decimal point.');
    expect(moneyProblem('-5', 'the annual value')).toBe('The annual value cannot be negative.');
    expect(moneyProblem('about 5k', 'the annual value')).toMatch(/^Enter the annual value in pounds and pence/);
    expect(moneyProblem('£1,000.00', 'the annual value')).toBeNull();
    expect(moneyProblem('', 'the annual value')).toBeNull();
  });

  test('a variation may reduce the value', () => {
    expect(signedPoundsToPence('-1,500.00')).toBe(-150_000);
    expect(signedPoundsToPence('\u22121500')).toBe(-150_000);
    expect(signedPoundsToPence('250.10')).toBe(25_010);
    expect(signedPoundsToPence('')).toBe(0);
    expect(signedPoundsToPence('1.001')).toBeNaN();
    expect(signedMoneyProblem('-1.001', 'the change in value')).toMatch(/whole pence/);
    expect(signedMoneyProblem('-1500', 'the change in value')).toBeNull();
  });
});

describe('the form as the contract’s input', () => {
  test('turns text into the numbers and ids the contract expects, and the contract accepts it', () => {
    const input = toContractInput(filled);
    expect(input.annualValuePence).toBe(125_000_050);
    expect(input.wholeLifeValuePence).toBeUndefined();
    expect(input.extensions).toEqual([
      { lengthMonths: 12, decisionBy: '2028-09-30', noticeBy: '2028-12-31' },
      { lengthMonths: 12, decisionBy: '', noticeBy: '' },
    ]);
    expect(input.managerOfficerId).toBeUndefined();
    expect(contractInput.safeParse(input).success).toBe(true);
  });

  test('keeps the ids of rows being changed, so their duties keep their done state', () => {
    const id = '01900000-0000-7000-8000-0000000000aa';
    const input = toContractInput({ ...filled, extensions: [{ id, lengthMonths: '6', decisionBy: '', noticeBy: '' }] });
    expect(input.extensions[0]).toEqual({ id, lengthMonths: 6, decisionBy: '', noticeBy: '' });
  });

  test('an empty form is refused field by field, the commissioner and money with the form’s own words', async () => {
    const { errors } = await resolve({ ...EMPTY_CONTRACT, annualValuePence: '10.001', extensions: [{ lengthMonths: '', decisionBy: '', noticeBy: '' }] });
    const e = errors as Record<string, any>;
    expect(e['counterpartyId'].message).toBe('Choose the commissioner, or add it to the organisations list.');
    expect(e['reference'].message).toBe('Enter the commissioner’s contract reference.');
    expect(e['route'].message).toBe('Choose the procurement route and legal basis.');
    expect(e['annualValuePence'].message).toMatch(/whole pence/);
    expect(e['extensions'][0].lengthMonths.message).toMatch(/^Enter the length of the extension in months as a whole number/);
  });

  test('a filled form passes and hands over the contract’s parsed input (with the id when changing)', async () => {
    const made = await resolve(filled);
    expect(made.errors).toEqual({});
    expect((made.values as any).annualValuePence).toBe(125_000_050);
    const changed = await resolve(filled, '01900000-0000-7000-8000-0000000000bb');
    expect((changed.values as any).id).toBe('01900000-0000-7000-8000-0000000000bb');
  });
});

describe('the core’s field errors find their inputs', () => {
  test('rows by number, services on the picker, a row’s own problem on its first field', () => {
    const paths = contractPaths({ ...filled, breaks: [], priceReviews: [], kpis: [] });
    expect(paths).toContain('extensions.1.lengthMonths');
    expect(paths).toContain('extensions.0.noticeBy');
    expect(paths).not.toContain('extensions.2.lengthMonths');
    expect(formPathOf('services.0')).toBe('services');
    expect(formPathOf('extensions.1')).toBe('extensions.1.lengthMonths');
    expect(formPathOf('kpis.0')).toBe('kpis.0.name');
    expect(formPathOf('endOn')).toBe('endOn');
  });
});

describe('procurement routes', () => {
  test('every stored route is offered once, in its group', () => {
    const offered = ROUTE_GROUPS.flatMap((g) => g.routes);
    expect([...offered].sort()).toEqual([...PROCUREMENT_ROUTES].sort());
  });

  test('a s33 reservation says its five-year limit; an unknown route says nothing', () => {
    expect(routeNote('pa23_reserved_mutual')).toMatch(/five years or less.*s33\(1\)\(b\)/);
    expect(routeNote('')).toBeNull();
  });
});

describe('documents', () => {
  const MB = 1024 * 1024;
  test('refuses the wrong type, an empty file and one over 50 MB before sending', () => {
    expect(documentProblem(undefined, 50 * MB)).toBe('Choose the file to keep with the contract.');
    expect(documentProblem({ name: 'contract.exe', size: 10 }, 50 * MB)).toBe('contract.exe is not a PDF, Word (.docx), Excel (.xlsx), PNG or JPEG file.');
    expect(documentProblem({ name: 'contract.pdf', size: 0 }, 50 * MB)).toBe('contract.pdf is empty.');
    expect(documentProblem({ name: 'contract.pdf', size: 51 * MB }, 50 * MB)).toBe('contract.pdf is 51.0 MB; a document can be at most 50 MB.');
    expect(documentProblem({ name: 'Signed Contract.PDF', size: 50 * MB }, 50 * MB)).toBeNull();
  });
});

test('addDays counts whole days across months, years and the clock change', () => {
  expect(addDays('2026-12-01', 90)).toBe('2027-03-01');
  expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
});

describe('the term preview', () => {
  const base = { route: 'pa23_competitive_flexible', startOn: '2026-04-01', endOn: '2029-03-31', extensions: [] as ContractValues['extensions'] };
  test('says nothing until the start and end are whole dates in order', () => {
    expect(previewTerm({ ...base, endOn: '' })).toBeNull();
    expect(previewTerm({ ...base, endOn: '2025-01-01' })).toBeNull();
  });

  test('gives the initial term, and the term and end with every option not declined', () => {
    expect(previewTerm(base)).toEqual({ initial: '3 years', withOptions: null, overLimit: null });
    const two = [
      { lengthMonths: '12', decisionBy: '', noticeBy: '' },
      { lengthMonths: '12', decisionBy: '', noticeBy: '' },
    ];
    expect(previewTerm({ ...base, extensions: two })?.withOptions).toEqual({ term: '5 years', endOn: '2031-03-31' });
    expect(previewTerm({ ...base, extensions: [two[0]!, { ...two[1]!, declinedOn: '2028-01-01' }] })?.withOptions).toEqual({ term: '4 years', endOn: '2030-03-31' });
    // A length not yet typed is left out rather than refused here.
    expect(previewTerm({ ...base, extensions: [{ lengthMonths: '', decisionBy: '', noticeBy: '' }] })?.withOptions).toBeNull();
  });

  test('warns when a s33 reservation would run past five years, in the law’s words', () => {
    const long = { ...base, route: 'pa23_reserved_mutual', extensions: [{ lengthMonths: '25', decisionBy: '', noticeBy: '' }] };
    expect(previewTerm(long)?.overLimit).toMatch(/five years or less.*s33\(1\)\(b\)/);
    expect(previewTerm({ ...long, extensions: [{ lengthMonths: '24', decisionBy: '', noticeBy: '' }] })?.overLimit).toBeNull();
    expect(previewTerm({ ...long, route: 'pa23_open' })?.overLimit).toBeNull();
  });
});
