import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutPreAggregations } from '../../server/src/model-repository';
import { FUNNEL_TOTAL } from './expected';
import { cubeGet, num, startFixtureServer } from './helpers';
import type { Fixture } from './helpers';

describe('withoutPreAggregations', () => {
  const cases = [
    { name: 'drops a cube\'s pre_aggregations', input: 'cubes:\n  - name: a\n    sql_table: t\n    pre_aggregations:\n      - name: p\n        type: rollup\n', expected: { cubes: [{ name: 'a', sql_table: 't' }] } },
    { name: 'leaves views alone', input: 'views:\n  - name: v\n    cubes: []\n', expected: { views: [{ name: 'v', cubes: [] }] } },
  ];
  it.each(cases)('$name', async ({ input, expected }) => {
    const { parse } = await import('yaml');
    expect(parse(withoutPreAggregations(input))).toEqual(expected);
  });
});

describe('a server with pre-aggregations off', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await startFixtureServer({ preAggregations: false });
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('answers from the marts, with the same numbers', async () => {
    const { status, body } = await cubeGet(fixture.server.url, 'load', {
      measures: ['funnel.mql_count'],
      dimensions: ['funnel.channel'],
      timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }],
    });
    expect(status).toBe(200);
    expect(body.usedPreAggregations ?? {}).toEqual({});
    const total = (body.data as Record<string, unknown>[]).reduce((sum, row) => sum + (num(row['funnel.mql_count']) ?? 0), 0);
    expect(total).toBe(FUNNEL_TOTAL.mql_count);
  });
});
