/**
 * The agreement on screen, end to end in headless Chromium: the Agreement page shows what the
 * build used (checked against agreement.yml itself: its sha256 and settings), the Funnel page's
 * goal tiles show the API's answer, and an agreement with another sales SLA, built by the real
 * ETL and served by a second server, changes the rule and the compliance on the SLA page.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../etl/src/build';
import { startServer } from '../../server/src/start-server';
import type { RunningServer } from '../../server/src/start-server';
import { ROOT, cubeLoad, num, screenshot, settled, startStack } from './stack';
import type { Stack } from './stack';

const AGREEMENT_TEXT = readFileSync(join(ROOT, 'agreement.yml'), 'utf8');
// The same agreement with another sales SLA: 8 business hours in London, 16 for Enterprise.
const CHANGED_SLA = AGREEMENT_TEXT.replace(
  /\nsales_sla:\n {2}hours: 24\n([\s\S]*?) {2}hours_type: clock\n {2}time_zone: UTC\n([\s\S]*?) {2}hours_by_segment: \{\}\n/,
  '\nsales_sla:\n  hours: 8\n$1  hours_type: business\n  time_zone: Europe/London\n$2  hours_by_segment:\n    Enterprise: 16\n',
);

let stack: Stack;
let page: Page;
let changedDir: string;
let changed: RunningServer;

beforeAll(async () => {
  if (CHANGED_SLA === AGREEMENT_TEXT) throw new Error('agreement.yml no longer has the default sales_sla this test edits');
  changedDir = mkdtempSync(join(tmpdir(), 'closedloop-e2e-sla-'));
  writeFileSync(join(changedDir, 'agreement.yml'), CHANGED_SLA);
  const [started] = await Promise.all([
    startStack(),
    buildWarehouse({ inputs: [join(ROOT, 'seeds', 'salesforce-marketo'), join(ROOT, 'seeds', 'hubspot')], warehousePath: join(changedDir, 'warehouse.duckdb'), agreementPath: join(changedDir, 'agreement.yml') }),
  ]);
  stack = started;
  changed = await startServer({ warehousePath: join(changedDir, 'warehouse.duckdb'), port: 0, webDist: stack.webDist, production: false, log: () => undefined });
  page = await stack.newPage();
  // Warm both servers up (model compile, first pre-aggregations) before the browser asks.
  for (const url of [stack.url, changed.url]) await cubeLoad(url, { dimensions: ['agreement.section'], limit: 1 });
}, 600_000);

afterAll(async () => {
  await changed?.close();
  await stack?.close();
  if (changedDir) rmSync(changedDir, { recursive: true, force: true });
});

async function open(base: string, path: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await settled(page);
}

describe('Agreement page', () => {
  it('shows the agreement the build used: its hash, SLA, switches, goals and mappings', async () => {
    await open(stack.url, '/agreement');
    await expect.poll(() => page.getByTestId('agreement-hash').innerText()).toBe(createHash('sha256').update(AGREEMENT_TEXT).digest('hex'));
    expect(await page.getByTestId('agreement-sla-rule').innerText()).toBe('Sales makes the first touch within 24 clock hours of handoff.');
    expect(await page.getByTestId('agreement-sql-definition').innerText()).toMatch(/^opportunity: A lead is an SQL when it converts to an opportunity/);
    const goals = await page.getByTestId('agreement-goals').locator('table').first().locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)));
    expect(goals).toEqual([
      ['2026-Q1', 'All / All', '$1,500,000'],
      ['2026-Q2', 'All / All', '$1,500,000'],
      ['2026-Q3', 'All / All', '$1,500,000'],
      ['2026-Q4', 'All / All', '$1,800,000'],
    ]);
    const channels = await page.getByTestId('agreement-channels').locator('tbody tr').count();
    expect(channels).toBe(10); // the ten channels of agreement.yml
    await expect.poll(() => page.locator('#definition-funnel-mql_to_sql_rate').innerText()).toContain('SQLs divided by MQLs');
    await screenshot(page, 'agreement');
  });

  it('is in the navigation and reachable from the keyboard', async () => {
    await open(stack.url, '/');
    await page.getByRole('link', { name: 'Agreement', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/agreement$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Agreement');
  });
});

describe('Funnel page goal tiles', () => {
  it('show the current period’s pacing and reverse funnel as the API answers them', async () => {
    await open(stack.url, '/');
    const [row] = await cubeLoad(stack.url, {
      dimensions: ['goals.period'],
      measures: ['goals.goal_pace', 'goals.wins_needed', 'goals.sqls_needed', 'goals.mqls_needed', 'goals.committed_mqls'],
      filters: [{ member: 'goals.period_status', operator: 'equals', values: ['current'] }],
    });
    expect(row?.['goals.period']).toBe('2026-Q4');
    const pct = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect(await page.getByTestId('goal-pace-value').innerText()).toBe(pct.format(num(row?.['goals.goal_pace'])));
    const n = (m: string) => num(row?.[m]).toLocaleString('en-US');
    expect(await page.getByTestId('goal-reverse-funnel-value').innerText()).toBe(`${n('goals.wins_needed')} · ${n('goals.sqls_needed')} · ${n('goals.mqls_needed')}`);
    expect(await page.getByTestId('goal-committed-value').innerText()).toBe('450'); // 150 a month (60 + 30 + 60) × 3
  });
});

describe('cohort or period', () => {
  it('the Funnel page toggle switches the monthly trend to period counts, in the URL, labelled', async () => {
    await open(stack.url, '/?from=2026-05-01&to=2026-10-31');
    await page.getByTestId('count-basis').getByRole('button', { name: 'Period' }).click();
    await page.waitForURL(/count=period/);
    await settled(page);
    const panel = page.getByTestId('chart-trend-period');
    expect(await panel.locator('.panel-title').innerText()).toBe('Monthly trend · each stage in its own period');
    await panel.getByRole('button', { name: 'Table', exact: true }).click();
    const rows = await panel.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())));
    const api = await cubeLoad(stack.url, {
      measures: ['funnel_period.sql_count'],
      timeDimensions: [{ dimension: 'funnel_period.entered_date', granularity: 'month', dateRange: ['2026-05-01', '2026-10-31'] }],
    });
    // Column 4 is SQLs (month, MQLs, MQL events, SQLs, won, re-MQLs; titles from the model).
    expect(rows.map((r) => Number((r[3] ?? '').replace(/,/g, '')))).toEqual(api.map((r) => num(r['funnel_period.sql_count'])));
    expect(rows).toHaveLength(6);
  });
});

describe('a changed sales SLA', () => {
  async function compliance(base: string): Promise<string> {
    await open(base, '/sla');
    return page.getByTestId('sla-compliance-value').innerText();
  }

  it('is stated on the SLA page, and changes compliance', async () => {
    const before = await compliance(stack.url);
    expect(await page.getByTestId('sla-rule-text').innerText()).toContain('Sales makes the first touch within 24 clock hours of handoff.');
    const after = await compliance(changed.url);
    expect(await page.getByTestId('sla-rule-text').innerText()).toContain(
      'Sales makes the first touch within 8 business hours (09:00–17:00 mon, tue, wed, thu, fri, Europe/London) of handoff (Enterprise: 16 business hours).',
    );
    expect(after).not.toBe(before);
    await screenshot(page, 'sla-changed-agreement');
  });
});
