/**
 * The quantile measures served from duration histograms against the exact quantile_cont of
 * the same rows (plain DuckDB SQL over the marts), case by case: |served − exact| must be
 * within the stated resolution (./quantile-resolution.ts). Each case is a set of durations
 * given to leads of its own channel (velocity, read from the mart) and owner (hours to first
 * touch, served by the per-owner SLA rollup); the velocity rollup is checked by stage over all rows.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, cubeGet, num, tempDir } from './helpers';
import type { Row } from './helpers';
import { HISTOGRAM_QUANTILES, allowedError } from './quantile-resolution';
import { startServer, type RunningServer } from '../../server/src/start-server';
import { rmSync } from 'node:fs';

/** A small deterministic generator (so the "spread" cases are the same every run). */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}
function logNormalHours(count: number, medianHours: number, seed: number): number[] {
  const random = lcg(seed);
  return Array.from({ length: count }, () => {
    const gaussian = Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
    return Math.round(medianHours * Math.exp(1.2 * gaussian) * 3_600_000_000) / 3_600_000_000;
  });
}

/** Durations in hours; null is a row with no duration (still in the stage / not touched). */
const cases: { name: string; hours: (number | null)[] }[] = [
  { name: 'one value', hours: [5.5] },
  { name: 'all equal', hours: [3, 3, 3, 3, 3, 3, 3] },
  { name: 'zeros and minutes', hours: [0, 0, 0, 0.01, 0.02, 0.5] },
  { name: 'two far apart', hours: [1, 1000] },
  { name: 'huge outliers', hours: [2, 2.5, 3, 3, 3.5, 4, 4, 4.5, 5, 6, 80_000, 400_000] },
  { name: 'SLA-like whole hours', hours: Array.from({ length: 48 }, (_, i) => i + 1) },
  { name: 'spread over days (log-normal, 400)', hours: logNormalHours(400, 60, 7) },
  { name: 'spread over months (log-normal, 400)', hours: logNormalHours(400, 1500, 11) },
  { name: 'empty (no durations)', hours: [null, null] },
];

const caseKey = (i: number) => `case-${String(i).padStart(2, '0')}`;

function caseRowsSql(): string {
  const events: string[] = [];
  const leads: string[] = [];
  cases.forEach(({ hours }, i) => {
    hours.forEach((h, j) => {
      const id = `'${caseKey(i)}-${j}'`;
      const micros = h === null ? 'NULL' : `CAST(round(${h} * 3600000000) AS BIGINT)`;
      events.push(`(${id}, 'sql', 5, TIMESTAMP '2024-02-01 00:00', false, 'sal', ${h === null ? 'NULL' : h / 24}, NULL, ${h === null ? 'NULL' : h / 24}, '${caseKey(i)}', 'SMB', 'NA', '${caseKey(i)}', 'Case team', ${micros}, ${micros})`);
      leads.push(
        `(${id}, NULL, 'Case ${i} ${j}', 'Case Co', 'salesforce', 'salesforce', NULL, 1, 0, 'Web', 'Other', '(none)', 'SMB', 'NA', '${caseKey(i)}', 'Case team', 'handoff', ` +
          `TIMESTAMP '2024-02-01 00:00', TIMESTAMP '2024-02-01 00:00', false, 1, TIMESTAMP '2024-02-01 00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 24, TIMESTAMP '2024-02-02 00:00', ${h === null ? 'NULL' : h}, 'pending', false, false, false, false)`,
      );
    });
  });
  return `INSERT INTO stage_events VALUES ${events.join(',\n')};\nINSERT INTO leads VALUES ${leads.join(',\n')};`;
}

interface Exact {
  readonly byCase: Map<string, Record<string, number | null>>;
  readonly byStage: Map<string, Record<string, number | null>>;
}

async function exactQuantiles(path: string): Promise<Exact> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const c = await instance.connect();
  const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const days = (column: string, q: number) => `quantile_cont(${column}, ${q}) / 86400000000.0`;
  const velocity = `${days('microseconds_from_previous', 0.5)} AS median_days_from_previous, ${days('microseconds_from_previous', 0.9)} AS p90_days_from_previous,
    ${days('microseconds_in_stage', 0.5)} AS median_days_in_stage, ${days('microseconds_in_stage', 0.9)} AS p90_days_in_stage`;
  const toNumbers = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Number(v)]));
  const byCase = new Map<string, Record<string, number | null>>();
  for (const r of await rows(`SELECT channel AS k, ${velocity} FROM stage_events WHERE channel LIKE 'case-%' GROUP BY channel`)) byCase.set(String(r.k), toNumbers(r));
  for (const r of await rows(`SELECT owner AS k, quantile_cont(hours_to_first_touch, 0.5) AS median_hours_to_first_touch FROM leads WHERE owner LIKE 'case-%' GROUP BY owner`)) {
    byCase.set(String(r.k), { ...byCase.get(String(r.k)), median_hours_to_first_touch: r.median_hours_to_first_touch === null ? null : Number(r.median_hours_to_first_touch) });
  }
  const byStage = new Map<string, Record<string, number | null>>();
  for (const r of await rows(`SELECT CAST(stage AS VARCHAR) AS k, ${velocity} FROM stage_events GROUP BY stage`)) byStage.set(String(r.k), toNumbers(r));
  c.closeSync();
  instance.closeSync();
  return { byCase, byStage };
}

function expectWithin(measure: string, served: number | null, exact: number | null): void {
  if (exact === null) {
    expect(served, `${measure}: no durations, so no quantile`).toBeNull();
    return;
  }
  expect(served, measure).not.toBeNull();
  const error = Math.abs((served ?? Number.NaN) - exact);
  expect(error, `${measure}: served ${served}, exact ${exact}`).toBeLessThanOrEqual(allowedError(exact, HISTOGRAM_QUANTILES[measure]!));
}

const VELOCITY = ['median_days_from_previous', 'p90_days_from_previous', 'median_days_in_stage', 'p90_days_in_stage'];
let dir: string;
let server: RunningServer;
let exact: Exact;
let velocityRows: Row[] = [];
let ownerRows: Row[] = [];
let ownerRollups: string[] = [];

beforeAll(async () => {
  dir = tempDir('closedloop-quantiles-');
  const path = join(dir, 'warehouse.duckdb');
  const extra = join(dir, 'cases.sql');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(extra, caseRowsSql());
  const { FIXTURE_SQL } = await import('./helpers');
  await buildWarehouse(path, [FIXTURE_SQL, extra]);
  exact = await exactQuantiles(path);
  server = await startServer({ warehousePath: path, port: 0, production: false, log: () => undefined });
  const velocity = await cubeGet(server.url, 'load', { measures: VELOCITY.map((m) => `velocity.${m}`), dimensions: ['velocity.channel'] });
  expect(velocity.status, JSON.stringify(velocity.body).slice(0, 500)).toBe(200);
  velocityRows = velocity.body.data as Row[];
  const owners = await cubeGet(server.url, 'load', { measures: ['funnel.median_hours_to_first_touch'], dimensions: ['funnel.owner'], timeDimensions: [{ dimension: 'funnel.handoff_date', dateRange: ['2024-01-01', '2024-03-31'] }] });
  expect(owners.status, JSON.stringify(owners.body).slice(0, 500)).toBe(200);
  ownerRows = owners.body.data as Row[];
  ownerRollups = Object.keys(owners.body.usedPreAggregations as object);
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('histogram quantiles are within 0.1 h + 5% of the exact quantile_cont', () => {
  it.each(cases.map((c, i) => ({ ...c, key: caseKey(i) })))('$name: velocity (from the mart)', ({ key }) => {
    const row = velocityRows.find((r) => r['velocity.channel'] === key);
    expect(row, key).toBeDefined();
    for (const measure of VELOCITY) expectWithin(measure, num(row?.[`velocity.${measure}`]), exact.byCase.get(key)?.[measure] ?? null);
  });

  it.each(cases.map((c, i) => ({ ...c, key: caseKey(i) })))('$name: median hours to first touch (from the per-owner rollup)', ({ key }) => {
    expect(ownerRollups).toEqual(['pre_aggregations.leads_sla_by_owner_handoff_day']);
    const row = ownerRows.find((r) => r['funnel.owner'] === key);
    expect(row, key).toBeDefined();
    expectWithin('median_hours_to_first_touch', num(row?.['funnel.median_hours_to_first_touch']), exact.byCase.get(key)?.median_hours_to_first_touch ?? null);
  });

  it('by stage, every row (from the velocity rollup)', async () => {
    const { status, body } = await cubeGet(server.url, 'load', { measures: VELOCITY.map((m) => `velocity.${m}`), dimensions: ['velocity.stage'], timeDimensions: [{ dimension: 'velocity.entered_date', dateRange: ['2024-01-01', '2024-03-31'] }] });
    expect(status).toBe(200);
    expect(Object.keys(body.usedPreAggregations as object)).toEqual(['pre_aggregations.stage_events_durations_by_day']);
    const rows = body.data as Row[];
    expect(rows.map((r) => r['velocity.stage']).sort()).toEqual([...exact.byStage.keys()].sort());
    for (const row of rows) {
      for (const measure of VELOCITY) expectWithin(measure, num(row[`velocity.${measure}`]), exact.byStage.get(String(row['velocity.stage']))?.[measure] ?? null);
    }
  });

  it('the smallest and the largest duration are exact (p0 / p100 ranks are the min and max)', () => {
    // One value: the median is that value, not its bucket's middle.
    const one = velocityRows.find((r) => r['velocity.channel'] === caseKey(0));
    expect(num(one?.['velocity.median_days_from_previous'])).toBeCloseTo(5.5 / 24, 9);
    const equal = ownerRows.find((r) => r['funnel.owner'] === caseKey(1));
    expect(num(equal?.['funnel.median_hours_to_first_touch'])).toBeCloseTo(3, 9);
  });
});
