/**
 * The Attribution & ROI page end to end, in headless Chromium over the seeds' warehouse: the
 * numbers on screen equal Cube's REST API answering the same queries over plain HTTP
 * (formatted here with Intl, not with the dashboard's code).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cubeLoad, fmt, num, panelTable, screenshot, settled, startStack } from './stack';
import type { Stack } from './stack';

let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  page = await stack.newPage();
  // Warm Cube up (its pre-aggregations build on the first query) before timing the page.
  await cubeLoad(stack.url, { measures: ['attribution.attributed_revenue'], dimensions: ['attribution.model', 'attribution.channel'] });
});

afterAll(async () => {
  await stack?.close();
});

const ALL = '?range=all';

describe('Attribution & ROI page', () => {
  it('says every model sums to the same revenue, the API total', async () => {
    await page.goto(`${stack.url}/attribution${ALL}`);
    await settled(page);
    await screenshot(page, 'attribution');
    const rows = await cubeLoad(stack.url, { measures: ['attribution.attributed_revenue'], dimensions: ['attribution.model'] });
    expect(rows).toHaveLength(8);
    const totals = rows.map((r) => num(r['attribution.attributed_revenue']));
    for (const t of totals) expect(t).toBeCloseTo(totals[0] ?? 0, 6);
    await expect.poll(() => page.getByTestId('model-totals').innerText()).toBe(`Every model sums to the same revenue: ${fmt.money(totals[0])}.`);
  });

  it('the model switcher is kept in the URL and the campaign table follows it (API numbers)', async () => {
    await page.goto(`${stack.url}/attribution${ALL}`);
    await settled(page);
    await page.getByTestId('model-switcher').selectOption('first_touch');
    await page.waitForURL(/model=first_touch/);
    await settled(page);
    await expect.poll(() => page.getByTestId('table-campaigns').locator('h2').innerText()).toBe('Campaigns · First touch');
    const api = await cubeLoad(stack.url, {
      measures: ['attribution.spend', 'attribution.attributed_revenue'],
      dimensions: ['attribution.campaign', 'attribution.channel'],
      filters: [{ member: 'attribution.model', operator: 'equals', values: ['first_touch'] }],
    });
    const { headers, rows } = await panelTable(page, 'table-campaigns');
    expect(headers.slice(0, 3)).toEqual(['Campaign', 'Channel', 'Spend']);
    expect(rows.length).toBe(api.length);
    const shown = new Map(rows.map((r) => [`${r[0]}|${r[1]}`, r]));
    for (const a of api) {
      const row = shown.get(`${String(a['attribution.campaign'])}|${String(a['attribution.channel'])}`);
      expect(row, String(a['attribution.campaign'])).toBeDefined();
      expect(row?.[2]).toBe(fmt.money(a['attribution.spend']));
      expect(row?.[6]).toBe(fmt.money(a['attribution.attributed_revenue']));
    }
    await screenshot(page, 'attribution-first-touch');
    // Reloading the link keeps the model.
    await page.reload();
    await settled(page);
    expect(await page.getByTestId('model-switcher').inputValue()).toBe('first_touch');
  });
});
