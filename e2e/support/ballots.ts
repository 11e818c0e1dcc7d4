import type { Page } from '@playwright/test';
import { expect } from './app';

/** A button whose visible words are followed by a visually hidden ": name" (Chromium may hear a space before the colon). */
export function named(words: string, name: string): RegExp {
  return new RegExp(`^${words} ?: ${name}$`);
}

/** The poll clerk finds a voter on the roll by their first name and checks them in. */
export async function checkIn(page: Page, name: string): Promise<void> {
  await page.getByLabel('Voter’s name or member number').fill(name.split(' ')[0]!);
  await page.getByRole('button', { name: named('Check in', name) }).click();
}

export type VoteScreen = 'resolution' | 'election' | 'check' | 'receipt';

/**
 * A voter's ballot at the kiosk by mouse or touch: resolution 1, then the election's candidates,
 * check, cast, receipt, Finish (back to check-in). `at` runs on each screen when given (axe, a screenshot).
 */
export async function voteAtKiosk(
  page: Page,
  ballot: { voter: RegExp; election: string; resolution: 'For' | 'Against' | 'Abstain'; candidates: string[] },
  at?: (screen: VoteScreen) => Promise<void>,
): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Resolution 1' })).toBeFocused({ timeout: 30_000 });
  await expect(page.getByText(ballot.voter)).toBeVisible();
  await at?.('resolution');
  await page.getByLabel(ballot.resolution, { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: ballot.election })).toBeFocused();
  for (const c of ballot.candidates) await page.getByLabel(c, { exact: true }).check();
  await at?.('election');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Cast my vote' })).toBeVisible();
  await at?.('check');
  await page.getByRole('button', { name: 'Cast my vote' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your vote has been cast' })).toBeVisible({ timeout: 60_000 });
  await at?.('receipt');
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check in a voter' })).toBeFocused();
}
