import { describe, expect, it } from 'vitest';
import { MAX_QUERY_DEPTH, jsonDepth, queryShapeError } from './query-shape';

const nest = (depth: number): unknown => {
  let value: unknown = { member: 'funnel.channel', operator: 'set' };
  for (let i = 1; i < depth; i += 1) value = { and: [value] };
  return value;
};

describe('jsonDepth', () => {
  it.each([
    [1, 0],
    [{}, 1],
    [[], 1],
    [{ a: [1] }, 2],
    [{ a: [{ b: 'x' }] }, 3],
  ])('%j → %i', (value, depth) => {
    expect(jsonDepth(value)).toBe(depth);
  });
  it('stops counting past the limit instead of walking 100,000 levels', () => {
    let value: unknown = [];
    for (let i = 0; i < 100_000; i += 1) value = [value];
    expect(jsonDepth(value)).toBe(MAX_QUERY_DEPTH + 2);
  });
});

describe('queryShapeError', () => {
  it.each([
    { query: { measures: ['funnel.lead_count'] }, error: undefined },
    { query: { measures: ['funnel.lead_count'], dimensions: ['funnel.channel'], segments: [], filters: [], timeDimensions: [{ dimension: 'funnel.mql_date' }] }, error: undefined },
    { query: [{ measures: ['funnel.lead_count'] }, { measures: ['funnel.mql_count'] }], error: undefined },
    // Nesting that real dashboards send (or/and a few levels) passes; Cube checks the rest.
    { query: { measures: ['funnel.lead_count'], filters: [nest(5)] }, error: undefined },
    { query: { measures: 'funnel.lead_count' }, error: '"measures" must be a list of member names' },
    { query: { dimensions: { a: 1 } }, error: '"dimensions" must be a list of member names' },
    { query: { segments: [null] }, error: '"segments" must be a list of member names' },
    { query: { timeDimensions: 'funnel.mql_date' }, error: '"timeDimensions" must be a list of objects' },
    { query: { timeDimensions: [null] }, error: '"timeDimensions" must be a list of objects' },
    { query: { filters: { member: 'funnel.channel' } }, error: '"filters" must be a list' },
    { query: 'funnel.lead_count', error: 'the query must be a JSON object' },
    { query: null, error: 'the query must be a JSON object' },
    { query: [], error: 'the query is an empty list' },
    { query: [{ measures: ['funnel.lead_count'] }, 7], error: 'query 2 of 2: the query must be a JSON object' },
    { query: { measures: ['funnel.lead_count'], filters: [nest(MAX_QUERY_DEPTH * 2)] }, error: `nests deeper than ${MAX_QUERY_DEPTH} levels` },
  ])('$query → $error', ({ query, error }) => {
    const found = queryShapeError(query);
    if (error === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(error);
  });
});
