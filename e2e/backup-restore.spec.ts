import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations, test, expect } from './support/app';
import { setUpMutual } from './support/mutual';

test('a secretary backs up, changes a rule, restores the backup, and a corrupt file is refused', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Data and backups' }).click();
  await expect(page.getByText('No backups yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backup saved')).toBeVisible();
  const backups = page.getByRole('table', { name: /Backups in the backups folder/ });
  await expect(backups.getByRole('row')).toHaveCount(2);
  await expectNoAxeViolations(page, 'data and backups after a backup');

  // A change after the backup...
  await page.getByRole('link', { name: 'Governing rules' }).click();
  await page.getByLabel('General meeting quorum (members)').fill('5');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Governing rules saved')).toBeVisible();

  // ...is undone by restoring the backup, once it is checked and the secretary has seen what it holds.
  await page.getByRole('link', { name: 'Data and backups' }).click();
  await backups.getByRole('button', { name: /^Restore / }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace your records with this backup?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('Riverside Care Mutual Ltd');
  await expect(confirm).toContainText('Fingerprint');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page, 'restore confirmation');
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('Restored', { exact: true })).toBeVisible();
  await expect(page.getByText(/The previous database was kept as/)).toBeVisible();

  await page.getByRole('link', { name: 'Governing rules' }).click();
  await expect(page.getByLabel('General meeting quorum (members)')).toHaveValue('2');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('table', { name: /Audit events/ }).getByRole('row').nth(1)).toContainText('Database restored from a backup');

  // A file of random bytes is refused with a clear reason; the records stay as they are.
  await page.getByRole('link', { name: 'Data and backups' }).click();
  const junk = join(app.dir, 'not-a-backup.sqlite');
  writeFileSync(junk, randomBytes(64 * 1024));
  await page.getByLabel('Backup file').setInputFiles(junk);
  // The check refuses it before any confirmation is asked for.
  await page.getByRole('button', { name: 'Restore from this file' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Not restored' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('not a SQLite database');
  await expect(refusal).toContainText('Your current records are unchanged');
  await expectNoAxeViolations(page, 'restore refused');

  const verify = app.cli('verify', '--db', app.dbPath);
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  expect(verify.stdout).toMatch(/ok: 2 events/);
});
