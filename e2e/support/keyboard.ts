import type { Page } from '@playwright/test';

/** The accessible name of whatever has focus: its label, aria-label or text. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = el.getAttribute('aria-labelledby');
    const byId = labelled ? labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    return (el.getAttribute('aria-label') || byId || label || el.textContent || '').replace(/\s+/g, ' ').trim();
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused control's name matches, as a keyboard user
 * would. Fails if it is not reachable within `limit` presses.
 */
export async function tabTo(page: Page, name: string | RegExp, options: { back?: boolean; limit?: number } = {}): Promise<void> {
  const limit = options.limit ?? 120;
  const matches = (n: string) => (typeof name === 'string' ? n === name : name.test(n));
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    if (matches(await focusedName(page))) return;
  }
  throw new Error(`Could not reach “${String(name)}” with the keyboard in ${limit} presses (last focus: ${await focusedName(page)})`);
}

/** Tabs to a field and types into it, replacing what was there. */
export async function typeInto(page: Page, name: string | RegExp, text: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}
