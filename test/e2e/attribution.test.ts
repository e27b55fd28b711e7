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

describe("One deal's journey", () => {
  const MODELS = ['first_touch', 'lead_creation', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'full_path', 'time_decay'];
  const LABELS = ['First touch', 'Lead creation', 'Last touch', 'Linear', 'U-shaped', 'W-shaped', 'Full path', 'Time decay'];
  const credits = (opportunityId: string) =>
    cubeLoad(stack.url, {
      dimensions: ['attribution.touch_id', 'attribution.touch_date', 'attribution.model', 'attribution.deal_name'],
      measures: ['attribution.attributed_opportunities'],
      filters: [{ member: 'attribution.opportunity_id', operator: 'equals', values: [opportunityId] }],
    });

  /** A won deal with the most touches under full path (the model that counts the most touches). */
  async function richDeal(): Promise<string> {
    const rows = await cubeLoad(stack.url, {
      dimensions: ['attribution.opportunity_id', 'attribution.touch_id'],
      measures: ['attribution.attributed_opportunities'],
      filters: [{ member: 'attribution.model', operator: 'equals', values: ['full_path'] }, { member: 'attribution.outcome', operator: 'equals', values: ['won'] }],
    });
    const touches = new Map<string, number>();
    for (const r of rows) touches.set(String(r['attribution.opportunity_id']), (touches.get(String(r['attribution.opportunity_id'])) ?? 0) + 1);
    const [best] = [...touches.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    expect(best?.[1]).toBeGreaterThanOrEqual(3);
    return best?.[0] ?? '';
  }

  it('opens from a link: every touch with each model\'s share as the API answers, milestones, Esc closes', async () => {
    const id = await richDeal();
    const api = await credits(id);
    await page.goto(`${stack.url}/attribution${ALL}&deal=${encodeURIComponent(id)}`);
    const dialog = page.getByTestId('journey');
    await dialog.getByTestId('journey-credit').waitFor();
    expect(await dialog.locator('h2').first().innerText()).toBe(String(api[0]?.['attribution.deal_name']));
    const { headers, rows } = await panelTable(page, 'journey-credit');
    expect(headers).toEqual(['Touch date', 'Touch kind', 'Channel', 'Milestones', ...LABELS]);
    // One row per touch (in time order), one column per model; a model that gives a touch nothing shows 0.0%.
    const touches = [...new Map(api.map((r) => [String(r['attribution.touch_id']), r])).values()].sort((a, b) =>
      String(a['attribution.touch_date']) < String(b['attribution.touch_date']) ? -1 : String(a['attribution.touch_date']) > String(b['attribution.touch_date']) ? 1 : String(a['attribution.touch_id']) < String(b['attribution.touch_id']) ? -1 : 1,
    );
    expect(rows.length).toBe(touches.length);
    touches.forEach((t, i) => {
      const row = rows[i] ?? [];
      expect(row[0]).toBe(String(t['attribution.touch_date']).slice(0, 16).replace('T', ' ').replace(/ 00:00$/, ''));
      MODELS.forEach((model, m) => {
        const share = api.find((r) => r['attribution.touch_id'] === t['attribution.touch_id'] && r['attribution.model'] === model)?.['attribution.attributed_opportunities'] ?? 0;
        expect(row[4 + m], `${String(t['attribution.touch_id'])} ${model}`).toBe(fmt.pct(share));
      });
    });
    await dialog.getByTestId('journey-timeline').locator('canvas').first().waitFor();
    const milestones = await dialog.getByTestId('journey-milestones').locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-milestone')));
    expect(milestones).toEqual(expect.arrayContaining(['first_touch', 'lead_created', 'opportunity_created', 'closed']));
    await screenshot(page, 'deal-journey');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.has('deal')).toBe(false);
  });

  it('opens from the deals behind a channel bar (keyboard), and closes back to that list', async () => {
    await page.goto(`${stack.url}/attribution${ALL}`);
    await settled(page);
    const panel = page.getByTestId('chart-credit-channel');
    await panel.getByRole('button', { name: 'Table', exact: true }).click();
    await panel.getByRole('button', { name: 'Show deals' }).first().click();
    const drill = page.getByTestId('drilldown');
    await drill.getByTestId('drill-count').waitFor();
    const link = drill.locator('tbody a').first();
    const id = await link.innerText();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`deal=${id}`));
    const journey = page.getByTestId('journey');
    await journey.getByTestId('journey-credit').waitFor();
    expect(await journey.getByTestId('journey-summary').innerText()).toContain(id);
    await page.keyboard.press('Escape');
    await journey.waitFor({ state: 'detached' });
    expect(await drill.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await drill.waitFor({ state: 'detached' });
  });

  it('a deal with no touch in its window says so, and its (unattributed) credit is 100% under every model', async () => {
    const [row] = await cubeLoad(stack.url, {
      dimensions: ['attribution.opportunity_id'],
      measures: ['attribution.attributed_opportunities'],
      filters: [{ member: 'attribution.touch_id', operator: 'equals', values: ['(unattributed)'] }, { member: 'attribution.model', operator: 'equals', values: ['linear'] }],
      order: { 'attribution.opportunity_id': 'asc' },
      limit: 1,
    });
    const id = String(row?.['attribution.opportunity_id']);
    await page.goto(`${stack.url}/attribution${ALL}&deal=${encodeURIComponent(id)}`);
    const dialog = page.getByTestId('journey');
    await dialog.getByTestId('journey-empty').waitFor();
    expect(await dialog.getByTestId('journey-empty').innerText()).toContain('(unattributed)');
    const { rows } = await panelTable(page, 'journey-credit');
    expect(rows.map((r) => r.slice(4))).toEqual([MODELS.map(() => '100.0%')]);
  });

  it('an unknown deal id says the link is wrong', async () => {
    await page.goto(`${stack.url}/attribution${ALL}&deal=006-no-such-deal`);
    const empty = page.getByTestId('journey').locator('.panel-empty');
    await empty.waitFor();
    expect(await empty.innerText()).toContain('No deal 006-no-such-deal in the attribution data');
  });
});
