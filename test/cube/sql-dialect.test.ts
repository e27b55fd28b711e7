import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveInChild } from '../../bench/lib/serve-child';
import type { ServedChild } from '../../bench/lib/serve-child';
import { buildWarehouse, cubeGet, loadRows, num, startFixtureServer, tempDir } from './helpers';
import type { Fixture } from './helpers';
import { FUNNEL_BY_MQL_MONTH, FUNNEL_TOTAL } from './expected';

describe('time filters compare TIMESTAMP with TIMESTAMP', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await startFixtureServer({ preAggregations: false });
  });
  afterAll(async () => {
    await fixture?.close();
  });

  const query = {
    measures: ['funnel.mql_count'],
    timeDimensions: [{ dimension: 'funnel.mql_date', dateRange: ['2024-01-01', '2024-03-31'] }],
  };

  it('casts the parameter to a UTC TIMESTAMP once, not the column on every row', async () => {
    const { status, body } = await cubeGet(fixture.server.url, 'sql', query);
    expect(status).toBe(200);
    const [text] = (body.sql as { sql: [string, unknown[]] }).sql;
    expect(text).toContain(">= timezone('UTC', ?::timestamptz)");
    expect(text).not.toMatch(/>= \?::timestamptz/);
  });

  it('and selects the same rows', async () => {
    const [row] = await loadRows(fixture.server.url, query);
    expect(num(row?.['funnel.mql_count'])).toBe(FUNNEL_TOTAL.mql_count);
  });
});

// l01 in the fixture: MQL 2024-01-05 09:00 UTC, handed off 2024-01-05 10:00 UTC.
const l01 = {
  dimensions: ['funnel.lead_id', 'funnel.handoff_date'],
  timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'hour' }],
  filters: [{ member: 'funnel.lead_id', operator: 'equals', values: ['email:l01@acme.test'] }],
};
const l01InUtc = { 'funnel.handoff_date': '2024-01-05T10:00:00.000', 'funnel.mql_date.hour': '2024-01-05T09:00:00.000' };
const l01InBangkok = { 'funnel.handoff_date': '2024-01-05T17:00:00.000', 'funnel.mql_date.hour': '2024-01-05T16:00:00.000' };

describe('time dimensions', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await startFixtureServer({ preAggregations: false });
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('in UTC (the default) are the stored column: no per-row time-zone conversion', async () => {
    const { body } = await cubeGet(fixture.server.url, 'sql', l01);
    const [text] = (body.sql as { sql: [string, unknown[]] }).sql;
    expect(text).toMatch(/"leads"\.handoff_at "funnel__handoff_date"/);
    expect(text).not.toMatch(/timezone\('UTC', "leads"\.\w+::timestamptz\)/);
    const [row] = await loadRows(fixture.server.url, l01);
    expect(row).toMatchObject(l01InUtc);
  });

  it('in another zone are converted (Bangkok is UTC+7)', async () => {
    const [row] = await loadRows(fixture.server.url, { ...l01, timezone: 'Asia/Bangkok' });
    expect(row).toMatchObject(l01InBangkok);
  });
});

describe('a server on a machine whose clock is not in UTC', () => {
  let dir: string;
  let child: ServedChild | undefined;
  afterAll(async () => {
    await child?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers as on a UTC machine, in UTC and in other zones (DuckDB would read the marts in the machine zone)', async () => {
    dir = tempDir();
    const warehouse = await buildWarehouse(join(dir, 'warehouse.duckdb'));
    child = await serveInChild({ warehouse, env: { TZ: 'Asia/Bangkok', NODE_ENV: 'development', CLOSEDLOOP_PRE_AGGREGATIONS: 'off' } });
    const [row] = await loadRows(child.url, l01);
    expect(row).toMatchObject(l01InUtc);
    const [bangkok] = await loadRows(child.url, { ...l01, timezone: 'Asia/Bangkok' });
    expect(bangkok).toMatchObject(l01InBangkok);
    const months = await loadRows(child.url, { measures: ['funnel.mql_count'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }] });
    expect(months.filter((r) => r['funnel.mql_date.month'] !== null).map((r) => [r['funnel.mql_date.month'], num(r['funnel.mql_count'])])).toEqual(
      Object.entries(FUNNEL_BY_MQL_MONTH).map(([month, values]) => [month, values.mql_count]),
    );
  });
});
