/**
 * The dashboard end to end, in headless Chromium, over the warehouse built from seeds/ and the
 * real server. Every number checked on screen is compared with Cube's REST API answering the
 * same query over plain HTTP, formatted here with Intl (not with the dashboard's code).
 */
import { readFileSync } from 'node:fs';
import jwt from 'jsonwebtoken';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/start-server';
import { cubeLoad, fmt, num, panelTable, screenshot, settled, startStack } from './stack';
import type { Row, Stack } from './stack';

let stack: Stack;
let page: Page;
/** Six whole months ending with the data's latest month, and the query string that selects them. */
let range: [string, string];
let search: string;

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  stack = await startStack();
  page = await stack.newPage();
  const [latest] = await cubeLoad(stack.url, {
    measures: ['funnel.lead_count'],
    timeDimensions: [{ dimension: 'funnel.created_date', granularity: 'month' }],
    order: { 'funnel.created_date': 'desc' },
    limit: 1,
  });
  const month = new Date(`${String(latest?.['funnel.created_date.month']).slice(0, 10)}T00:00:00Z`);
  range = [iso(new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() - 5, 1))), iso(new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)))];
  search = `?from=${range[0]}&to=${range[1]}`;
});

afterAll(async () => {
  await stack?.close();
});

const mqlCohort = () => [{ dimension: 'funnel.mql_date', dateRange: range }];
const handoff = () => [{ dimension: 'funnel.handoff_date', dateRange: range }];
const sortRows = (rows: string[][]) => [...rows].sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));

async function open(path: string, query = search): Promise<void> {
  await page.goto(`${stack.url}${path}${query}`);
  await settled(page);
}

async function showTable(testId: string): Promise<void> {
  await page.getByTestId(testId).getByRole('button', { name: 'Table', exact: true }).click();
}

describe('funnel page', () => {
  it('headline tiles show the API answer for the period', async () => {
    await open('/');
    await screenshot(page, 'funnel');
    const [row] = await cubeLoad(stack.url, {
      measures: ['funnel.mql_count', 'funnel.acceptance_rate', 'funnel.mql_to_sql_rate', 'funnel.close_rate', 'funnel.sla_compliance_rate', 'funnel.won_amount'],
      timeDimensions: mqlCohort(),
    });
    const cases = [
      { tile: 'mqls', expected: fmt.int(row?.['funnel.mql_count']) },
      { tile: 'acceptance', expected: fmt.pct(row?.['funnel.acceptance_rate']) },
      { tile: 'mql-to-sql', expected: fmt.pct(row?.['funnel.mql_to_sql_rate']) },
      { tile: 'close-rate', expected: fmt.pct(row?.['funnel.close_rate']) },
      { tile: 'sla', expected: fmt.pct(row?.['funnel.sla_compliance_rate']) },
      { tile: 'won-amount', expected: fmt.moneyCompact(row?.['funnel.won_amount']) },
    ];
    for (const c of cases) expect({ tile: c.tile, shown: await page.getByTestId(`tile-${c.tile}-value`).innerText() }).toEqual({ tile: c.tile, shown: c.expected });
  });

  it('tiles compare with the previous period (compareDateRange)', async () => {
    const text = await page.getByTestId('tile-mqls').innerText();
    expect(text).toMatch(/vs \d+ \w+ \d{4} – \d+ \w+ \d{4}/);
  });
});

interface PanelCase {
  readonly name: string;
  readonly path: string;
  readonly panel: string;
  readonly query: () => unknown;
  /** API rows → the table rows the panel should show (first columns only). */
  readonly expected: (rows: Row[]) => string[][];
  readonly columns: number;
}

const panelCases: PanelCase[] = [
  {
    name: 'funnel stages',
    path: '/',
    panel: 'chart-funnel',
    query: () => ({ measures: ['funnel.mql_count', 'funnel.sal_count', 'funnel.sql_count', 'funnel.opportunity_count', 'funnel.won_count'], timeDimensions: mqlCohort() }),
    expected: ([r]) => [
      ['MQL', fmt.int(r?.['funnel.mql_count'])],
      ['SAL', fmt.int(r?.['funnel.sal_count'])],
      ['SQL', fmt.int(r?.['funnel.sql_count'])],
      ['Opportunity', fmt.int(r?.['funnel.opportunity_count'])],
      ['Won', fmt.int(r?.['funnel.won_count'])],
    ],
    columns: 2,
  },
  {
    name: 'monthly trend',
    path: '/',
    panel: 'chart-trend',
    query: () => ({ measures: ['funnel.mql_count', 'funnel.sql_count', 'funnel.won_count'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month', dateRange: range }], order: { 'funnel.mql_date': 'asc' } }),
    expected: (rows) =>
      rows.map((r) => {
        const d = new Date(String(r['funnel.mql_date.month']).slice(0, 10) + 'T00:00:00Z');
        return [d.toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }), fmt.int(r['funnel.mql_count']), fmt.int(r['funnel.sql_count']), fmt.int(r['funnel.won_count'])];
      }),
    columns: 4,
  },
  {
    name: 'by channel',
    path: '/',
    panel: 'chart-by-channel',
    query: () => ({ measures: ['funnel.mql_count', 'funnel.sql_count', 'funnel.won_count', 'funnel.won_amount'], dimensions: ['funnel.channel'], timeDimensions: mqlCohort(), filters: [{ member: 'funnel.mql_count', operator: 'gt', values: ['0'] }] }),
    expected: (rows) => sortRows(rows.map((r) => [String(r['funnel.channel']), fmt.int(r['funnel.mql_count']), fmt.int(r['funnel.sql_count']), fmt.int(r['funnel.won_count'])])),
    columns: 4,
  },
  {
    name: 'SLA by team',
    path: '/sla',
    panel: 'chart-sla-team',
    query: () => ({
      measures: ['funnel.sla_compliance_rate', 'funnel.sla_met_count', 'funnel.sla_breached_count', 'funnel.sla_pending_count'],
      dimensions: ['funnel.team'],
      timeDimensions: handoff(),
      filters: [{ member: 'funnel.sla_status', operator: 'set' }],
    }),
    expected: (rows) => sortRows(rows.map((r) => [String(r['funnel.team']), fmt.pct(r['funnel.sla_compliance_rate']), fmt.int(r['funnel.sla_met_count']), fmt.int(r['funnel.sla_breached_count']), fmt.int(r['funnel.sla_pending_count'])])),
    columns: 5,
  },
  {
    name: 'marketing SLA by segment',
    path: '/sla',
    panel: 'chart-marketing-segment',
    query: () => ({ measures: ['marketing_sla.committed_mqls', 'marketing_sla.delivered_mqls', 'marketing_sla.attainment'], dimensions: ['marketing_sla.segment'], timeDimensions: [{ dimension: 'marketing_sla.month', dateRange: range }] }),
    expected: (rows) => sortRows(rows.map((r) => [String(r['marketing_sla.segment']), fmt.int(r['marketing_sla.committed_mqls']), fmt.int(r['marketing_sla.delivered_mqls']), r['marketing_sla.attainment'] === null ? '—' : fmt.pct(r['marketing_sla.attainment'])])),
    columns: 4,
  },
  {
    name: 'rejected leads by reason',
    path: '/lead-quality',
    panel: 'chart-rejection-reasons',
    query: () => ({ measures: ['funnel.rejected_count'], dimensions: ['funnel.rejection_reason'], timeDimensions: mqlCohort(), filters: [{ member: 'funnel.rejected_count', operator: 'gt', values: ['0'] }] }),
    expected: (rows) => sortRows(rows.map((r) => [r['funnel.rejection_reason'] === null ? '(none)' : String(r['funnel.rejection_reason']), fmt.int(r['funnel.rejected_count'])])),
    columns: 2,
  },
  {
    name: 'closed-loop revenue by campaign',
    path: '/lead-quality',
    panel: 'chart-revenue-campaign',
    query: () => ({
      measures: ['funnel.won_amount', 'funnel.won_count'],
      dimensions: ['funnel.campaign'],
      timeDimensions: mqlCohort(),
      filters: [{ member: 'funnel.won_count', operator: 'gt', values: ['0'] }],
      order: { 'funnel.won_amount': 'desc', 'funnel.campaign': 'asc' },
      limit: 15,
    }),
    expected: (rows) => sortRows(rows.map((r) => [String(r['funnel.campaign']), fmt.money(r['funnel.won_amount']), fmt.int(r['funnel.won_count'])])),
    columns: 3,
  },
  {
    name: 'leaks by kind',
    path: '/velocity',
    panel: 'chart-leaks',
    query: () => ({ measures: ['leakage.leak_row_count'], dimensions: ['leakage.kind'], timeDimensions: [{ dimension: 'leakage.mql_date', dateRange: range }] }),
    expected: (rows) => sortRows(rows.map((r) => [String(r['leakage.kind']), fmt.int(r['leakage.leak_row_count'])])),
    columns: 3,
  },
  {
    name: 'quarantined rows by file and reason',
    path: '/velocity',
    panel: 'chart-quarantine',
    query: () => ({ measures: ['quarantine.rejected_row_count'], dimensions: ['quarantine.file', 'quarantine.reason'] }),
    expected: (rows) => sortRows(rows.map((r) => [`${String(r['quarantine.file'])}|${String(r['quarantine.reason'])}`, fmt.int(r['quarantine.rejected_row_count'])])),
    columns: 3,
  },
];

describe('each page shows the API answer (table view of each chart)', () => {
  for (const c of panelCases) {
    it(`${c.path} ${c.name}`, async () => {
      if (page.url() !== `${stack.url}${c.path}${search}`) await open(c.path);
      const expected = c.expected(await cubeLoad(stack.url, c.query()));
      await showTable(c.panel);
      const { rows } = await panelTable(page, c.panel);
      let shown = rows.map((r) => r.slice(0, c.columns));
      if (c.panel === 'chart-leaks') shown = sortRows(shown.map((r) => [r[1] ?? '', r[2] ?? '']));
      else if (c.panel === 'chart-quarantine') shown = sortRows(shown.map((r) => [`${r[0]}|${r[1]}`, r[2] ?? '']));
      else if (c.panel !== 'chart-funnel' && c.panel !== 'chart-trend') shown = sortRows(shown);
      expect(shown).toEqual(expected);
    });
  }

  it('no panel on any page is in the error state', async () => {
    for (const path of ['/', '/sla', '/lead-quality', '/velocity']) {
      await open(path);
      await screenshot(page, `page${path === '/' ? '-funnel' : path.replaceAll('/', '-')}`);
      const errors = await page.locator('.panel-error').allInnerTexts();
      expect({ path, errors }).toEqual({ path, errors: [] });
    }
  });
});

describe('filters', () => {
  it('a channel filter goes into the URL and changes the numbers', async () => {
    await open('/');
    const channels = await cubeLoad(stack.url, { measures: ['funnel.mql_count'], dimensions: ['funnel.channel'], timeDimensions: mqlCohort(), order: { 'funnel.mql_count': 'desc' } });
    const channel = String(channels[0]?.['funnel.channel']);
    const before = await page.getByTestId('tile-mqls-value').innerText();
    await page.getByTestId('filter-channel').locator('summary').click();
    // A click, not check(): the box mirrors the URL, which the router updates in a transition,
    // so right after the click it may still show the old state (check() then fails at once).
    await page.getByTestId('filter-channel').getByLabel(channel, { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.getAll('channel').includes(channel));
    await expect.poll(() => page.getByTestId('filter-channel').getByLabel(channel, { exact: true }).isChecked()).toBe(true);
    await settled(page);
    const [row] = await cubeLoad(stack.url, { measures: ['funnel.mql_count'], timeDimensions: mqlCohort(), filters: [{ member: 'funnel.channel', operator: 'equals', values: [channel] }] });
    await expect.poll(() => page.getByTestId('tile-mqls-value').innerText()).toBe(fmt.int(row?.['funnel.mql_count']));
    expect(fmt.int(row?.['funnel.mql_count'])).not.toBe(before);
    await screenshot(page, 'funnel-filtered');

    // The link reproduces the view.
    const link = page.url();
    const other = await stack.newPage();
    await other.goto(link);
    await settled(other);
    expect(await other.getByTestId('tile-mqls-value').innerText()).toBe(fmt.int(row?.['funnel.mql_count']));
    await other.close();
  });

  it('a period with no data says so instead of drawing empty charts', async () => {
    await open('/', '?from=2001-01-01&to=2001-01-31');
    await screenshot(page, 'funnel-empty');
    for (const panel of ['chart-funnel', 'chart-trend', 'chart-by-channel', 'chart-by-campaign']) {
      expect(await page.getByTestId(panel).locator('.panel-empty').innerText()).toMatch(/No data for these filters/);
    }
    for (const tile of ['mqls', 'acceptance', 'won-amount']) expect(await page.getByTestId(`tile-${tile}-value`).innerText()).toBe('—');
  });

  it('an error shows the message and Retry recovers', async () => {
    let failed = 0;
    await page.route('**/cubejs-api/v1/load**', async (route) => {
      const query = decodeURIComponent(route.request().url());
      if (query.includes('"granularity":"month"') && query.includes('funnel.sql_count') && failed < 5) {
        failed += 1;
        await route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'Simulated: Cube is unreachable' }) });
      } else {
        await route.continue();
      }
    });
    await page.goto(`${stack.url}/${search}&region=__e2e_error__`);
    await page.getByTestId('chart-trend').locator('.panel-error').waitFor();
    expect(await page.getByTestId('chart-trend').locator('.panel-error-message').innerText()).toContain('Simulated: Cube is unreachable');
    await screenshot(page, 'funnel-error');
    await page.unroute('**/cubejs-api/v1/load**');
    await page.getByTestId('chart-trend').getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('chart-trend').locator('.panel-empty, [data-testid="echart"]').first().waitFor();
    expect(await page.getByTestId('chart-trend').locator('.panel-error').count()).toBe(0);
  });
});

describe('drill-down and export', () => {
  it('a tile lists the leads behind it; the table sorts and exports as CSV', async () => {
    await open('/');
    const [row] = await cubeLoad(stack.url, { measures: ['funnel.mql_count'], timeDimensions: mqlCohort() });
    const count = num(row?.['funnel.mql_count']);
    await page.getByTestId('tile-mqls').click();
    const dialog = page.getByTestId('drilldown');
    await dialog.getByTestId('drill-count').waitFor();
    expect(await dialog.getByTestId('drill-count').innerText()).toBe(`${fmt.int(count)} rows`);

    await dialog.getByRole('button', { name: /^Name/ }).click();
    expect(await dialog.locator('th[aria-sort="ascending"]').innerText()).toContain('Name');
    // A lead shows by name first (linked to its CRM record), never by its email: key.
    const names = (await dialog.locator('tbody tr td:nth-child(1)').allInnerTexts()).slice(0, 20).filter((n) => n !== '—');
    expect(await dialog.locator('tbody').innerText()).not.toContain('email:');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })));
    await screenshot(page, 'drilldown');

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export CSV' }).click()]);
    // The file name says the page, the drill-down, the period's days.
    expect(download.suggestedFilename()).toMatch(new RegExp(`^funnel-mqls-.*-${range[0]}-to-${range[1]}\\.csv$`));
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Name,Company,.*,Name \(link\)$/);
    expect(lines.length).toBe(count + 1);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('a funnel bar drills down to its stage', async () => {
    await showTable('chart-funnel');
    const [row] = await cubeLoad(stack.url, { measures: ['funnel.won_count'], timeDimensions: mqlCohort() });
    await page.getByTestId('chart-funnel').locator('tbody tr').nth(4).getByRole('button', { name: 'Show leads' }).click();
    const dialog = page.getByTestId('drilldown');
    await dialog.getByTestId('drill-count').waitFor();
    expect(await dialog.getByTestId('drill-count').innerText()).toBe(`${fmt.int(row?.['funnel.won_count'])} ${num(row?.['funnel.won_count']) === 1 ? 'row' : 'rows'}`);
    await dialog.getByRole('button', { name: 'Close drill-down' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('works from the keyboard: a tile opens with Enter, a chart row drills from its table, Esc closes', async () => {
    await open('/');
    await page.getByTestId('tile-acceptance').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('drilldown');
    await dialog.getByTestId('drill-count').waitFor();
    const [row] = await cubeLoad(stack.url, { measures: ['funnel.sal_count'], timeDimensions: mqlCohort() });
    expect(await dialog.getByTestId('drill-count').innerText()).toBe(`${fmt.int(row?.['funnel.sal_count'])} rows`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const table = page.getByTestId('chart-by-channel').getByRole('button', { name: 'Table', exact: true });
    await table.focus();
    await page.keyboard.press('Enter');
    const first = page.getByTestId('chart-by-channel').getByRole('button', { name: 'Show leads' }).first();
    await first.focus();
    await page.keyboard.press('Enter');
    await dialog.getByTestId('drill-count').waitFor();
    expect(await dialog.locator('h2').innerText()).toMatch(/^MQLs · /);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it("exports a chart's data as CSV (formatted, then raw) and the chart as PNG with its heading; names say page, period and filters", async () => {
    await open('/', `${search}&segment=SMB`);
    const panel = page.getByTestId('chart-by-channel');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /as CSV/ }).click()]);
    expect(csvDownload.suggestedFilename()).toBe(`funnel-by-channel-${range[0]}-to-${range[1]}-segment-smb.csv`);
    const lines = readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Channel,MQLs,SQLs,Won,Won revenue,MQLs (value),SQLs (value),Won (value),Won revenue (value)');
    // The channel with the most won revenue, from the API: shown as on screen, then the raw number.
    const [top] = await cubeLoad(stack.url, {
      measures: ['funnel.won_amount'],
      dimensions: ['funnel.channel'],
      timeDimensions: mqlCohort(),
      filters: [{ member: 'funnel.segment', operator: 'equals', values: ['SMB'] }],
      order: { 'funnel.won_amount': 'desc' },
      limit: 1,
    });
    const amount = num(top?.['funnel.won_amount']);
    const line = lines.find((l) => l.startsWith(`${String(top?.['funnel.channel'])},`));
    expect(line?.endsWith(`,${amount}`)).toBe(true);
    expect(line).toContain(`"${fmt.money(amount)}"`);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /as PNG/ }).click()]);
    expect(pngDownload.suggestedFilename()).toBe(`funnel-by-channel-${range[0]}-to-${range[1]}-segment-smb.png`);
    const png = readFileSync(await pngDownload.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: the image is the chart (drawn at 2×) plus a heading band above it.
    const chartHeight = await panel.getByTestId('echart').evaluate((el) => el.getBoundingClientRect().height);
    expect(png.readUInt32BE(20)).toBeGreaterThan(chartHeight * 2 + 60);
    await screenshot(page, 'export-source');
  });
});

describe('paged lists', () => {
  it('the breach list shows 100 rows a page with the total, sorts on the server, and exports every row', async () => {
    // The oracle: every breached lead in the period, straight from the API, in the list's order.
    const all = await cubeLoad(stack.url, {
      dimensions: ['funnel.lead_id', 'funnel.full_name', 'funnel.crm_url', 'funnel.handoff_date'],
      timeDimensions: handoff(),
      filters: [{ member: 'funnel.sla_status', operator: 'equals', values: ['breached'] }],
      order: [['funnel.handoff_date', 'asc'], ['funnel.lead_id', 'asc']],
      limit: 50000,
    });
    expect(all.length).toBeGreaterThan(100); // enough for a second page
    await open('/sla');
    const panel = page.getByTestId('breach-list');
    const pager = panel.getByTestId('pager-range');
    // A lead shows by name (linked to its CRM record), never by its key.
    const firstLead = () => panel.locator('tbody tr').first().locator('td').first().innerText();
    const nameOf = (r: Row | undefined) => String(r?.['funnel.full_name'] ?? '—');
    expect(await pager.innerText()).toBe(`1–100 of ${fmt.int(all.length)}`);
    expect(await panel.locator('tbody tr').count()).toBe(100);
    expect(await firstLead()).toBe(nameOf(all[0]));
    expect(await panel.locator('tbody tr').first().locator('td a').first().getAttribute('href')).toBe(all[0]?.['funnel.crm_url']);
    expect(await panel.locator('tbody').innerText()).not.toContain('email:');

    await panel.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => pager.innerText()).toBe(`101–${fmt.int(Math.min(200, all.length))} of ${fmt.int(all.length)}`);
    await expect.poll(firstLead).toBe(nameOf(all[100]));

    // Sorting asks the server (the whole list, not this page) and goes back to page 1.
    await panel.getByRole('button', { name: /^Name/ }).click();
    const byName = [...all].sort((a, b) => compareNames(a['funnel.full_name'], b['funnel.full_name']) || String(a['funnel.lead_id']).localeCompare(String(b['funnel.lead_id'])));
    await expect.poll(() => pager.innerText()).toBe(`1–100 of ${fmt.int(all.length)}`);
    await expect.poll(firstLead).toBe(nameOf(byName[0]));

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /as CSV/ }).click()]);
    const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Name,Company,Owner,Team,Handoff date,Hours to first touch,Handoff date (ISO),Hours to first touch (value),Name (link)');
    expect(lines.slice(1).map((line) => line.split(',').at(-1)).sort()).toEqual(all.map((r) => String(r['funnel.crm_url'] ?? '')).sort());
    await screenshot(page, 'breach-list');
  });

  it('the leak list pages with the leaks chart\'s count', async () => {
    const kinds = await cubeLoad(stack.url, { measures: ['leakage.leak_row_count'], timeDimensions: [{ dimension: 'leakage.mql_date', dateRange: range }] });
    const total = num(kinds[0]?.['leakage.leak_row_count']) ?? 0;
    await open('/velocity');
    const panel = page.getByTestId('leak-list');
    expect(await panel.getByTestId('pager-range').innerText()).toBe(`1–${fmt.int(Math.min(100, total))} of ${fmt.int(total)}`);
  });
});

/** Cube (DuckDB) orders text by code point, empty values last. */
function compareNames(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return String(a) < String(b) ? -1 : 1;
}

describe('meeting mode', () => {
  it('M enters the deck; arrows and PageUp/PageDown move; Esc leaves with the filters kept', async () => {
    await open('/');
    await page.keyboard.press('m');
    await page.waitForURL(/\/meeting\?/);
    const title = page.getByTestId('meeting-title');
    await expect.poll(() => title.innerText()).toBe('Agenda');
    expect(await page.getByTestId('meeting-agenda').innerText()).toMatch(/Results[\s\S]*Metrics[\s\S]*SLA compliance[\s\S]*Lead-quality feedback/);
    await screenshot(page, 'meeting-agenda');

    const steps = [
      { key: 'ArrowRight', title: 'Headline results' },
      { key: 'PageDown', title: 'Lead funnel: MQL → won' },
      { key: 'PageUp', title: 'Headline results' },
      { key: 'End', title: 'Closed-loop revenue by channel' },
      { key: 'ArrowLeft', title: 'Acceptance and conversion by channel' },
      { key: 'Home', title: 'Agenda' },
    ];
    for (const s of steps) {
      await page.keyboard.press(s.key);
      await expect.poll(() => title.innerText()).toBe(s.title);
    }

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => title.innerText()).toBe('Headline results');
    await settled(page);
    const [row] = await cubeLoad(stack.url, { measures: ['funnel.mql_count'], timeDimensions: mqlCohort() });
    expect(await page.getByTestId('tile-mqls-value').innerText()).toBe(fmt.int(row?.['funnel.mql_count']));
    await screenshot(page, 'meeting-headline');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => title.innerText()).toBe('Lead funnel: MQL → won');
    await settled(page);
    await screenshot(page, 'meeting-funnel');

    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.pathname === '/');
    expect(new URL(page.url()).searchParams.get('from')).toBe(range[0]);
  });

  it('from the SLA page the deck opens at the SLA section; the buttons also navigate', async () => {
    await open('/sla');
    await page.getByTestId('enter-meeting').click();
    await page.waitForURL(/\/meeting\?/);
    await expect.poll(() => page.getByTestId('meeting-section').innerText()).toMatch(/SLA compliance/i);
    const position = await page.getByTestId('meeting-position').innerText();
    await page.getByRole('button', { name: 'Next slide' }).click();
    await expect.poll(() => page.getByTestId('meeting-position').innerText()).not.toBe(position);
    await settled(page);
    await screenshot(page, 'meeting-sla');
    await page.getByRole('button', { name: /^Exit/ }).click();
    await page.waitForURL((url) => url.pathname === '/sla');
  });
});

describe('with a production server (JWT required)', () => {
  it('says a token is needed; with ?token= it shows the token’s rows and keeps the token out of the URL', async () => {
    const secret = 'closedloop-e2e-secret';
    const prod = await startServer({ warehousePath: stack.warehousePath, port: 0, webDist: stack.webDist, production: true, apiSecret: secret, log: () => undefined });
    const tab = await stack.newPage();
    try {
      await tab.goto(`${prod.url}/${search}`);
      const message = tab.locator('.panel-error-message').first();
      await message.waitFor();
      expect(await message.innerText()).toMatch(/Authorization header isn't set[\s\S]*\?token=/);
      await screenshot(tab, 'auth-needed');

      const token = jwt.sign({ region: 'EMEA' }, secret, { algorithm: 'HS256', expiresIn: '1h' });
      await tab.goto(`${prod.url}/${search}&token=${token}`);
      await settled(tab);
      expect(new URL(tab.url()).searchParams.has('token')).toBe(false);
      const [row] = await cubeLoad(stack.url, { measures: ['funnel.mql_count'], timeDimensions: mqlCohort(), filters: [{ member: 'funnel.region', operator: 'equals', values: ['EMEA'] }] });
      expect(await tab.getByTestId('tile-mqls-value').innerText()).toBe(fmt.int(row?.['funnel.mql_count']));

      // The token is remembered for this origin. A regional token may not see company-wide
      // data (marketing's commitments): those panels show the API's 403 message; the rest work.
      await tab.goto(`${prod.url}/sla${search}`);
      await settled(tab);
      await screenshot(tab, 'auth-regional-sla');
      const failing = await tab.locator('.panel:has(.panel-error)').evaluateAll((panels) => panels.map((p) => p.getAttribute('data-testid')));
      expect(failing.sort()).toEqual(['chart-marketing-month', 'chart-marketing-segment']);
      expect(await tab.getByTestId('chart-marketing-month').locator('.panel-error-message').innerText()).toMatch(/company-wide data, not available to a token restricted to region EMEA/);
    } finally {
      await tab.close();
      await prod.close();
    }
  });
});
