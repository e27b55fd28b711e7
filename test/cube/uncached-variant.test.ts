/**
 * The bench's uncached figure (`bench/lib/cube-rest.ts` uncachedVariant) is honest only if each
 * variant answers exactly what the dashboard's query answers, from the same rollup (or the same
 * marts), through SQL Cube has not cached. Asked of a real server over the hand-counted fixture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedSql, stringDimensions, uncachedVariant } from '../../bench/lib/cube-rest';
import type { StringDimensions } from '../../bench/lib/cube-rest';
import { cubeGet, startFixtureServer } from './helpers';
import type { Fixture } from './helpers';

let fixture: Fixture;
let strings: StringDimensions;
beforeAll(async () => {
  fixture = await startFixtureServer();
  strings = await stringDimensions(fixture.server.url);
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});

const cases = [
  {
    name: 'an answer under its limit: a higher limit',
    // Ordered by the channel: by the count alone, two channels tie and come in either order.
    query: { measures: ['funnel.mql_count'], dimensions: ['funnel.channel'], order: { 'funnel.channel': 'asc' } },
    varied: (q: Record<string, unknown>) => expect(q.limit).toBe(10_000 + 3 + 1),
  },
  {
    name: 'the data window (limit 1, reached; a time dimension without a range): a range over every year, which the rollup still serves',
    query: { measures: ['funnel.lead_count'], timeDimensions: [{ dimension: 'funnel.created_date', granularity: 'day' }], order: { 'funnel.created_date': 'asc' }, limit: 1 },
    varied: (q: Record<string, unknown>) => expect(q.timeDimensions).toEqual([{ dimension: 'funnel.created_date', granularity: 'day', dateRange: ['1900-01-01', '2203-12-31'] }]),
  },
  {
    name: 'a list its limit cuts, every time dimension ranged: notEquals a value no row has',
    query: { dimensions: ['funnel.full_name', 'funnel.channel'], timeDimensions: [{ dimension: 'funnel.mql_date', dateRange: ['2024-01-01', '2024-03-31'] }], order: { 'funnel.full_name': 'asc' }, limit: 2 },
    varied: (q: Record<string, unknown>) => expect(q.filters).toEqual([{ member: 'funnel.full_name', operator: 'notEquals', values: ['(bench no-op 3)'] }]),
  },
];

describe('the bench varies a dashboard query without changing its answer', () => {
  for (const { name, query, varied } of cases) {
    it(name, async () => {
      const original = await cubeGet(fixture.server.url, 'load', query);
      expect(original.status).toBe(200);
      const rows = (original.body.data as unknown[]).length;
      const variant = uncachedVariant(query, 3, rows, strings) as Record<string, unknown>;
      varied(variant);
      const answer = await cubeGet(fixture.server.url, 'load', variant);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual(original.body.data);
      expect(Object.keys(answer.body.usedPreAggregations ?? {})).toEqual(Object.keys(original.body.usedPreAggregations ?? {}));
      // Another SQL text or other parameters: another key in Cube's result cache.
      expect(await generatedSql(fixture.server.url, variant)).not.toEqual(await generatedSql(fixture.server.url, query));
    });
  }
});
