import type { Page } from '@playwright/test';
import { api } from './support/api';
import { reservedContract } from './support/contracts';
import { expect, test } from './support/app';
import { setUpMutual } from './support/mutual';

/**
 * At 320 CSS px (WCAG 2.2 1.4.10 Reflow): a produced report's table titles wrap within the
 * window even when the table itself scrolls sideways in its box, and the portfolio's bar charts
 * keep a plot area wide enough to read rather than a sliver beside their category axis.
 * Pictures at 320 and 1280 px are kept in the test's output folder to look at.
 */
test.describe.configure({ timeout: 180_000 });

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

test('at 320 px a report table title is fully in view and the portfolio charts have room to draw', async ({ page, app, cspErrors }, testInfo) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const council = await api<{ id: string }>(app, 'counterparties.create', { name: 'Northshire County Council Adult Social Care', kind: 'council', contactName: 'Priya Shah' });
  await api(app, 'contracts.create', reservedContract(council.id));
  await page.setViewportSize({ width: 320, height: 800 });

  // A produced report: the annual governance report (its tables in sideways-scrolling boxes).
  await go(page, '#/reports');
  const annual = page.locator('li.rpt-entry').filter({ has: page.getByRole('heading', { name: 'Annual governance report' }) });
  await annual.getByRole('button', { name: 'Choose dates and produce' }).click();
  await annual.getByRole('button', { name: 'Produce the report' }).click();
  await expect(page.locator('.rpt-page').getByRole('heading', { level: 1, name: /^Annual governance report/ })).toBeVisible({ timeout: 90_000 });
  await page.screenshot({ path: testInfo.outputPath('report-320.png'), fullPage: true });
  await page.locator('.rpt-table-block').filter({ hasText: 'Attendance at board' }).first().screenshot({ path: testInfo.outputPath('report-table-320.png') });
  const titles = await page.evaluate(() =>
    [...document.querySelectorAll('.rpt-table caption')].map((c) => {
      const range = document.createRange();
      range.selectNodeContents(c);
      const box = c.closest('.rpt-table-scroll')!;
      return { text: (c.textContent ?? '').trim(), right: Math.round(range.getBoundingClientRect().right), wide: box.scrollWidth > box.clientWidth + 1 };
    }),
  );
  // The check means something only if some table is wider than the window and scrolls in its box.
  expect(titles.some((t) => t.wide), JSON.stringify(titles)).toBe(true);
  const innerWidth = await page.evaluate(() => window.innerWidth);
  expect(titles.filter((t) => t.right > innerWidth)).toEqual([]);
  // Each table keeps its caption as its accessible name.
  for (const t of titles) await expect(page.locator('.rpt-body').getByRole('table', { name: t.text, exact: true }).first()).toBeAttached();
  const reportHash = await page.evaluate(() => window.location.hash);

  // The portfolio: each bar chart's plot (the width of its value axis) is at least 150 px.
  await go(page, '#/contracts/portfolio');
  await expect(page.getByRole('heading', { level: 2, name: 'Income by commissioner' })).toBeVisible();
  await expect(page.locator('.pf-chart .recharts-bar-rectangle').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('portfolio-320.png'), fullPage: true });
  for (const [i, chart] of (await page.locator('.pf-figure').all()).entries()) await chart.screenshot({ path: testInfo.outputPath(`portfolio-chart-${i + 1}-320.png`) });
  const plots = await page.evaluate(() =>
    [...document.querySelectorAll('.pf-section')].flatMap((s) => {
      const grid = s.querySelector('.pf-chart .recharts-cartesian-grid');
      if (!grid) return [];
      return [{ chart: s.querySelector('h2')?.textContent ?? '', width: Math.round(grid.getBoundingClientRect().width) }];
    }),
  );
  expect(plots.length).toBeGreaterThanOrEqual(3);
  for (const p of plots) expect(p.width, `${p.chart}: plot width`).toBeGreaterThanOrEqual(150);
  // The "Contracts ending" chart's category labels do not overlap one another.
  const ending = page.locator('.pf-section').filter({ has: page.getByRole('heading', { name: 'Contracts ending' }) });
  const ticks = await ending
    .locator('.pf-chart .recharts-cartesian-axis-tick-value')
    .filter({ hasText: /months$/ })
    .evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect()).map((r) => [r.left, r.right]));
  expect(ticks.length).toBe(3);
  for (let i = 1; i < ticks.length; i++) expect(ticks[i]![0]!, `tick ${i + 1} starts after tick ${i} ends`).toBeGreaterThanOrEqual(ticks[i - 1]![1]!);

  // The desktop layout, to compare.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('portfolio-1280.png'), fullPage: true });
  for (const [i, chart] of (await page.locator('.pf-figure').all()).entries()) await chart.screenshot({ path: testInfo.outputPath(`portfolio-chart-${i + 1}-1280.png`) });
  await go(page, reportHash);
  await expect(page.locator('.rpt-page').getByRole('heading', { level: 1, name: /^Annual governance report/ })).toBeVisible({ timeout: 90_000 });
  await page.screenshot({ path: testInfo.outputPath('report-1280.png'), fullPage: true });
  await page.locator('.rpt-table-block').filter({ hasText: 'Attendance at board' }).first().screenshot({ path: testInfo.outputPath('report-table-1280.png') });
});
