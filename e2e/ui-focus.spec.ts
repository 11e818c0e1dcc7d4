import type { Page } from '@playwright/test';
import { defaultRuleValues } from '../shared/rules/governing-rules';
import { api } from './support/api';
import { expect, test, type AppUnderTest } from './support/app';

/**
 * Two accessibility properties of the app's shared UI, in Chromium against the real core:
 * - the error summary takes focus when a submit fails (each one), and never while the person is
 *   typing in a field whose error clears as they type (GOV.UK's error summary pattern; WCAG 2.2
 *   3.2.2 On Input: no change of context on input);
 * - screens whose header has action buttons reflow at 320 CSS px with no horizontal scroll
 *   (WCAG 2.2 1.4.10 Reflow). A screenshot of each is kept in the test's output folder to look at.
 */
test.describe.configure({ timeout: 120_000 });

async function setUp(app: AppUnderTest): Promise<{ classId: string }> {
  await api(app, 'organisation.setUp', {
    particulars: {
      name: 'Riverside Care Mutual Ltd',
      legalForm: 'company_limited_by_guarantee',
      registrationNumber: '09876543',
      registeredOffice: { line1: '12 Wellington Street', town: 'Leeds', postcode: 'LS1 4AP', country: 'england' },
      incorporatedOn: '2008-04-01',
      financialYearEnd: '03-31',
    },
    rules: defaultRuleValues('company_limited_by_guarantee'),
  });
  const cls = await api<{ id: string }>(app, 'classes.create', {
    name: 'Community members',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
  return { classId: cls.id };
}

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

test('the error summary takes focus on each failed submit, and not while a field is being corrected', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUp(app);
  await page.goto(`${app.url}#/register/admit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Admit a member' })).toBeVisible();

  const summary = page.locator('.error-summary');
  const submit = page.getByRole('button', { name: 'Admit and enter in the register' });
  await submit.click();
  await expect(summary).toBeFocused();
  const items = summary.getByRole('listitem');
  const before = await items.count();
  expect(before, 'the empty form is refused for more than one field').toBeGreaterThanOrEqual(2);

  // Correcting one field re-validates as the person types: its message leaves the summary, and
  // focus stays in the field they are typing in.
  const given = page.getByLabel('Given names');
  await given.click();
  await given.pressSequentially('Aled');
  await expect(items).toHaveCount(before - 1);
  await expect(given).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(await given.getAttribute('id'));
  await given.press('End');
  await given.pressSequentially(' Rhys');
  await expect(given).toHaveValue('Aled Rhys');
  await expect(given).toBeFocused();

  // Emptying it again brings its message back, still without taking focus from the field.
  await given.fill('');
  await expect(items).toHaveCount(before);
  await expect(given).toBeFocused();

  // The next failed submit takes focus to the summary again, even with the same messages.
  await given.fill('Aled');
  await expect(items).toHaveCount(before - 1);
  await submit.click();
  await expect(summary).toBeFocused();
  const family = page.getByLabel('Family name');
  await family.click();
  await family.pressSequentially('Jones');
  await expect(items).toHaveCount(before - 2);
  await expect(family).toBeFocused();
});

test('screens, most with action buttons in their header, reflow at 320 CSS px: no horizontal scroll', async ({ page, app, cspErrors }, testInfo) => {
  void cspErrors;
  const { classId } = await setUp(app);
  const member = await api<{ id: string }>(app, 'members.admit', {
    classId,
    particulars: { givenNames: 'Bethan', familyName: 'Price-Llewellyn', address: { line1: '1 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW' }, employee: null, loansAndDepositsPence: null },
    admittedOn: '2020-01-06',
    initialShares: null,
  });
  const council = await api<{ id: string }>(app, 'counterparties.create', { name: 'Northshire County Council', kind: 'council', contactName: 'Priya Shah' });
  const contract = await api<{ id: string }>(app, 'contracts.create', {
    counterpartyId: council.id,
    reference: 'NCC/ASC/017',
    title: 'Community adult social care',
    services: ['85312000-9'],
    route: 'pa23_reserved_mutual',
    awardOn: '2025-06-02',
    startOn: '2025-07-01',
    endOn: '2030-06-30',
    annualValuePence: 41_250_000,
    extensions: [],
    breaks: [],
    priceReviews: [],
    kpis: [],
  });
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(app.url);
  const screens: { name: string; hash: string; heading: string | RegExp }[] = [
    { name: 'home', hash: '#/', heading: 'Riverside Care Mutual Ltd' },
    { name: 'register', hash: '#/register', heading: 'Register of members' },
    { name: 'member', hash: `#/register/members/${member.id}`, heading: /Bethan Price-Llewellyn/ },
    { name: 'contracts', hash: '#/contracts', heading: 'Contracts' },
    { name: 'contract', hash: `#/contracts/${contract.id}`, heading: /Community adult social care/ },
    { name: 'reports', hash: '#/reports', heading: 'Reports' },
    { name: 'officers', hash: '#/officers', heading: 'Directors and officers' },
    { name: 'meetings', hash: '#/meetings', heading: 'Meetings' },
    { name: 'exports', hash: '#/register/exports', heading: 'Exports and inspection' },
  ];
  const overflowing: string[] = [];
  for (const s of screens) {
    await go(page, s.hash);
    await expect(page.getByRole('heading', { level: 1, name: s.heading, exact: typeof s.heading === 'string' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`${s.name}-320.png`), fullPage: true });
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    if (widths.scroll > widths.inner) overflowing.push(`${s.name}: ${widths.scroll} px wide in a ${widths.inner} px window`);
  }
  expect(overflowing, 'screens that scroll sideways at 320 px').toEqual([]);

  // The member page's subject access menu opens inside the window, not off its left edge.
  await go(page, `#/register/members/${member.id}`);
  await page.getByText('Subject access', { exact: true }).click();
  const panel = page.locator('.sar-panel');
  await expect(panel).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('member-subject-access-320.png') });
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
