// The typical time to convert (cohort maturity): Cube's medians against plain DuckDB SQL over
// the same fixture warehouse, computed another way (median of date_diff in seconds).
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/start-server';
import type { RunningServer } from '../../server/src/start-server';
import { buildWarehouse, loadRows, num, tempDir } from './helpers';

let server: RunningServer;
let expected: { mqlToSql: number; sqlToWon: number; mqlToSqlByChannel: Map<string, number | null> };

async function plainSql(path: string) {
  const db = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const c = await db.connect();
  try {
    const one = async (sql: string) => Number((await c.runAndReadAll(sql)).getRows()[0]?.[0]);
    const byChannel = (await c.runAndReadAll(`SELECT channel, median(date_diff('second', mql_at, sql_at)) / 86400.0 FROM leads WHERE mql_at IS NOT NULL GROUP BY channel`)).getRows();
    return {
      mqlToSql: await one(`SELECT median(date_diff('second', mql_at, sql_at)) / 86400.0 FROM leads WHERE sql_at IS NOT NULL AND mql_at IS NOT NULL`),
      sqlToWon: await one(`SELECT median(date_diff('second', sql_at, won_at)) / 86400.0 FROM leads WHERE won_at IS NOT NULL AND sql_at IS NOT NULL`),
      mqlToSqlByChannel: new Map(byChannel.map((r) => [String(r[0]), r[1] === null ? null : Number(r[1])])),
    };
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

beforeAll(async () => {
  const path = await buildWarehouse(join(tempDir(), 'warehouse.duckdb'));
  expected = await plainSql(path);
  server = await startServer({ warehousePath: path, port: 0, production: false, log: () => undefined });
});
afterAll(async () => {
  await server?.close();
});

describe('typical days to convert', () => {
  it('median MQL → SQL and SQL → won days over the whole warehouse', async () => {
    const [row] = await loadRows(server.url, { measures: ['funnel.median_days_mql_to_sql', 'funnel.median_days_sql_to_won'] });
    expect(expected.mqlToSql).toBeGreaterThan(0);
    expect(expected.sqlToWon).toBeGreaterThan(0);
    expect(num(row?.['funnel.median_days_mql_to_sql'])).toBeCloseTo(expected.mqlToSql, 9);
    expect(num(row?.['funnel.median_days_sql_to_won'])).toBeCloseTo(expected.sqlToWon, 9);
  });

  it('by channel (leads that never reached SQL are left out of the median)', async () => {
    const rows = await loadRows(server.url, { measures: ['funnel.median_days_mql_to_sql'], dimensions: ['funnel.channel'] });
    expect(rows.length).toBe(expected.mqlToSqlByChannel.size);
    for (const r of rows) {
      const want = expected.mqlToSqlByChannel.get(String(r['funnel.channel']));
      if (want === null || Number.isNaN(want)) expect(num(r['funnel.median_days_mql_to_sql'])).toBeNull();
      else expect(num(r['funnel.median_days_mql_to_sql'])).toBeCloseTo(want ?? Number.NaN, 9);
    }
  });
});
