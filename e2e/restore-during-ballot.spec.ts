import { api, runJob } from './support/api';
import { expect, expectNoAxeViolations, test } from './support/app';
import { seedVotingMembers } from './support/members';
import { setUpMutual } from './support/mutual';

test.describe.configure({ timeout: 300_000 });

// Issue 8, "Bad input and attacks": a backup taken while a ballot was open. Restoring it is not
// refused, but the confirmation names the votes that would be lost before the secretary confirms.
test('a secretary restoring a backup taken during a ballot is told which votes would be lost, and restores knowingly', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  await seedVotingMembers(app, [
    ['Aisha', 'Khan'],
    ['Bob', 'Taylor'],
    ['Carys', 'Evans'],
  ]);
  const { id } = await api<{ id: string }>(app, 'ballots.create', {
    title: 'AGM 2026 poll',
    base: 'votes_cast',
    recordDate: '2026-11-02',
    questions: [{ kind: 'resolution', text: 'That the accounts be received.', resolutionKind: 'ordinary' }],
    trustees: [{ name: 'Harriet Scrutineer' }, { name: 'Ivor Chair' }],
  });
  await api(app, 'ballots.makeTrusteeKey', { id, trustee: 1, passphrase: 'orange kettle harbour violin' });
  await api(app, 'ballots.makeTrusteeKey', { id, trustee: 2, passphrase: 'quiet meadow lantern copper' });
  await runJob(app, 'ballots.open', { id });
  const backup = await runJob<{ name: string }>(app, 'data.backup');
  // Two members are given paper ballots after the backup: the roll records that they voted.
  const { entries } = await api<{ entries: { id: string; name: string; votedBy: string | null }[] }>(app, 'ballots.roll', { id });
  await api(app, 'ballots.issuePaper', { id, rollId: entries[0]!.id, serial: 'P-0001' });
  await api(app, 'ballots.issuePaper', { id, rollId: entries[1]!.id, serial: 'P-0002' });

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Data and backups' }).click();
  const backups = page.getByRole('table', { name: /Backups in the backups folder/ });
  await backups.getByRole('row', { name: new RegExp(backup.name.replace(/\./g, '\\.')) }).getByRole('button', { name: /^Restore / }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace your records with this backup, and lose ballot records?' });
  await expect(confirm).toBeVisible({ timeout: 60_000 });
  await expect(confirm).toContainText(
    'This backup was taken while the ballot “AGM 2026 poll” was open: 2 votes recorded since then would be lost, and those voters’ receipts would not be in the box. Members who voted after it was taken could vote again.',
  );
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page, 'restore confirmation naming the votes a ballot would lose');

  await confirm.getByRole('button', { name: 'Restore and lose the ballot records listed' }).click();
  await expect(page.getByText('Restored', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/The audit log records what the restore set back in the ballots: This backup was taken while the ballot “AGM 2026 poll” was open: 2 votes/)).toBeVisible();
  const after = await api<{ entries: { votedBy: string | null }[] }>(app, 'ballots.roll', { id });
  expect(after.entries.map((e) => e.votedBy)).toEqual([null, null, null]);
});
