import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expectNoAxeViolations, serveFile, test, expect } from './support/app';
import { api } from './support/api';
import { setUpMutual } from './support/mutual';

/**
 * Someone edits the register in the database file with a database tool while the app is closed.
 * The app finds it when it opens (the banner names the member), and Verify names it too.
 */
test('a name changed in the file outside the app is named when the app opens and by Verify', async ({ page, cspErrors }) => {
  void cspErrors;
  const dir = mkdtempSync(join(tmpdir(), 'mg-e2e-tamper-'));
  const dbPath = join(dir, 'mutual.sqlite');
  try {
    const first = await serveFile(dbPath);
    await setUpMutual(page, first.url);
    const app = { url: first.url, dbPath, dir, cli: () => ({ status: 0, stdout: '', stderr: '' }) };
    const cls = await api(app, 'classes.create', {
      name: 'Community',
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: null,
    });
    await api(app, 'members.admit', {
      classId: cls.id,
      admittedOn: '2024-05-01',
      particulars: { givenNames: 'Aisha', familyName: 'Khan', address: { line1: '3 Mill Lane', town: 'Leeds', postcode: 'LS2 7AB' }, employee: null, loansAndDepositsPence: null },
      initialShares: null,
    });
    await first.stop();

    // The file is edited directly: the register says Smith, the audit log still says Khan.
    const db = new Database(dbPath);
    db.prepare("update member set family_name = 'Smith' where member_number = 1").run();
    db.close();

    const second = await serveFile(dbPath);
    try {
      await page.goto(second.url);
      const banner = page.getByRole('region', { name: 'The registers do not match the audit log' }).or(page.locator('.banner-error', { hasText: 'The registers do not match the audit log' }));
      await expect(banner).toBeVisible({ timeout: 20_000 });
      await expect(banner).toContainText('member 1 was changed outside the app');
      await expectNoAxeViolations(page, 'home with the mismatch banner');

      await page.getByRole('link', { name: 'Settings › Audit log' }).click();
      await page.getByRole('button', { name: 'Verify' }).click();
      const report = page.locator('.banner-error', { hasText: 'The audit log does not verify' });
      await expect(report).toBeVisible({ timeout: 20_000 });
      await expect(report).toContainText('The registers do not match the audit log: member 1 was changed outside the app');
      await expectNoAxeViolations(page, 'verify report');
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
