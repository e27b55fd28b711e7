import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cubeGet, loadRows, num, startFixtureServer } from './helpers';
import type { Fixture } from './helpers';
import { FUNNEL_TOTAL } from './expected';

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
