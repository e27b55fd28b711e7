import cube from '@cubejs-client/core';
import type { CubeApi, Query } from '@cubejs-client/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNNEL_BY_CHANNEL, FUNNEL_BY_MQL_MONTH } from './expected';
import { cubeGet, num, startFixtureServer } from './helpers';
import type { Fixture } from './helpers';

let fixture: Fixture;
let api: CubeApi;
beforeAll(async () => {
  fixture = await startFixtureServer();
  api = cube('', { apiUrl: `${fixture.server.url}/cubejs-api/v1` });
});
afterAll(async () => {
  await fixture?.close();
});

const byMonth: Query = {
  measures: ['funnel.mql_count', 'funnel.acceptance_rate'],
  timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month', dateRange: ['2024-01-01', '2024-03-31'] }],
};

describe('@cubejs-client/core against the running server', () => {
  it('load + chartPivot', async () => {
    const resultSet = await api.load(byMonth);
    const pivot = resultSet.chartPivot();
    expect(pivot.map((p) => p.x)).toEqual(Object.keys(FUNNEL_BY_MQL_MONTH));
    expect(pivot.map((p) => num(p['funnel.mql_count']))).toEqual(Object.values(FUNNEL_BY_MQL_MONTH).map((v) => v.mql_count));
  });

  it('tablePivot by channel', async () => {
    const resultSet = await api.load({ measures: ['funnel.lead_count'], dimensions: ['funnel.channel'] });
    const table = Object.fromEntries(resultSet.tablePivot().map((r) => [r['funnel.channel'], num(r['funnel.lead_count'])]));
    expect(table).toEqual(Object.fromEntries(Object.entries(FUNNEL_BY_CHANNEL).map(([k, v]) => [k, v.lead_count])));
  });

  it('compareDateRange: this period against the last', async () => {
    const resultSet = await api.load({
      measures: ['funnel.mql_count'],
      timeDimensions: [{
        dimension: 'funnel.mql_date',
        granularity: 'month',
        compareDateRange: [['2024-03-01', '2024-03-31'], ['2024-02-01', '2024-02-29']],
      }],
    });
    const series = resultSet.series();
    expect(series).toHaveLength(2);
    expect(series.map((s) => s.series.map((p) => p.value))).toEqual([[3], [3]]);
    const decomposed = resultSet.decompose().map((rs) => rs.rawData().map((r) => [r['funnel.mql_date.month'], num(r['funnel.mql_count'])]));
    expect(decomposed).toEqual([[['2024-03-01T00:00:00.000', 3]], [['2024-02-01T00:00:00.000', 3]]]);
  });

  it('meta lists the public views', async () => {
    const meta = await api.meta();
    expect(meta.cubes.map((c) => c.name).sort()).toEqual(['agreement', 'attribution', 'freshness', 'funnel', 'funnel_period', 'goal_calendar', 'goals', 'leakage', 'marketing_sla', 'mql_events', 'pipeline', 'quarantine', 'velocity']);
  });

  it('dryRun and sql for a query', async () => {
    const dry = await api.dryRun(byMonth);
    expect(dry.queryType).toBe('regularQuery');
    const sql = await api.sql(byMonth);
    expect(sql.rawQuery().sql[0]).toMatch(/FROM/);
  });
});

describe('REST response shapes (native fallback)', () => {
  it('compact responseFormat', async () => {
    const { status, body } = await cubeGet(fixture.server.url, 'load', { ...byMonth, responseFormat: 'compact' });
    expect(status).toBe(200);
    const data = body.data as { members: string[]; dataset: unknown[][] };
    expect(data.members).toEqual(['funnel.mql_date.month', 'funnel.mql_count', 'funnel.acceptance_rate', 'funnel.mql_date']);
    expect(data.dataset[0]).toEqual(['2024-01-01T00:00:00.000', '5', '0.6', '2024-01-01T00:00:00.000']);
  });

  it('blending (multi-query) with pivotQuery', async () => {
    const query: Query[] = [
      { measures: ['funnel.mql_count'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month', dateRange: ['2024-01-01', '2024-03-31'] }] },
      { measures: ['pipeline.opportunity_count'], timeDimensions: [{ dimension: 'pipeline.created_date', granularity: 'month', dateRange: ['2024-01-01', '2024-03-31'] }] },
    ];
    const url = `${fixture.server.url}/cubejs-api/v1/load?queryType=multi&query=${encodeURIComponent(JSON.stringify(query))}`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      queryType: string;
      results: { data: Record<string, unknown>[] }[];
      pivotQuery: { timeDimensions: unknown[]; queryType: string };
    };
    expect(body.queryType).toBe('blendingQuery');
    expect(body.results).toHaveLength(2);
    expect(body.pivotQuery.timeDimensions).toEqual([{ dimension: 'time', granularity: 'month' }]);
    expect(body.results[0]?.data[0]?.['time.month']).toBe('2024-01-01T00:00:00.000');

    const resultSet = await api.load(query);
    const pivot = resultSet.chartPivot();
    expect(pivot.map((p) => [p.x, num(p['funnel.mql_count']), num(p['pipeline.opportunity_count'])])).toEqual([
      ['2024-01-01T00:00:00.000', 5, 2],
      ['2024-02-01T00:00:00.000', 3, 3],
      ['2024-03-01T00:00:00.000', 3, 2],
    ]);
  });
});

describe('GraphQL API (decodes the fallback\'s Buffer with TextDecoder)', () => {
  it('MQLs by channel', async () => {
    const response = await fetch(`${fixture.server.url}/cubejs-api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ cube { funnel { mql_count channel } } }' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { cube: { funnel: { mql_count: number; channel: string } }[] } };
    const byChannel = Object.fromEntries(body.data.cube.map(({ funnel }) => [funnel.channel, funnel.mql_count]));
    expect(byChannel).toEqual(Object.fromEntries(Object.entries(FUNNEL_BY_CHANNEL).map(([k, v]) => [k, v.mql_count])));
  });
});
