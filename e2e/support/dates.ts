import type { Locator, Page } from '@playwright/test';

/**
 * A date field (GOV.UK pattern): a group named by its question, holding Day, Month and Year
 * boxes. Named exactly when given a string, so "Date of birth" does not also find "Date of birth (optional)".
 */
export function dateGroup(scope: Page | Locator, name: string | RegExp): Locator {
  return scope.getByRole('group', { name, exact: typeof name === 'string' });
}

/** Types a 'YYYY-MM-DD' date into a date field as a person would: day, month and year, no leading zeros. */
export async function fillDate(scope: Page | Locator, name: string | RegExp, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const group = dateGroup(scope, name);
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year!);
}
