/**
 * Goal lines, the cohort | period toggle and the rate definitions on the Funnel page, end to end
 * in headless Chromium over the warehouse built from seeds/:
 * - goal lines read from the chart itself (its series, `data-series`) against each month's goal
 *   worked out here by hand from agreement.yml (a quarter's amount ÷ its days × the month's days);
 * - period mode's tiles and trend against plain SQL over the raw exports (test/etl/
 *   independent-funnel.ts: no etl/src code) and over the `leads` mart for SLA and won revenue;
 * - each rate's definition from the keyboard, and its link to the Agreement page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../etl/src/build';
import { computeIndependentFunnel } from '../etl/independent-funnel';
import { ROOT, cubeLoad, fmt, num, panelTable, screenshot, settled, startStack } from './stack';
import type { Stack } from './stack';

let stack: Stack;
let page: Page;
let conn: DuckDBConnection;
let closeDb: () => void;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'closedloop-e2e-goals-'));
  const seeds = join(ROOT, 'seeds');
  const agreement = join(ROOT, 'agreement.yml');
  // A second build of the same exports for plain SQL (the server holds its own file).
  const [started] = await Promise.all([
    startStack(),
    buildWarehouse({ inputs: [join(seeds, 'salesforce-marketo'), join(seeds, 'hubspot')], warehousePath: join(work, 'warehouse.duckdb'), agreementPath: agreement }),
  ]);
  stack = started;
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  closeDb = () => {
    conn.closeSync();
    instance.closeSync();
  };
  await computeIndependentFunnel(conn, join(seeds, 'salesforce-marketo'), join(seeds, 'hubspot'), agreement);
  await conn.run(`attach '${join(work, 'warehouse.duckdb')}' as wh (read_only)`);
  page = await stack.newPage();
  await cubeLoad(stack.url, { measures: ['goal_calendar.revenue_goal'], limit: 1 });
}, 600_000);

afterAll(async () => {
  closeDb?.();
  await stack?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function sql(text: string): Promise<Record<string, number | null>> {
  const reader = await conn.runAndReadAll(text);
  const row = reader.getRowObjectsJS()[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : Number(v)]));
}

async function open(path: string): Promise<void> {
  await page.goto(`${stack.url}${path}`);
  await settled(page);
}

/** What a panel's chart draws: series name → data (from the chart element's `data-series`). */
async function chartSeries(panel: string): Promise<Map<string, (number | null)[]>> {
  const el = page.getByTestId(panel).getByTestId('echart');
  await el.waitFor();
  const raw = (await el.getAttribute('data-series')) ?? '[]';
  return new Map((JSON.parse(raw) as { name: string; data: (number | null)[] }[]).map((s) => [s.name, s.data]));
}

// agreement.yml: 2026-Q1, Q2 and Q3 1,500,000 each, Q4 1,800,000; company-wide. A month's goal is
// the quarter's amount × the month's days ÷ the quarter's days (Q1 2026 has 90 days, Q2 91, Q3
// and Q4 92). Worked by hand: January 1,500,000 × 31 / 90 = 516,666.67.
const GOAL_BY_MONTH: readonly [string, number][] = [
  ['Jan 2026', (1_500_000 * 31) / 90],
  ['Feb 2026', (1_500_000 * 28) / 90],
  ['Mar 2026', (1_500_000 * 31) / 90],
  ['Apr 2026', (1_500_000 * 30) / 91],
  ['May 2026', (1_500_000 * 31) / 91],
  ['Jun 2026', (1_500_000 * 30) / 91],
  ['Jul 2026', (1_500_000 * 31) / 92],
  ['Aug 2026', (1_500_000 * 31) / 92],
  ['Sep 2026', (1_500_000 * 30) / 92],
  ['Oct 2026', (1_800_000 * 31) / 92],
];

describe('goal lines', () => {
  it('on the won revenue chart: each month’s goal as worked out from agreement.yml', async () => {
    await open('/?from=2026-01-01&to=2026-10-31');
    expect(GOAL_BY_MONTH[0]?.[1]).toBeCloseTo(516_666.67, 2);
    const goal = (await chartSeries('chart-revenue-goal')).get('Revenue goal');
    expect(goal).toHaveLength(GOAL_BY_MONTH.length);
    GOAL_BY_MONTH.forEach(([month, want], i) => expect(goal?.[i], month).toBeCloseTo(want, 4));
    await screenshot(page, 'funnel-goal-lines');
  });

  it('on the MQL / SQL trend: the MQLs and SQLs each month’s goal needs at the reverse funnel’s rates', async () => {
    // The rates the goals view uses (checked by hand in test/cube/goals.test.ts); the month's
    // goal is ours, from agreement.yml.
    const [rates] = await cubeLoad(stack.url, {
      measures: ['goals.average_won_deal', 'goals.close_rate', 'goals.mql_to_sql_rate'],
      filters: [{ member: 'goals.period', operator: 'equals', values: ['2026-Q4'] }],
    });
    const perWin = num(rates?.['goals.average_won_deal']);
    const perSql = perWin * num(rates?.['goals.close_rate']);
    const perMql = perSql * num(rates?.['goals.mql_to_sql_rate']);
    expect(perMql).toBeGreaterThan(0);
    for (const basis of ['', '&count=period']) {
      await open(`/?from=2026-01-01&to=2026-10-31${basis}`);
      const panel = basis ? 'chart-trend-period' : 'chart-trend';
      const series = await chartSeries(panel);
      const mqls = series.get('MQLs needed for the goal');
      const sqls = series.get('SQLs needed for the goal');
      expect(mqls, panel).toHaveLength(GOAL_BY_MONTH.length);
      GOAL_BY_MONTH.forEach(([month, goal], i) => {
        expect(mqls?.[i], `${panel} ${month} MQLs`).toBeCloseTo(goal / perMql, 6);
        expect(sqls?.[i], `${panel} ${month} SQLs`).toBeCloseTo(goal / perSql, 6);
      });
      // Labelled: in the table view too, beside the actual counts.
      await page.getByTestId(panel).getByRole('button', { name: 'Table', exact: true }).click();
      const { headers, rows } = await panelTable(page, panel);
      const column = headers.indexOf('MQLs needed for the goal');
      expect(column, headers.join(', ')).toBeGreaterThan(0);
      expect(Number((rows[0]?.[column] ?? '').replace(/,/g, ''))).toBeCloseTo((GOAL_BY_MONTH[0]?.[1] ?? NaN) / perMql, 2);
    }
  });

  it('absent (not zero) in months without a goal', async () => {
    await open('/?from=2025-11-01&to=2026-02-28');
    const series = await chartSeries('chart-trend');
    // Nov and Dec 2025 have no goal in agreement.yml.
    expect(series.get('MQLs needed for the goal')?.slice(0, 2)).toEqual([null, null]);
    expect(series.get('MQLs needed for the goal')?.slice(2).every((v) => typeof v === 'number' && v > 0)).toBe(true);
    // The won-vs-goal chart's months are those with wins or a goal: its table shows which is which.
    await page.getByTestId('chart-revenue-goal').getByRole('button', { name: 'Table', exact: true }).click();
    const { headers, rows } = await panelTable(page, 'chart-revenue-goal');
    const goalColumn = headers.indexOf('Revenue goal');
    const byMonth = Object.fromEntries(rows.map((r) => [r[0], r[goalColumn]]));
    expect(Object.keys(byMonth).filter((m) => m.endsWith('2025')).length).toBeGreaterThan(0);
    for (const [month, goal] of Object.entries(byMonth)) expect(goal, month).toBe(month.endsWith('2025') ? '—' : fmt.money(GOAL_BY_MONTH.find(([m]) => m === month)?.[1]));
  });

  const scoped = [
    { name: 'a segment without its own goal (the goals are company-wide)', query: '&segment=SMB', says: 'No goal line: the agreement sets no revenue goal for this segment or region in these months.' },
    { name: 'a channel (goals are not set per channel)', query: '&channel=Paid%20Search', says: 'No goal line: goals are set per segment and region, not per channel.' },
  ];
  for (const c of scoped) {
    it(`left out, with the reason, for ${c.name}`, async () => {
      await open(`/?from=2026-07-01&to=2026-10-31${c.query}`);
      for (const panel of ['chart-trend', 'chart-revenue-goal']) {
        const names = [...(await chartSeries(panel)).keys()];
        expect(names.filter((n) => /goal/i.test(n)), panel).toEqual([]);
        expect(await page.getByTestId(panel).locator('.panel-description').innerText(), panel).toContain(c.says);
      }
    });
  }
});

describe('cohort | period toggle', () => {
  const from = '2026-07-01';
  const to = '2026-09-30';
  const inRange = (col: string) => `${col} >= TIMESTAMP '${from}' AND ${col} < TIMESTAMP '2026-10-01'`;

  it('period: each tile counted by its own date, as plain SQL over the raw exports counts it', async () => {
    await open(`/?from=${from}&to=${to}&count=period`);
    expect(await page.getByTestId('tiles-basis').innerText()).toMatch(/^Each stage in its own period/);
    const ind = await sql(`SELECT
        count(*) FILTER (WHERE ${inRange('mql_at')}) AS mqls,
        count(*) FILTER (WHERE ${inRange('sal_at')}) AS sals,
        count(*) FILTER (WHERE ${inRange('sql_at')}) AS sqls,
        count(*) FILTER (WHERE ${inRange('won_at')}) AS won,
        count(*) FILTER (WHERE ${inRange('lost_at')}) AS lost
      FROM ind_people`);
    const mart = await sql(`SELECT
        count(*) FILTER (WHERE sla_status = 'met' AND ${inRange('handoff_at')}) AS met,
        count(*) FILTER (WHERE sla_status IN ('met', 'breached') AND ${inRange('handoff_at')}) AS due,
        sum(won_amount) FILTER (WHERE ${inRange('won_at')}) AS won_amount
      FROM wh.main.leads`);
    const n = (k: string) => ind[k] ?? NaN;
    const expected = {
      'tile-mqls-value': fmt.int(n('mqls')),
      'tile-acceptance-value': fmt.pct(n('sals') / n('mqls')),
      'tile-mql-to-sql-value': fmt.pct(n('sqls') / n('mqls')),
      'tile-close-rate-value': fmt.pct(n('won') / (n('won') + n('lost'))),
      'tile-sla-value': fmt.pct((mart.met ?? NaN) / (mart.due ?? NaN)),
      'tile-won-amount-value': fmt.moneyCompact(mart.won_amount),
    };
    const shown = Object.fromEntries(await Promise.all(Object.keys(expected).map(async (id) => [id, await page.getByTestId(id).innerText()] as const)));
    expect(shown).toEqual(expected);
    // Each tile says it is a period figure.
    const labels = await page.getByTestId('headline-tiles').locator('.tile-label').allInnerTexts();
    expect(labels.map((l) => l.toLowerCase())).toEqual(['mqls (period)', 'acceptance rate (period)', 'mql to sql rate (period)', 'close rate (period)', 'sales sla compliance (by handoff date)', 'won revenue (by won date)']);
    await screenshot(page, 'funnel-period');
  });

  it('period: the monthly trend’s SQLs per month, as the raw exports count them', async () => {
    await open(`/?from=${from}&to=${to}&count=period`);
    const panel = page.getByTestId('chart-trend-period');
    expect(await panel.locator('.panel-title').innerText()).toBe('Monthly trend · each stage in its own period');
    const series = await chartSeries('chart-trend-period');
    const reader = await conn.runAndReadAll(`SELECT strftime(sql_at, '%Y-%m') AS m, count(*)::BIGINT AS n FROM ind_people WHERE ${inRange('sql_at')} GROUP BY 1 ORDER BY 1`);
    expect(series.get('SQLs (period)')).toEqual(reader.getRowObjectsJS().map((r) => Number(r.n)));
  });

  it('cohort: the same tiles follow the MQL cohort, and the page says so', async () => {
    await open(`/?from=${from}&to=${to}`);
    expect(await page.getByTestId('tiles-basis').innerText()).toMatch(/^By MQL cohort/);
    const ind = await sql(`SELECT count(*) AS mqls, count(sal_at) AS sals FROM ind_people WHERE ${inRange('mql_at')}`);
    expect(await page.getByTestId('tile-acceptance-value').innerText()).toBe(fmt.pct((ind.sals ?? NaN) / (ind.mqls ?? NaN)));
    expect(await page.getByTestId('chart-trend').locator('.panel-title').innerText()).toBe('Monthly trend · by MQL cohort');
  });

  it('period: MQLs, SQLs and won by channel, each by its own date, as the raw exports count them', async () => {
    await open(`/?from=${from}&to=${to}&count=period`);
    const panel = page.getByTestId('chart-by-channel');
    expect(await panel.locator('.panel-title').innerText()).toBe('By channel · each stage in its own period');
    await panel.getByRole('button', { name: 'Table', exact: true }).click();
    const { rows } = await panelTable(page, 'chart-by-channel');
    const reader = await conn.runAndReadAll(`SELECT channel,
        count(*) FILTER (WHERE ${inRange('mql_at')})::BIGINT AS mqls,
        count(*) FILTER (WHERE ${inRange('sql_at')})::BIGINT AS sqls,
        count(*) FILTER (WHERE ${inRange('won_at')})::BIGINT AS won
      FROM ind_people GROUP BY 1
      HAVING count(*) FILTER (WHERE ${inRange('mql_at')} OR ${inRange('sql_at')} OR ${inRange('won_at')}) > 0
      ORDER BY mqls DESC, channel LIMIT 15`);
    const expected = reader.getRowObjectsJS().map((r) => [String(r.channel), fmt.int(r.mqls), fmt.int(r.sqls), fmt.int(r.won)]);
    expect(rows.map((r) => r.slice(0, 4))).toEqual(expected);
  });

  it('charts the toggle does not change keep saying they are MQL cohorts, in both modes', async () => {
    for (const q of ['', '&count=period']) {
      await open(`/?from=${from}&to=${to}${q}`);
      expect(await page.getByTestId('chart-by-campaign').locator('.panel-description').innerText()).toMatch(/^MQL cohort by campaign/);
      expect(await page.getByTestId('chart-funnel').locator('.panel-description').innerText()).toMatch(/MQL cohort/);
      expect(await page.getByTestId('count-basis').innerText()).toContain('The funnel and the campaign chart always follow the MQL cohort');
    }
    expect(await page.getByTestId('chart-by-channel').locator('.panel-description').innerText()).toMatch(/^Each stage in its own period by channel/);
  });
});

describe('rate definitions', () => {
  it('open from the keyboard with the model’s numerator and denominator, close with Esc, and link to the Agreement page', async () => {
    await open('/?from=2026-07-01&to=2026-09-30');
    const button = page.getByTestId('tile-acceptance-definition');
    const popover = page.getByTestId('tile-acceptance-definition-popover');
    await button.focus();
    await page.keyboard.press('Enter');
    await popover.waitFor({ state: 'visible' });
    expect(await popover.getByTestId('tile-acceptance-definition-numerator').innerText()).toBe('SALs');
    expect(await popover.getByTestId('tile-acceptance-definition-denominator').innerText()).toBe('MQLs');
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });
    // Every rate tile has one; counts (MQLs) and amounts do not.
    expect(await page.locator('[data-testid$="-definition"].rate-info-button').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual([
      'tile-acceptance-definition',
      'tile-mql-to-sql-definition',
      'tile-close-rate-definition',
      'tile-sla-definition',
    ]);
    await page.keyboard.press('Enter');
    await popover.waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Definition in the agreement');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/agreement#definition-funnel-acceptance_rate$/);
    const target = page.locator('#definition-funnel-acceptance_rate');
    await expect.poll(() => target.getAttribute('class')).toContain('is-target');
    expect(await page.getByTestId('definition-funnel-acceptance_rate-ratio').innerText()).toBe('SALs ÷ MQLs');
    await screenshot(page, 'agreement-rate-definition');
  });

  it('in period mode, the period rate’s own definition', async () => {
    await open('/?from=2026-07-01&to=2026-09-30&count=period');
    await page.getByTestId('tile-mql-to-sql-definition').click();
    const popover = page.getByTestId('tile-mql-to-sql-definition-popover');
    await popover.waitFor({ state: 'visible' });
    expect(await popover.getByTestId('tile-mql-to-sql-definition-numerator').innerText()).toBe('SQLs (period)');
    expect(await popover.getByTestId('tile-mql-to-sql-definition-denominator').innerText()).toBe('MQLs (period)');
    expect(await popover.getByRole('link').getAttribute('href')).toBe('/agreement#definition-funnel_period-mql_to_sql_rate');
  });
});
