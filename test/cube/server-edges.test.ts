/**
 * Server edges (issue #8, item 7), table-driven over a real Cube server on HTTP: tokens whose
 * claims allow nothing, query bodies Cube's own validation let through to a 500, damaged
 * warehouse files, and the pre-aggregation build race.
 */
import { copyFileSync, closeSync, openSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/src/auth';
import { startServer } from '../../server/src/start-server';
import { WarehouseDriver } from '../../server/src/warehouse/warehouse-driver';
import { FUNNEL_TOTAL, NA_LEADS } from './expected';
import { buildWarehouse, cubeGet, num, startFixtureServer, tempDir } from './helpers';
import type { Fixture } from './helpers';

const SECRET = 'closedloop-edges-secret';
let fixture: Fixture;
beforeAll(async () => {
  fixture = await startFixtureServer({ production: true, apiSecret: SECRET });
});
afterAll(async () => {
  await fixture?.close();
});

const token = createToken(SECRET);
const leadCount = { measures: ['funnel.lead_count'] };

async function expectStillServing(): Promise<void> {
  const { status, body } = await cubeGet(fixture.server.url, 'load', leadCount, token);
  expect(status).toBe(200);
  expect(num((body.data as Record<string, unknown>[])[0]?.['funnel.lead_count'])).toBe(FUNNEL_TOTAL.lead_count);
}

describe('a token whose region or team claim allows nothing is refused, not unrestricted', () => {
  const sign = (payload: Record<string, unknown>) => jwt.sign(payload, SECRET, { algorithm: 'HS256', expiresIn: '1h' });
  const refused = [
    { name: 'region: []', payload: { region: [] }, error: `Your token's "region" claim is [], which allows no rows` },
    { name: 'team: []', payload: { team: [] }, error: `Your token's "team" claim is [], which allows no rows` },
    { name: 'region: ""', payload: { region: '' }, error: `"region" claim is "", which allows no rows` },
    { name: 'region: ["NA", ""]', payload: { region: ['NA', ''] }, error: `"region" claim is ["NA",""], which allows no rows` },
    { name: 'team: [null]', payload: { team: [null] }, error: `"team" claim is [null], which allows no rows` },
    { name: 'region: {}', payload: { region: {} }, error: `"region" claim is {}, which allows no rows` },
    { name: 'region NA but team: []', payload: { region: 'NA', team: [] }, error: `"team" claim is []` },
  ];
  for (const { name, payload, error } of refused) {
    it(`${name} → 403`, async () => {
      const { status, body } = await cubeGet(fixture.server.url, 'load', leadCount, sign(payload));
      expect(status).toBe(403);
      expect(String(body.error)).toContain(error);
    });
  }

  // The same server still honours real claims and unrestricted tokens (hand-counted in expected.ts).
  const allowed = [
    { name: 'no claims', payload: {}, leads: FUNNEL_TOTAL.lead_count },
    { name: 'region: ["NA"]', payload: { region: ['NA'] }, leads: NA_LEADS.lead_count },
    { name: 'region: "NA"', payload: { region: 'NA' }, leads: NA_LEADS.lead_count },
  ];
  for (const { name, payload, leads } of allowed) {
    it(`${name} → 200 with ${leads} leads`, async () => {
      const { status, body } = await cubeGet(fixture.server.url, 'load', leadCount, sign(payload));
      expect(status, JSON.stringify(body)).toBe(200);
      expect(num((body.data as Record<string, unknown>[])[0]?.['funnel.lead_count'])).toBe(leads);
    });
  }
});

describe('malformed query bodies answer 400 with a message, and the server keeps serving', () => {
  const nested = (depth: number) =>
    `${'{"and":['.repeat(depth)}{"member":"funnel.channel","operator":"set"}${']}'.repeat(depth)}`;
  const cases = [
    { name: 'measures as a string', body: JSON.stringify({ query: { measures: 'funnel.lead_count' } }), error: '"measures" must be a list of member names' },
    { name: 'dimensions as a string', body: JSON.stringify({ query: { measures: ['funnel.lead_count'], dimensions: 'funnel.channel' } }), error: '"dimensions" must be a list of member names' },
    { name: 'a number in measures', body: JSON.stringify({ query: { measures: [1] } }), error: '"measures" must be a list of member names' },
    { name: 'timeDimensions as a string', body: JSON.stringify({ query: { measures: ['funnel.lead_count'], timeDimensions: 'funnel.mql_date' } }), error: '"timeDimensions" must be a list of objects' },
    { name: 'timeDimensions of strings', body: JSON.stringify({ query: { measures: ['funnel.lead_count'], timeDimensions: ['funnel.mql_date'] } }), error: '"timeDimensions" must be a list of objects' },
    { name: 'filters as a string', body: JSON.stringify({ query: { measures: ['funnel.lead_count'], filters: 'channel = x' } }), error: '"filters" must be a list' },
    { name: 'the query as a number', body: JSON.stringify({ query: 42 }), error: 'the query must be a JSON object' },
    { name: 'a bad query inside a list of queries', body: JSON.stringify({ query: [leadCount, { measures: 'funnel.mql_count' }] }), error: 'query 2 of 2: "measures" must be a list' },
    { name: 'filters nested 5,000 levels deep', body: `{"query":{"measures":["funnel.lead_count"],"filters":[${nested(5000)}]}}`, error: 'nests deeper than 32 levels' },
    { name: 'a list nested 20,000 levels deep', body: `{"query":{"measures":${'['.repeat(20000)}${']'.repeat(20000)}}}`, error: 'nests deeper than 32 levels' },
  ];
  for (const endpoint of ['load', 'sql']) {
    for (const { name, body, error } of cases) {
      it(`POST /${endpoint}: ${name}`, async () => {
        const response = await fetch(`${fixture.server.url}/cubejs-api/v1/${endpoint}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: token },
          body,
        });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: string }).error).toContain(error);
      });
    }
  }
  for (const { name, body, error } of cases.slice(0, 6)) {
    it(`GET /load?query=: ${name}`, async () => {
      const query = (JSON.parse(body) as { query: unknown }).query;
      const { status, body: answer } = await cubeGet(fixture.server.url, 'load', query, token);
      expect(status).toBe(400);
      expect(String(answer.error)).toContain(error);
    });
  }
  it('a real nested filter (and/or, three levels) still works', async () => {
    const query = {
      measures: ['funnel.lead_count'],
      filters: [{ or: [{ and: [{ member: 'funnel.region', operator: 'equals', values: ['NA'] }] }, { member: 'funnel.region', operator: 'equals', values: ['NA'] }] }],
    };
    const { status, body } = await cubeGet(fixture.server.url, 'load', query, token);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(num((body.data as Record<string, unknown>[])[0]?.['funnel.lead_count'])).toBe(NA_LEADS.lead_count);
  });
  it('still serving after all of them', expectStillServing);
});

describe('a damaged warehouse file is reported as damaged, not as locked', () => {
  let dir: string;
  let base: string;
  beforeAll(async () => {
    dir = tempDir();
    base = await buildWarehouse(join(dir, 'base.duckdb'));
  });
  const overwrite = (path: string, from: number, bytes: number, every = Infinity) => {
    const fd = openSync(path, 'r+');
    for (let offset = from; offset < statSync(path).size; offset += every) {
      writeSync(fd, Buffer.alloc(bytes, 0x5a), 0, bytes, offset);
      if (every === Infinity) break;
    }
    closeSync(fd);
  };
  const damages = [
    { name: 'garbage over the header', damage: (p: string) => overwrite(p, 0, 4096), message: /not a readable DuckDB database/ },
    { name: 'garbage over data blocks (checksums fail)', damage: (p: string) => overwrite(p, 12288, 8192, 262144), message: /the file is damaged \(.*checksum.*\)\. Rebuild it with `npm run etl`/ },
    { name: 'cut short (a copy that did not finish)', damage: (p: string) => truncateSync(p, Math.floor(statSync(p).size / 2)), message: /the file is damaged \(.*Could not read.*\)\. Rebuild it/ },
  ];
  for (const { name, damage, message } of damages) {
    it(name, async () => {
      const path = join(dir, `${damages.findIndex((d) => d.name === name)}.duckdb`);
      copyFileSync(base, path);
      damage(path);
      const error = await startServer({ warehousePath: path, port: 0, log: () => undefined }).then(
        async (server) => {
          await server.close();
          return new Error('started');
        },
        (e: unknown) => e as Error,
      );
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/locked/);
    });
  }
});

describe('two builders racing for the same pre-aggregation table both succeed', () => {
  it('the second CREATE of the same table is a no-op, not "already exists"', async () => {
    const dir = tempDir();
    const driver = new WarehouseDriver(await buildWarehouse(join(dir, 'w.duckdb')), 1);
    try {
      await driver.open();
      await driver.query('CREATE SCHEMA IF NOT EXISTS pre_aggregations');
      const build = 'CREATE TABLE pre_aggregations.leads_funnel_by_mql_month_abc_def_123 AS SELECT channel, count(*) AS n FROM leads GROUP BY channel';
      const results = await Promise.allSettled([driver.query(build), driver.query(build), driver.query(build)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const rows = await driver.query<{ n: unknown }>('SELECT sum(n) AS n FROM pre_aggregations.leads_funnel_by_mql_month_abc_def_123');
      expect(Number(rows[0]?.n)).toBe(FUNNEL_TOTAL.lead_count);
      // Anything else that already exists still fails loudly.
      await driver.query('CREATE TABLE other AS SELECT 1 AS x');
      await expect(driver.query('CREATE TABLE other AS SELECT 1 AS x')).rejects.toThrow(/already exists/);
    } finally {
      await driver.release();
    }
  });
});
