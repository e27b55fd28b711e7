/**
 * Explore end to end, in headless Chromium over the warehouse built from seeds/ and the real
 * server: what the page shows is compared with Cube's REST answer for the same query over plain
 * HTTP (formatted here with Intl, not with the dashboard's code); the query round-trips through
 * the URL; and a measure added to a copy of model/ appears in Explore with no code change.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startServer } from '../../server/src/start-server';
import type { RunningServer } from '../../server/src/start-server';
import { ROOT, cubeLoad, fmt, panelTable, screenshot, startStack } from './stack';
import type { Stack } from './stack';

let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  page = await stack.newPage();
});

afterAll(async () => {
  await stack?.close();
});

/** Waits for the result panel to show data (no skeleton), then shows its table. */
async function resultTable(p: Page): Promise<{ headers: string[]; rows: string[][] }> {
  const panel = p.getByTestId('explore-result');
  await panel.getByRole('button', { name: 'Table', exact: true }).or(panel.getByRole('button', { name: /Export .* as CSV/ })).first().waitFor({ timeout: 120_000 });
  const toggle = panel.getByRole('button', { name: 'Table', exact: true });
  if (await toggle.count()) await toggle.click();
  await panel.locator('tbody tr').first().waitFor();
  return panelTable(p, 'explore-result');
}

const sorted = (rows: string[][]) => [...rows].sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));

describe('Explore', () => {
  it('pick a view, a measure and a dimension: the table is the REST answer, and the query is in the URL', async () => {
    await page.goto(`${stack.url}/explore`);
    // The first request of a fresh server may wait for Cube to warm up.
    await page.getByTestId('explore-view').waitFor({ timeout: 120_000 });
    await page.getByTestId('explore-view').selectOption('funnel');
    await page.getByTestId('explore-measures').getByLabel('MQLs', { exact: true }).check();
    await page.getByTestId('explore-dimensions').getByLabel('Channel', { exact: true }).check();
    const shown = await resultTable(page);

    const rest = await cubeLoad(stack.url, { measures: ['funnel.mql_count'], dimensions: ['funnel.channel'] });
    expect(rest.length).toBeGreaterThan(2);
    expect(shown.headers).toEqual(['Channel', 'MQLs']);
    expect(sorted(shown.rows)).toEqual(sorted(rest.map((r) => [String(r['funnel.channel']), fmt.int(r['funnel.mql_count'])])));
    await screenshot(page, 'explore');

    const url = new URL(page.url());
    expect(url.pathname).toBe('/explore');
    expect(url.searchParams.get('view')).toBe('funnel');
    expect(JSON.parse(url.searchParams.get('q') ?? '{}')).toEqual({ measures: ['funnel.mql_count'], dimensions: ['funnel.channel'] });

    // The link reproduces the query in a fresh page.
    const other = await stack.newPage();
    try {
      await other.goto(url.toString());
      expect(await other.getByTestId('explore-measures').getByLabel('MQLs', { exact: true }).isChecked()).toBe(true);
      expect(sorted((await resultTable(other)).rows)).toEqual(sorted(shown.rows));
    } finally {
      await other.close();
    }
  });

  it('a single measure is a number; a time dimension by month is a line over months, equal to REST', async () => {
    const query = { measures: ['funnel.won_amount'] };
    await page.goto(`${stack.url}/explore?view=funnel&q=${encodeURIComponent(JSON.stringify(query))}`);
    const [total] = await cubeLoad(stack.url, query);
    await expect.poll(() => page.getByTestId('explore-number').locator('.tile-value').innerText()).toBe(fmt.money(total?.['funnel.won_amount']));

    // Six whole months ending with the data's as-of month.
    const [fresh] = await cubeLoad(stack.url, { dimensions: ['freshness.as_of'] });
    const asOf = new Date(`${String(fresh?.['freshness.as_of']).slice(0, 10)}T00:00:00Z`);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const range = [iso(new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - 5, 1))), iso(new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() + 1, 0)))];
    const byMonth = { measures: ['funnel.mql_count', 'funnel.acceptance_rate'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month', dateRange: range }] };
    await page.goto(`${stack.url}/explore?view=funnel&q=${encodeURIComponent(JSON.stringify(byMonth))}`);
    await page.getByTestId('explore-result').locator('canvas').first().waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'explore-line');
    const shown = await resultTable(page);
    const rest = await cubeLoad(stack.url, byMonth);
    const month = (v: unknown) => new Date(String(v).slice(0, 10) + 'T00:00:00Z').toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(shown.headers).toEqual(['MQL date (month)', 'MQLs', 'Acceptance rate']);
    expect(shown.rows.map((r) => r.slice(1))).toEqual(rest.map((r) => [fmt.int(r['funnel.mql_count']), r['funnel.acceptance_rate'] === null ? '—' : fmt.pct(r['funnel.acceptance_rate'])]));
    expect(rest.length).toBe(6);
    expect(shown.rows.length).toBe(rest.length);
    expect(shown.rows[0]?.[0]).toContain(month(rest[0]?.['funnel.mql_date.month']).split(' ')[1]);
  });

  it('filters apply like the REST filter', async () => {
    const query = { measures: ['funnel.lead_count'], dimensions: ['funnel.segment'], filters: [{ member: 'funnel.channel', operator: 'equals', values: ['Paid Search'] }] };
    await page.goto(`${stack.url}/explore?view=funnel&q=${encodeURIComponent(JSON.stringify(query))}`);
    await expect.poll(() => page.getByTestId('explore-filters').innerText()).toContain('Paid Search');
    const shown = await resultTable(page);
    const rest = await cubeLoad(stack.url, query);
    expect(sorted(shown.rows)).toEqual(sorted(rest.map((r) => [String(r['funnel.segment']), fmt.int(r['funnel.lead_count'])])));
  });

  it('an unreadable link says so and keeps the page usable', async () => {
    await page.goto(`${stack.url}/explore?q=%7Bnot-json`);
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain("This link's query cannot be read");
    // The view picker still comes up once the model is read.
    await page.getByTestId('explore-view').waitFor();
    expect(await page.getByRole('alert').first().innerText()).toContain("This link's query cannot be read");
  });

  it('respects the token: a regional token sees its own rows, and company-wide views answer 403 with the reason', async () => {
    const secret = 'closedloop-explore-secret';
    const prod = await startServer({ warehousePath: stack.warehousePath, port: 0, webDist: stack.webDist, production: true, apiSecret: secret, log: () => undefined });
    const tab = await stack.newPage();
    try {
      const token = jwt.sign({ region: 'EMEA' }, secret, { algorithm: 'HS256', expiresIn: '1h' });
      const query = { measures: ['funnel.lead_count'], dimensions: ['funnel.region'] };
      await tab.goto(`${prod.url}/explore?view=funnel&q=${encodeURIComponent(JSON.stringify(query))}&token=${token}`);
      const shown = await resultTable(tab);
      const [emea] = await cubeLoad(stack.url, { measures: ['funnel.lead_count'], filters: [{ member: 'funnel.region', operator: 'equals', values: ['EMEA'] }] });
      expect(shown.rows).toEqual([['EMEA', fmt.int(emea?.['funnel.lead_count'])]]);

      await tab.goto(`${prod.url}/explore?view=marketing_sla&q=${encodeURIComponent(JSON.stringify({ measures: ['marketing_sla.committed_mqls'] }))}`);
      const error = tab.getByTestId('explore-result').locator('.panel-error-message');
      await error.waitFor({ timeout: 120_000 });
      expect(await error.innerText()).toContain('company-wide data, not available to a token restricted to region EMEA');
    } finally {
      await tab.close();
      await prod.close();
    }
  });

  describe('a measure added to the model', () => {
    let dir: string;
    let server: RunningServer;
    beforeAll(async () => {
      // A copy of model/ with one more measure in the leads cube and the funnel view: no code change.
      dir = mkdtempSync(join(tmpdir(), 'closedloop-explore-model-'));
      cpSync(join(ROOT, 'model'), join(dir, 'model'), { recursive: true });
      const cubeFile = join(dir, 'model', 'cubes', 'funnel', 'leads.yml');
      const cube = parse(readFileSync(cubeFile, 'utf8')) as { cubes: { measures: unknown[] }[] };
      cube.cubes[0]?.measures.push({
        name: 'handed_off_count',
        type: 'count',
        title: 'Handed-off leads',
        description: 'Leads passed to sales (added by the Explore test).',
        format: 'number',
        filters: [{ sql: '{CUBE}.handoff_at IS NOT NULL' }],
      });
      writeFileSync(cubeFile, stringify(cube));
      const viewFile = join(dir, 'model', 'views', 'funnel.yml');
      const view = parse(readFileSync(viewFile, 'utf8')) as { views: { cubes: { includes: unknown[] }[] }[] };
      view.views[0]?.cubes[0]?.includes.push('handed_off_count');
      writeFileSync(viewFile, stringify(view));
      server = await startServer({ warehousePath: stack.warehousePath, port: 0, webDist: stack.webDist, production: false, modelPath: join(dir, 'model'), log: () => undefined });
    });
    afterAll(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('appears in Explore with its title and description, and its numbers are the REST answer', async () => {
      await page.goto(`${server.url}/explore`);
      await page.getByTestId('explore-view').waitFor({ timeout: 120_000 });
      await page.getByTestId('explore-view').selectOption('funnel');
      const checkbox = page.getByTestId('explore-measures').getByLabel('Handed-off leads', { exact: true });
      expect(await page.getByTestId('explore-measures').locator('label', { hasText: 'Handed-off leads' }).getAttribute('title')).toBe('Leads passed to sales (added by the Explore test).');
      await checkbox.check();
      await page.getByTestId('explore-dimensions').getByLabel('Region', { exact: true }).check();
      const shown = await resultTable(page);
      const rest = await cubeLoad(server.url, { measures: ['funnel.handed_off_count'], dimensions: ['funnel.region'] });
      // Independent check of the new measure: plain count of handed-off leads per region from REST's own lead counts is not
      // available, so compare with the same question asked through an existing member's filter.
      const viaFilter = await cubeLoad(server.url, { measures: ['funnel.lead_count'], dimensions: ['funnel.region'], filters: [{ member: 'funnel.handoff_date', operator: 'set' }] });
      expect(sorted(rest.map((r) => [String(r['funnel.region']), fmt.int(r['funnel.handed_off_count'])]))).toEqual(sorted(viaFilter.map((r) => [String(r['funnel.region']), fmt.int(r['funnel.lead_count'])])));
      expect(shown.headers).toEqual(['Region', 'Handed-off leads']);
      expect(sorted(shown.rows)).toEqual(sorted(rest.map((r) => [String(r['funnel.region']), fmt.int(r['funnel.handed_off_count'])])));
      await screenshot(page, 'explore-new-measure');
    });
  });
});
