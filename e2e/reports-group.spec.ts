import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { defaultRuleValues } from '../shared/rules/governing-rules';
import { formatLegalDate } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test, type AppUnderTest } from './support/app';
import { setUpMutual } from './support/mutual';

/**
 * The consolidated group report on the report screens, in Chromium against the real core: two
 * organisations in one file sharing a secretariat, each with its own members; the group report
 * shows each organisation's figures and the group's, and every total equals the sum of the
 * organisations' figures above it; an organisation's figure lists its own records, as many as it says. axe finds
 * nothing on it. (The annual report's journey is reports-journey.spec.ts.)
 */
test.describe.configure({ timeout: 180_000 });

const SHOTS = 'test-results/reports-group';
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const height = await page.evaluate(() => Math.max(document.querySelector('main')?.scrollHeight ?? 0, document.body.scrollHeight));
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height + 100, 900), 8000) });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const address = { line1: '1 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW' };

async function communityClass(app: AppUnderTest): Promise<{ id: string }> {
  return api<{ id: string }>(app, 'classes.create', {
    name: 'Community members',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
}

async function members(app: AppUnderTest, cls: { id: string }, names: string[], admittedOn: string): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const [givenNames, familyName] = name.split(' ');
    const m = await api<{ id: string }>(app, 'members.admit', { classId: cls.id, particulars: { givenNames, familyName, address, employee: null, loansAndDepositsPence: null }, admittedOn, initialShares: null });
    ids.push(m.id);
  }
  return ids;
}

/** A table's whole numbers ("1,234") as numbers, a cell that is not one as null. */
const whole = (s: string) => (/^\d{1,3}(,\d{3})*$/.test(s) ? Number(s.replace(/,/g, '')) : null);

test('the consolidated group report: each organisation’s figures and the group’s, every total the sum of the organisations above it', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const catalogue = await api<{ reports: { kind: string; defaultAsAt: string; defaultFrom: string | null; available: boolean }[] }>(app, 'reports.catalogue', {});
  const { defaultAsAt: asAt, defaultFrom: from } = catalogue.reports.find((r) => r.kind === 'annual')!;
  const first = await api<{ organisations: { id: string; current: boolean }[] }>(app, 'group.organisations', {});
  const parentId = first.organisations[0]!.id;

  // Riverside: four members before the year. Valley, a sister sharing the secretariat: three, one ceasing in the year, and one admitted in it.
  await members(app, await communityClass(app), ['Aled Jones', 'Bethan Price', 'Catrin Hughes', 'Dylan Evans'], '2020-05-01');
  const valley = await api<{ id: string }>(app, 'group.addOrganisation', {
    particulars: {
      name: 'Valley Health Mutual Ltd',
      legalForm: 'company_limited_by_guarantee',
      registrationNumber: '07000001',
      registeredOffice: { line1: '3 Bridge Street', town: 'Halifax', postcode: 'HX1 1AA', country: 'england' },
      incorporatedOn: '2010-04-01',
      financialYearEnd: '03-31',
    },
    rules: defaultRuleValues('company_limited_by_guarantee'),
  });
  await api(app, 'group.setRelation', { organisationId: valley.id, relatedOrganisationId: parentId, kind: 'sister', sinceOn: '2015-01-01' });
  await api(app, 'group.switch', { organisationId: valley.id });
  const valleyClass = await communityClass(app);
  const valleyMembers = await members(app, valleyClass, ['Efa Morgan', 'Ffion Lloyd', 'Gareth Owen'], '2019-01-07');
  await api(app, 'members.cease', { memberId: valleyMembers[0], ceasedOn: asAt, reason: 'resigned' });
  await members(app, valleyClass, ['Heledd Rees'], from!);
  await api(app, 'group.switch', { organisationId: parentId });

  await page.reload();
  await page.evaluate(() => (window.location.hash = '#/reports'));
  const entry = page.locator('li.rpt-entry').filter({ has: page.getByRole('heading', { name: 'Consolidated group report', exact: true }) });
  await entry.getByRole('button', { name: 'Choose dates and produce' }).click();
  await entry.getByRole('button', { name: 'Produce the report' }).click();
  await expect(page.locator('.rpt-page h1')).toBeVisible({ timeout: 90_000 });
  const body = page.locator('.rpt-body');
  await expect(body).toContainText('Valley Health Mutual Ltd');

  // Members across the group at the end: Riverside 4, Valley 3 (3 + 1 admitted - 1 ceased).
  const atEnd = `Members across the group on ${formatLegalDate(asAt)}`;
  const figure = body.locator('.rpt-figure').filter({ has: page.locator('dt', { hasText: atEnd }) });
  await expect(figure.locator('.rpt-figure-value')).toHaveText('7');
  // An organisation's figure lists that organisation's records only: Valley's 3 members at the end.
  await body.getByRole('button', { name: `3, All members on ${formatLegalDate(asAt)}, Valley Health Mutual Ltd: show the records` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('3 records.')).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(3);
  for (const name of ['Ffion Lloyd', 'Gareth Owen', 'Heledd Rees']) await expect(dialog).toContainText(name.split(' ')[1]!);
  await expect(dialog).not.toContainText('Jones');
  await expectNoAxeViolations(page, 'the records behind a group figure');
  await page.keyboard.press('Escape');

  // Every table with a total: each whole-number column's total is the sum of the rows above it.
  const tables = await body.locator('table.rpt-table').evaluateAll((ts) =>
    ts
      .filter((t) => t.querySelector('tfoot'))
      .map((t) => ({
        caption: (t.querySelector('caption')?.textContent ?? '').trim(),
        rows: Array.from(t.querySelectorAll('tbody tr')).map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
        total: Array.from(t.querySelectorAll('tfoot tr:last-child th, tfoot tr:last-child td')).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()),
      })),
  );
  let checked = 0;
  for (const t of tables) {
    const rows = t.rows.filter((r) => r.length === t.total.length);
    if (rows.length < 2) continue;
    t.total.forEach((cell, c) => {
      const total = whole(cell);
      const parts = rows.map((r) => whole(r[c]!));
      if (c === 0 || total === null || parts.some((p) => p === null)) return;
      expect(parts.reduce((a, b) => a! + b!, 0), `${t.caption}: column ${c + 1}`).toBe(total);
      checked += 1;
    });
  }
  expect(checked, 'totals checked against their organisations').toBeGreaterThan(0);
  await expectNoAxeViolations(page, 'the consolidated group report');
  await shot(page, '01-group');
});
