import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNNEL_TOTAL } from './expected';
import { cubeGet, loadRows, num, startFixtureServer } from './helpers';
import type { Fixture } from './helpers';

let fixture: Fixture;
beforeAll(async () => {
  fixture = await startFixtureServer();
});
afterAll(async () => {
  await fixture?.close();
});

async function expectStillServing(): Promise<void> {
  const rows = await loadRows(fixture.server.url, { measures: ['funnel.lead_count'] });
  expect(num(rows[0]?.['funnel.lead_count'])).toBe(FUNNEL_TOTAL.lead_count);
}

describe('bad queries get 400 with Cube\'s message, and the server keeps serving', () => {
  const cases = [
    { name: 'unknown member', query: { measures: ['funnel.nope'] }, error: 'nope' },
    { name: 'unknown view', query: { measures: ['nowhere.count'] }, error: 'nowhere' },
    { name: 'private cube member', query: { measures: ['leads.lead_count'] }, error: "'leads.lead_count' is not a member of a public view" },
    { name: 'measure used as a dimension', query: { dimensions: ['funnel.lead_count'] }, error: 'lead_count' },
    { name: 'mixing two views with no join path', query: { measures: ['marketing_sla.committed_mqls'], dimensions: ['funnel.team'] }, error: "Can't find join path" },
    { name: 'SQL in a member name', query: { dimensions: ['funnel.channel; DROP TABLE leads; --'] }, error: 'DROP TABLE' },
    {
      name: 'object instead of a filter value',
      query: { measures: ['funnel.lead_count'], filters: [{ member: 'funnel.channel', operator: 'equals', values: [{ sql: '1=1' }] }] },
      error: 'Invalid query format',
    },
    {
      name: 'unknown filter operator',
      query: { measures: ['funnel.lead_count'], filters: [{ member: 'funnel.channel', operator: 'raw', values: ['1=1'] }] },
      error: 'Invalid query format',
    },
  ];
  for (const { name, query, error } of cases) {
    it(name, async () => {
      const { status, body } = await cubeGet(fixture.server.url, 'load', query);
      expect(status).toBe(400);
      expect(String(body.error)).toContain(error);
      await expectStillServing();
    });
  }

  it('malformed JSON in the query parameter', async () => {
    const response = await fetch(`${fixture.server.url}/cubejs-api/v1/load?query=${encodeURIComponent('{"measures": [')}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('Unable to decode query param as JSON');
    await expectStillServing();
  });

  it('malformed JSON in a POST body', async () => {
    const response = await fetch(`${fixture.server.url}/cubejs-api/v1/load`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"query": {"measures": [',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('Unable to decode the request body as JSON');
    await expectStillServing();
  });
});

describe('injection attempts in filter values are bound as parameters, never run', () => {
  const attempts = [
    "x' OR '1'='1",
    "'; DROP TABLE leads; --",
    'Organic\') UNION SELECT lead_id FROM leads --',
  ];
  for (const value of attempts) {
    it(JSON.stringify(value), async () => {
      const rows = await loadRows(fixture.server.url, {
        measures: ['funnel.lead_count'],
        filters: [{ member: 'funnel.channel', operator: 'equals', values: [value] }],
      });
      // No lead matches (0, or null when answered from the rollup's SUM of counts).
      expect(rows.map((r) => num(r['funnel.lead_count']) ?? 0)).toEqual([0]);
      const sql = await cubeGet(fixture.server.url, 'sql', { measures: ['funnel.lead_count'], filters: [{ member: 'funnel.channel', operator: 'equals', values: [value] }] });
      const [text, params] = (sql.body.sql as { sql: [string, unknown[]] }).sql;
      expect(text).not.toContain(value);
      expect(params).toEqual([value]);
      await expectStillServing();
    });
  }
});
