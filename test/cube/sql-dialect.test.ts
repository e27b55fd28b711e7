import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, buildWarehouse, cubeGet, loadRows, num, startFixtureServer, tempDir } from './helpers';
import type { Fixture } from './helpers';
import { FUNNEL_BY_MQL_MONTH, FUNNEL_TOTAL } from './expected';

const root = resolve(FIXTURE_DIR, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

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
    expect(row).toMatchObject({ 'funnel.handoff_date': '2024-01-05T17:00:00.000', 'funnel.mql_date.hour': '2024-01-05T16:00:00.000' });
  });
});

describe('a server on a machine whose clock is not in UTC', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers in UTC all the same (DuckDB would read the marts in the machine zone)', async () => {
    dir = tempDir();
    const warehouse = await buildWarehouse(join(dir, 'warehouse.duckdb'));
    const port = await freePort();
    child = spawn(tsx, ['server/cli.ts', '--warehouse', warehouse, '--port', String(port), '--no-pre-aggregations'], {
      cwd: root,
      env: { ...process.env, TZ: 'Asia/Bangkok', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((ready, fail) => {
      let output = '';
      const onData = (data: Buffer) => {
        output += data.toString();
        if (output.includes(`localhost:${port}`)) ready();
      };
      child?.stdout?.on('data', onData);
      child?.stderr?.on('data', onData);
      child?.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
    });
    const url = `http://localhost:${port}`;
    const [row] = await loadRows(url, l01);
    expect(row).toMatchObject(l01InUtc);
    const months = await loadRows(url, { measures: ['funnel.mql_count'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }] });
    expect(months.filter((r) => r['funnel.mql_date.month'] !== null).map((r) => [r['funnel.mql_date.month'], num(r['funnel.mql_count'])])).toEqual(
      Object.entries(FUNNEL_BY_MQL_MONTH).map(([month, values]) => [month, values.mql_count]),
    );
  });
});
