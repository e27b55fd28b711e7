/**
 * One vocabulary end to end, in headless Chromium over the seeds' warehouse: the systems' codes
 * become the agreement's words on screen. Expected numbers come from Cube's REST API over plain
 * HTTP grouped by the raw, as-exported values (not by the mapping under test), formatted with Intl.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../etl/src/build';
import { startServer } from '../../server/src/start-server';
import { ROOT, cubeLoad, fmt, num, panelTable, screenshot, settled, startStack } from './stack';
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

const ALL = '?range=all';
const rejected = { member: 'funnel.rejected_count', operator: 'gt', values: ['0'] };

async function open(path: string): Promise<void> {
  await page.goto(`${stack.url}${path}${ALL}`);
  await settled(page);
}

async function showTable(testId: string): Promise<void> {
  await page.getByTestId(testId).getByRole('button', { name: 'Table', exact: true }).click();
}

describe('one vocabulary', () => {
  it('the rejection chart has one "Bad timing" bar: Salesforce "Bad timing" and HubSpot "BAD_TIMING" summed', async () => {
    const raw = await cubeLoad(stack.url, { measures: ['funnel.rejected_count'], dimensions: ['funnel.rejection_reason_system', 'funnel.rejection_reason_raw'], filters: [rejected] });
    const count = (system: string, reason: string) =>
      num(raw.find((r) => r['funnel.rejection_reason_system'] === system && r['funnel.rejection_reason_raw'] === reason)?.['funnel.rejected_count'] ?? 0);
    const salesforce = count('salesforce', 'Bad timing');
    const hubspot = count('hubspot', 'BAD_TIMING');
    expect(salesforce).toBeGreaterThan(0);
    expect(hubspot).toBeGreaterThan(0);

    await open('/lead-quality');
    await screenshot(page, 'lead-quality-vocabulary');
    await showTable('chart-rejection-reasons');
    const { rows } = await panelTable(page, 'chart-rejection-reasons');
    expect(rows.filter((r) => /bad.?timing/i.test(r[0] ?? ''))).toEqual([['Bad timing', fmt.int(salesforce + hubspot)]]);
    // No raw system code is left on the chart.
    expect(rows.map((r) => r[0]).filter((reason) => /^[A-Z_]+$/.test(reason ?? ''))).toEqual([]);
    // Every reason the seeds hold is mapped: no "Other (unmapped)" and no note about it.
    expect(rows.map((r) => r[0])).not.toContain('Other (unmapped)');
    expect(await page.getByTestId('unmapped-reasons').count()).toBe(0);
  });

  it('the leads behind "Bad timing" show name and company, each linked to its CRM record in a new tab', async () => {
    const leads = await cubeLoad(stack.url, {
      dimensions: ['funnel.lead_id', 'funnel.full_name', 'funnel.company', 'funnel.crm_url'],
      filters: [{ member: 'funnel.rejection_reason_raw', operator: 'equals', values: ['Bad timing', 'BAD_TIMING'] }],
      limit: 50000,
    });
    const panel = page.getByTestId('chart-rejection-reasons');
    await panel.getByRole('row').filter({ hasText: 'Bad timing' }).getByRole('button').click();
    const dialog = page.getByTestId('drilldown');
    await dialog.getByTestId('drill-count').waitFor();
    expect(await dialog.getByTestId('drill-count').innerText()).toBe(`${fmt.int(leads.length)} rows`);
    const body = await dialog.locator('tbody').innerText();
    expect(body).not.toContain('email:');

    const links = await dialog.locator('tbody a').evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })));
    const shown = await dialog.locator('tbody tr').count();
    expect(links.length).toBe(shown);
    const byUrl = new Map(leads.map((l) => [String(l['funnel.crm_url']), l]));
    for (const link of links) {
      expect(link.href).toMatch(/^https:\/\/(closedloop-demo\.my\.salesforce\.com\/lightning\/r\/Lead\/00Q\w+\/view|app\.hubspot\.com\/contacts\/24681357\/record\/0-1\/\d+)$/);
      expect(link).toMatchObject({ target: '_blank', rel: 'noopener noreferrer' });
      const lead = byUrl.get(String(link.href));
      expect(lead, String(link.href)).toBeDefined();
      expect(link.text).toBe(String(lead?.['funnel.full_name'] ?? '—'));
    }
    const headers = (await dialog.locator('thead th').allInnerTexts()).map((t) => t.replace(/[▲▼↕]/g, '').trim());
    expect(headers.slice(0, 2)).toEqual(['Name', 'Company']);
    expect(headers).not.toContain('Lead ID');
    await screenshot(page, 'drilldown-crm-links');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('closed-loop revenue says what it groups by: channel by default, original source one click away', async () => {
    const won = { member: 'funnel.won_count', operator: 'gt', values: ['0'] };
    const [byChannel, bySource] = await Promise.all([
      cubeLoad(stack.url, { measures: ['funnel.won_amount'], dimensions: ['funnel.channel'], filters: [won] }),
      cubeLoad(stack.url, { measures: ['funnel.won_amount'], dimensions: ['funnel.original_source'], filters: [won] }),
    ]);
    const amount = (rows: typeof byChannel, dim: string, value: string) => fmt.money(rows.find((r) => r[dim] === value)?.['funnel.won_amount'] ?? 0);

    await open('/lead-quality');
    const panel = page.getByTestId('chart-revenue-source');
    expect(await panel.locator('.panel-title').innerText()).toBe('Closed-loop revenue by channel');
    await showTable('chart-revenue-source');
    let table = await panelTable(page, 'chart-revenue-source');
    expect(table.headers[0]).toBe('Channel');
    expect(table.rows.find((r) => r[0] === 'Direct')?.[1]).toBe(amount(byChannel, 'funnel.channel', 'Direct'));

    await panel.getByRole('radio', { name: 'Original source' }).click();
    await expect.poll(() => panel.locator('.panel-title').innerText()).toBe('Closed-loop revenue by original source');
    await settled(page);
    table = await panelTable(page, 'chart-revenue-source');
    expect(table.headers[0]).toBe('Original source');
    const direct = table.rows.find((r) => r[0] === 'Direct');
    if (direct) expect(direct[1]).toBe(amount(bySource, 'funnel.original_source', 'Direct'));
    await screenshot(page, 'revenue-by-original-source');
  });
});

describe('a rejection reason the agreement does not map', () => {
  it('shows as a grey "Other (unmapped)" bar with a note naming the code and its count', async () => {
    // The repository's agreement without HubSpot's BAD_TIMING: that code is no longer mapped.
    const dir = mkdtempSync(join(tmpdir(), 'closedloop-e2e-unmapped-'));
    const agreementPath = join(dir, 'agreement.yml');
    const text = readFileSync(join(ROOT, 'agreement.yml'), 'utf8');
    expect(text).toContain('    BAD_TIMING: Bad timing\n');
    writeFileSync(agreementPath, text.replace('    BAD_TIMING: Bad timing\n', ''));
    const warehousePath = join(dir, 'warehouse.duckdb');
    const report = await buildWarehouse({ inputs: [join(ROOT, 'seeds', 'salesforce-marketo'), join(ROOT, 'seeds', 'hubspot')], warehousePath, agreementPath });
    expect(report.warnings.filter((w) => w.includes('Other (unmapped)'))).toEqual([
      expect.stringMatching(/^1 rejection reason grouped as "Other \(unmapped\)" \(\d+ leads\): hubspot "BAD_TIMING" \(\d+\); map them under rejection_reasons/),
    ]);
    const server = await startServer({ warehousePath, port: 0, webDist: stack.webDist, production: false, log: () => undefined });
    const tab = await stack.newPage();
    try {
      const raw = await cubeLoad(server.url, { measures: ['funnel.rejected_count'], dimensions: ['funnel.rejection_reason_system', 'funnel.rejection_reason_raw'], filters: [rejected] });
      const hubspot = num(raw.find((r) => r['funnel.rejection_reason_system'] === 'hubspot' && r['funnel.rejection_reason_raw'] === 'BAD_TIMING')?.['funnel.rejected_count'] ?? 0);
      const salesforce = num(raw.find((r) => r['funnel.rejection_reason_system'] === 'salesforce' && r['funnel.rejection_reason_raw'] === 'Bad timing')?.['funnel.rejected_count'] ?? 0);
      expect(hubspot).toBeGreaterThan(0);

      await tab.goto(`${server.url}/lead-quality${ALL}`);
      await settled(tab);
      const note = tab.getByTestId('unmapped-reasons');
      await note.waitFor();
      expect(await note.innerText()).toBe(`⚠ Other (unmapped) holds reasons the agreement does not map: hubspot "BAD_TIMING" (${fmt.int(hubspot)}). Map them under rejection_reasons in agreement.yml.`);
      await screenshot(tab, 'rejections-unmapped');
      await tab.getByTestId('chart-rejection-reasons').getByRole('button', { name: 'Table', exact: true }).click();
      const { rows } = await panelTable(tab, 'chart-rejection-reasons');
      expect(rows.find((r) => r[0] === 'Other (unmapped)')).toEqual(['Other (unmapped)', fmt.int(hubspot)]);
      expect(rows.find((r) => r[0] === 'Bad timing')).toEqual(['Bad timing', fmt.int(salesforce)]);
    } finally {
      await tab.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
