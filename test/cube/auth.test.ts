import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/src/auth';
import { FUNNEL_TOTAL, NA_LEADS, TEAM_B_LEADS } from './expected';
import { cubeGet, num, startFixtureServer } from './helpers';
import type { Fixture, Row } from './helpers';

const SECRET = 'closedloop-test-secret';
const leadsQuery = { measures: ['funnel.lead_count', 'funnel.mql_count'] };
let fixture: Fixture;

beforeAll(async () => {
  fixture = await startFixtureServer({ production: true, apiSecret: SECRET });
});
afterAll(async () => {
  await fixture?.close();
});

describe('production mode: every request needs a valid JWT', () => {
  const rejected = [
    { name: 'no token', token: undefined, error: "Authorization header isn't set" },
    { name: 'wrong secret', token: createToken('another-secret'), error: 'Invalid token: invalid signature' },
    {
      name: 'expired token',
      token: jwt.sign({ exp: Math.floor(Date.now() / 1000) - 60 }, SECRET, { algorithm: 'HS256' }),
      error: 'Invalid token: jwt expired',
    },
    { name: 'not a JWT', token: 'not-a-token', error: 'Invalid token: jwt malformed' },
  ];
  for (const { name, token, error } of rejected) {
    it(`${name} -> 403`, async () => {
      const { status, body } = await cubeGet(fixture.server.url, 'load', leadsQuery, token);
      expect(status).toBe(403);
      expect(String(body.error)).toContain(error);
    });
  }

  it('meta without a token -> 403', async () => {
    const response = await fetch(`${fixture.server.url}/cubejs-api/v1/meta`);
    expect(response.status).toBe(403);
  });

  it('a valid token with no claims sees everything (also as "Bearer <token>")', async () => {
    const { status, body } = await cubeGet(fixture.server.url, 'load', leadsQuery, `Bearer ${createToken(SECRET)}`);
    expect(status).toBe(200);
    expect(num((body.data as Row[])[0]?.['funnel.lead_count'])).toBe(FUNNEL_TOTAL.lead_count);
  });
});

describe('region / team claims restrict rows', () => {
  const cases = [
    { name: 'region NA', claims: { region: 'NA' }, expected: NA_LEADS },
    { name: 'team Team B', claims: { team: 'Team B' }, expected: TEAM_B_LEADS },
    { name: 'regions NA + EMEA', claims: { region: ['NA', 'EMEA'] }, expected: { lead_count: 13, mql_count: 11 } },
  ];
  for (const { name, claims, expected } of cases) {
    it(name, async () => {
      const { status, body } = await cubeGet(fixture.server.url, 'load', leadsQuery, createToken(SECRET, claims));
      expect(status).toBe(200);
      const row = (body.data as Row[])[0];
      expect({ lead_count: num(row?.['funnel.lead_count']), mql_count: num(row?.['funnel.mql_count']) }).toEqual(expected);
    });
  }

  it('grouped by region, a NA token sees only NA', async () => {
    const { body } = await cubeGet(fixture.server.url, 'load', { ...leadsQuery, dimensions: ['funnel.region'] }, createToken(SECRET, { region: 'NA' }));
    expect((body.data as Row[]).map((r) => r['funnel.region'])).toEqual(['NA']);
  });

  it('restricts ungrouped row lists (the dashboard\'s paged lists): a NA token gets the NA leads only', async () => {
    const list = { dimensions: ['funnel.lead_id', 'funnel.region'], ungrouped: true, order: [['funnel.lead_id', 'asc']], limit: 100 };
    const { status, body } = await cubeGet(fixture.server.url, 'load', list, createToken(SECRET, { region: 'NA' }));
    expect(status).toBe(200);
    const rows = body.data as Row[];
    expect(rows.length).toBe(NA_LEADS.lead_count);
    expect(new Set(rows.map((r) => r['funnel.region']))).toEqual(new Set(['NA']));
  });

  it('restricts other views too (pipeline: NA deals O1 O2 O4 O5 O7)', async () => {
    const { body } = await cubeGet(fixture.server.url, 'load', { measures: ['pipeline.opportunity_count'] }, createToken(SECRET, { region: 'NA' }));
    expect(num((body.data as Row[])[0]?.['pipeline.opportunity_count'])).toBe(5);
  });

  it('row-scopes the leakage view by its own region and team (fixture: all 4 leaks are EMEA, Team B has 1)', async () => {
    const count = async (claims: Record<string, string>) => {
      const { status, body } = await cubeGet(fixture.server.url, 'load', { measures: ['leakage.leak_row_count'] }, createToken(SECRET, claims));
      expect(status).toBe(200);
      return num((body.data as Row[])[0]?.['leakage.leak_row_count']) ?? 0;
    };
    expect(await count({ region: 'NA' })).toBe(0);
    expect(await count({ region: 'EMEA' })).toBe(4);
    expect(await count({ team: 'Team B' })).toBe(1);
  });

  const forbidden = [
    {
      name: 'asking for another region',
      query: { ...leadsQuery, filters: [{ member: 'funnel.region', operator: 'equals', values: ['EMEA'] }] },
      error: 'Your token allows region NA only; the query asks for region EMEA.',
    },
    {
      name: 'asking for another region inside an or-group',
      query: {
        ...leadsQuery,
        filters: [{ or: [{ member: 'funnel.channel', operator: 'equals', values: ['Events'] }, { member: 'funnel.region', operator: 'equals', values: ['NA', 'APAC'] }] }],
      },
      error: 'Your token allows region NA only; the query asks for region APAC.',
    },
    {
      name: 'company-wide marketing targets',
      query: { measures: ['marketing_sla.committed_mqls'] },
      error: 'marketing_sla.committed_mqls is company-wide data',
    },
    {
      name: 'the quarantine (no region)',
      query: { measures: ['quarantine.rejected_row_count'] },
      error: 'quarantine.rejected_row_count is company-wide data',
    },
  ];
  for (const { name, query, error } of forbidden) {
    it(`${name} -> 403 with a clear message`, async () => {
      const { status, body } = await cubeGet(fixture.server.url, 'load', query, createToken(SECRET, { region: 'NA' }));
      expect(status).toBe(403);
      expect(String(body.error)).toContain(error);
    });
  }

  it('build time is visible to everyone', async () => {
    const { status } = await cubeGet(fixture.server.url, 'load', { dimensions: ['freshness.as_of'] }, createToken(SECRET, { region: 'NA' }));
    expect(status).toBe(200);
  });

  it('applies to the generated SQL as well', async () => {
    const { status, body } = await cubeGet(fixture.server.url, 'sql', leadsQuery, createToken(SECRET, { region: 'NA' }));
    expect(status).toBe(200);
    const sql = (body.sql as { sql: [string, unknown[]] }).sql;
    expect(sql[0]).toMatch(/region/);
    expect(sql[1]).toEqual(['NA']);
  });
});

describe('local mode', () => {
  let local: Fixture;
  beforeAll(async () => {
    local = await startFixtureServer({ production: false, apiSecret: SECRET });
  });
  afterAll(async () => {
    await local?.close();
  });
  it('needs no token', async () => {
    const { status } = await cubeGet(local.server.url, 'load', leadsQuery);
    expect(status).toBe(200);
  });
  it('still applies a token\'s claims', async () => {
    const { body } = await cubeGet(local.server.url, 'load', leadsQuery, createToken(SECRET, { region: 'NA' }));
    expect(num((body.data as Row[])[0]?.['funnel.lead_count'])).toBe(NA_LEADS.lead_count);
  });
});
