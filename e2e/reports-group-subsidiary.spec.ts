import { defaultRuleValues } from '../shared/rules/governing-rules';
import { formatLegalDate } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test, type AppUnderTest } from './support/app';
import { setUpMutual } from './support/mutual';

/**
 * The consolidated group report for a parent and its subsidiary, in Chromium against the real
 * core: the parent holds all the subsidiary's shares; each has employee and other members, a
 * board and a contract with Leeds City Council; one director sits on both boards (spelt without
 * accents in the subsidiary's register). On the report page, built for the parent: the relation
 * with its holding, each organisation's row and the group's, every whole-number and money column's
 * group total equal to the sum of the organisations' rows on screen, the director found on both
 * boards, Leeds shared, a subsidiary's figure listing its records, and axe on the page. (Sisters
 * sharing a secretariat: reports-group.spec.ts.)
 */
test.describe.configure({ timeout: 180_000 });

const address = { line1: '1 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW' };
const PARENT = 'Riverside Care Mutual Ltd';
const SUB = 'Riverside Care Services Ltd';

async function membersOf(app: AppUnderTest, className: string, employee: boolean, names: string[], admittedOn: string): Promise<string[]> {
  const cls = await api<{ id: string }>(app, 'classes.create', {
    name: className,
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: employee,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    const [givenNames, familyName] = name.split(' ');
    const particulars = { givenNames, familyName, address, employee: employee ? { employeeNumber: `${className[0]}${i + 1}`, employmentStart: '2019-01-01', weeklyHours: 37.5 } : null, loansAndDepositsPence: null };
    ids.push((await api<{ id: string }>(app, 'members.admit', { classId: cls.id, particulars, admittedOn, initialShares: null })).id);
  }
  return ids;
}

async function directorOf(app: AppUnderTest, givenNames: string, familyName: string, dateOfBirth: string) {
  await api(app, 'officers.add', {
    particulars: { givenNames, familyName, serviceAddress: address, dateOfBirth, nationality: 'British', countryOfResidence: 'England', occupation: 'Nurse' },
    residentialAddress: { line1: '9 Park Road', town: 'Leeds', postcode: 'LS6 2AB' },
    appointment: { role: 'director', directorKind: 'independent', appointedOn: '2020-01-06' },
  });
}

async function leedsContract(app: AppUnderTest, reference: string, annualValuePence: number) {
  const leeds = await api<{ id: string }>(app, 'counterparties.create', { name: 'Leeds City Council', kind: 'council' });
  await api(app, 'contracts.create', {
    counterpartyId: leeds.id,
    reference,
    title: 'Community support',
    services: ['85310000-5'],
    route: 'pcr15_light_touch',
    awardOn: '2024-04-01',
    startOn: '2024-04-01',
    endOn: '2028-03-31',
    annualValuePence,
    extensions: [],
    breaks: [],
    priceReviews: [],
    kpis: [],
  });
}

/** A cell's number: a whole number ("1,234") or money ("£2,500.00", in pence), else null. */
function numberOf(s: string): number | null {
  if (/^\d{1,3}(,\d{3})*$/.test(s)) return Number(s.replace(/,/g, ''));
  const m = /^£(\d{1,3}(?:,\d{3})*)\.(\d{2})$/.exec(s);
  return m ? Number(m[1]!.replace(/,/g, '')) * 100 + Number(m[2]) : null;
}

test('the consolidated group report for a parent and its subsidiary: the group’s totals are the sums of the organisations’ rows on screen', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const catalogue = await api<{ reports: { kind: string; defaultAsAt: string; defaultFrom: string | null }[] }>(app, 'reports.catalogue', {});
  const { defaultAsAt: asAt, defaultFrom: from } = catalogue.reports.find((r) => r.kind === 'annual')!;
  const parentId = (await api<{ organisations: { id: string }[] }>(app, 'group.organisations', {})).organisations[0]!.id;

  // The parent: two employee members and one other before the year, one other admitted in it; two directors; Leeds at £250,000 a year.
  await membersOf(app, 'Staff', true, ['Aled Jones', 'Bethan Price'], '2020-05-01');
  await membersOf(app, 'Community', false, ['Catrin Hughes'], '2020-05-01');
  await membersOf(app, 'Supporters', false, ['Dylan Evans'], from!);
  await directorOf(app, 'Siân', 'Ó Briain', '1975-06-01');
  await directorOf(app, 'Tom', 'Okafor', '1980-02-03');
  await leedsContract(app, 'LCC-P-1', 250_000_00);

  // The subsidiary, held by all its shares: one employee member and two others, one of whom ceases in the year; the same Siân; Leeds at £100,000.
  const sub = await api<{ id: string }>(app, 'group.addOrganisation', {
    particulars: {
      name: SUB,
      legalForm: 'company_limited_by_guarantee',
      registrationNumber: '07654321',
      registeredOffice: { line1: '3 Bridge Street', town: 'Leeds', postcode: 'LS1 1AA', country: 'england' },
      incorporatedOn: '2010-04-01',
      financialYearEnd: '03-31',
    },
    rules: defaultRuleValues('company_limited_by_guarantee'),
  });
  await api(app, 'group.setRelation', {
    organisationId: parentId,
    relatedOrganisationId: sub.id,
    kind: 'subsidiary',
    holding: { basis: 'shares', words: 'All 100 ordinary shares of £1', sharesHeld: 100, sharesPct: 100, votesPct: 100 },
    sinceOn: '2015-01-01',
  });
  await api(app, 'group.switch', { organisationId: sub.id });
  await membersOf(app, 'Staff', true, ['Efa Morgan'], '2019-01-07');
  const users = await membersOf(app, 'Service users', false, ['Ffion Lloyd', 'Gareth Owen'], '2019-01-07');
  await api(app, 'members.cease', { memberId: users[0], ceasedOn: asAt, reason: 'resigned' });
  await directorOf(app, 'Sian', "O'Briain", '1975-06-01');
  await leedsContract(app, 'LCC-S-1', 100_000_00);
  await api(app, 'group.switch', { organisationId: parentId });

  // Produce it on the reports page, for the parent.
  await page.reload();
  await page.evaluate(() => (window.location.hash = '#/reports'));
  const entry = page.locator('li.rpt-entry').filter({ has: page.getByRole('heading', { name: 'Consolidated group report', exact: true }) });
  await entry.getByRole('button', { name: 'Choose dates and produce' }).click();
  await entry.getByRole('button', { name: 'Produce the report' }).click();
  await expect(page.locator('.rpt-page h1')).toBeVisible({ timeout: 90_000 });
  const body = page.locator('.rpt-body');
  const on = formatLegalDate(asAt);

  // The group and how it relates.
  const orgs = body.locator('table.rpt-table').filter({ has: page.locator('caption', { hasText: 'The organisations in the group on' }) });
  await expect(orgs.locator('tbody tr')).toHaveCount(2);
  await expect(orgs.locator('tbody tr').nth(1)).toContainText(`${SUB}Subsidiary of ${PARENT}: All 100 ordinary shares of £1`);

  // Each table with the group's row: every number column's total is the sum of the organisations' rows above it.
  const tables = await body.locator('table.rpt-table').evaluateAll((ts) =>
    ts
      .filter((t) => t.querySelector('tfoot'))
      .map((t) => ({
        caption: (t.querySelector('caption')?.textContent ?? '').trim(),
        rows: Array.from(t.querySelectorAll('tbody tr')).map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
        total: Array.from(t.querySelectorAll('tfoot tr:last-child th, tfoot tr:last-child td')).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()),
      })),
  );
  const byCaption = new Map(tables.map((t) => [t.caption, t]));
  for (const caption of ['Members by organisation', 'Boards, meetings and decisions by organisation', 'Contracts by organisation']) {
    const t = byCaption.get(caption)!;
    expect(t, caption).toBeDefined();
    expect(t.rows.map((r) => r[0])).toEqual([PARENT, SUB]);
    expect(t.total[0]).toBe('The group');
    for (let c = 1; c < t.total.length; c++) {
      const parts = t.rows.map((r) => numberOf(r[c]!));
      expect(parts.every((p) => p !== null), `${caption}: column ${c + 1} is numbers`).toBe(true);
      expect(parts.reduce((a, b) => a! + b!, 0), `${caption}: column ${c + 1}`).toBe(numberOf(t.total[c]!));
    }
  }
  // The figures themselves: members on the date 4 and 2 (Ffion ceased on it), 6 in all; directors 2 and 1; income £350,000.
  const members = byCaption.get('Members by organisation')!;
  expect(members.rows.map((r) => r.slice(1))).toEqual([
    ['2', '1', '3', '1', '0', '2', '2', '4'],
    ['1', '2', '3', '0', '1', '1', '1', '2'],
  ]);
  expect(members.total.slice(1)).toEqual(['3', '3', '6', '1', '1', '3', '3', '6']);
  expect(byCaption.get('Boards, meetings and decisions by organisation')!.total.slice(1, 2)).toEqual(['3']);
  expect(byCaption.get('Contracts by organisation')!.total.slice(1)).toEqual(['2', '£350,000.00']);
  await expect(page.getByRole('img', { name: new RegExp(`^Stacked bar chart of the members of each organisation in the group on ${on}`) })).toBeVisible();

  // Siân on both boards, matched by name and date of birth; Leeds shared.
  const shared = body.locator('table.rpt-table').filter({ has: page.locator('caption', { hasText: 'Directors serving on several boards' }) });
  await expect(shared.locator('tbody tr')).toHaveCount(1);
  await expect(shared.locator('tbody tr')).toContainText(`Siân Ó Briain${PARENT}; ${SUB}2Name and date of birth`);
  const leeds = body.locator('table.rpt-table').filter({ has: page.locator('caption', { hasText: 'Commissioners contracting with several organisations' }) });
  await expect(leeds.locator('tbody tr')).toContainText(`Leeds City Council${PARENT}; ${SUB}2£350,000.00`);

  // The subsidiary's members on the date: its own two records, listed from the parent's report.
  const subRow = body.locator('table.rpt-table').filter({ has: page.locator('caption', { hasText: 'Members by organisation' }) }).locator('tbody tr').nth(1);
  await subRow.getByRole('button', { name: new RegExp(`^2, All members on ${on}, ${SUB}`) }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('2 records.')).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await expect(dialog).toContainText('Efa Morgan');
  await expect(dialog).toContainText('Gareth Owen');
  await page.keyboard.press('Escape');

  await expectNoAxeViolations(page, 'the consolidated group report of a parent and its subsidiary');
});
