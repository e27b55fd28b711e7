import { describe, expect, it } from 'vitest';
import { formatTimeValue, getFinalQueryResult, getFinalQueryResultMulti } from './final-result';
import type { TransformData } from './final-result';

const columnar = (rows: Record<string, unknown>[]): Buffer => {
  const members = rows[0] ? Object.keys(rows[0]) : [];
  return Buffer.from(JSON.stringify({ members, columns: members.map((m) => rows.map((r) => r[m])) }));
};
const parse = (buffer: Buffer): Record<string, unknown> => JSON.parse(buffer.toString('utf8')) as Record<string, unknown>;

const annotation = {
  'orders.count': { type: 'number' },
  'orders.status': { type: 'string' },
  'orders.created_at.month': { type: 'time' },
  'orders.created_at': { type: 'time' },
};
const aliases = {
  orders__count: 'orders.count',
  orders__status: 'orders.status',
  orders__created_at_month: 'orders.created_at.month',
};
const monthQuery = {
  measures: ['orders.count'],
  dimensions: ['orders.status'],
  timeDimensions: [{ dimension: 'orders.created_at', granularity: 'month', dateRange: ['2024-01-01', '2024-02-29'] }],
};
const rows = [
  { orders__status: 'new', orders__created_at_month: '2024-01-01T00:00:00.000Z', orders__count: '3' },
  { orders__status: 'done', orders__created_at_month: '2024-02-01 00:00:00', orders__count: '5' },
];
const request = (overrides: Partial<TransformData> = {}): TransformData => ({
  aliasToMemberNameMap: aliases, annotation, query: monthQuery, queryType: 'regularQuery', resType: 'default', ...overrides,
});

describe('formatTimeValue', () => {
  const cases = [
    { input: '2024-01-01T00:00:00.000Z', expected: '2024-01-01T00:00:00.000' },
    { input: '2024-01-01 10:20:30', expected: '2024-01-01T10:20:30.000' },
    { input: '2024-01-01T10:20:30.123456', expected: '2024-01-01T10:20:30.123' },
    { input: '2024-01-01 10:20:30.5 UTC', expected: '2024-01-01T10:20:30.500' },
    { input: '2024-01-01T10:20:30+02:00', expected: '2024-01-01T10:20:30.000' },
    { input: 'not a time', expected: 'not a time' },
  ];
  for (const { input, expected } of cases) it(input, () => expect(formatTimeValue(input)).toBe(expected));
});

describe('getFinalQueryResult', () => {
  const resultData = { query: monthQuery, annotation: { measures: {} }, slowQuery: false, total: null, dataSource: 'default', external: false };

  const cases = [
    {
      name: 'regular rows keyed by member, with the time dimension also without granularity',
      transform: request(),
      expected: [
        { 'orders.status': 'new', 'orders.created_at.month': '2024-01-01T00:00:00.000', 'orders.count': '3', 'orders.created_at': '2024-01-01T00:00:00.000' },
        { 'orders.status': 'done', 'orders.created_at.month': '2024-02-01T00:00:00.000', 'orders.count': '5', 'orders.created_at': '2024-02-01T00:00:00.000' },
      ],
    },
    {
      name: 'compact format',
      transform: request({ resType: 'compact' }),
      expected: {
        members: ['orders.status', 'orders.created_at.month', 'orders.count', 'orders.created_at'],
        dataset: [
          ['new', '2024-01-01T00:00:00.000', '3', '2024-01-01T00:00:00.000'],
          ['done', '2024-02-01T00:00:00.000', '5', '2024-02-01T00:00:00.000'],
        ],
      },
    },
    {
      name: 'compareDateRange adds the range to each row',
      transform: request({ queryType: 'compareDateRangeQuery' }),
      expected: [
        { 'orders.status': 'new', 'orders.created_at.month': '2024-01-01T00:00:00.000', 'orders.count': '3', 'orders.created_at': '2024-01-01T00:00:00.000', compareDateRange: '2024-01-01 - 2024-02-29' },
        { 'orders.status': 'done', 'orders.created_at.month': '2024-02-01T00:00:00.000', 'orders.count': '5', 'orders.created_at': '2024-02-01T00:00:00.000', compareDateRange: '2024-01-01 - 2024-02-29' },
      ],
    },
    {
      name: 'blending adds time.<granularity>',
      transform: request({ queryType: 'blendingQuery', resType: 'compact' }),
      expected: {
        members: ['orders.status', 'orders.created_at.month', 'orders.count', 'orders.created_at', 'time.month'],
        dataset: [
          ['new', '2024-01-01T00:00:00.000', '3', '2024-01-01T00:00:00.000', '2024-01-01T00:00:00.000'],
          ['done', '2024-02-01T00:00:00.000', '5', '2024-02-01T00:00:00.000', '2024-02-01T00:00:00.000'],
        ],
      },
    },
  ];
  for (const { name, transform, expected } of cases) {
    it(name, () => {
      const out = parse(getFinalQueryResult(transform, columnar(rows), resultData));
      expect(out.data).toEqual(expected);
    });
  }

  it('keeps Cube\'s result fields, leaving out empty optional ones', () => {
    const out = parse(getFinalQueryResult(request(), columnar(rows), resultData));
    expect(Object.keys(out)).toEqual(['query', 'annotation', 'dataSource', 'external', 'slowQuery', 'data']);
  });

  it('returns a Buffer (GraphQL and WebSocket decode it with TextDecoder)', () => {
    expect(Buffer.isBuffer(getFinalQueryResult(request(), columnar(rows), resultData))).toBe(true);
  });

  it('an empty result is an empty list, as in Cube\'s Rust transform, even with a filter-only time dimension', () => {
    // A time dimension with only a dateRange has no annotation entry: the dashboard's
    // "by channel in an empty period" query must give no rows, not a hidden-member error.
    const filterOnly = { measures: ['orders.count'], dimensions: ['orders.status'], timeDimensions: [{ dimension: 'orders.created_at', dateRange: ['2001-01-01', '2001-01-31'] }] };
    const { 'orders.created_at': _omit, ...withoutTime } = annotation;
    const out = parse(getFinalQueryResult(request({ query: filterOnly, annotation: withoutTime }), columnar([]), resultData));
    expect(out.data).toEqual([]);
  });
});

describe('getFinalQueryResultMulti', () => {
  it('compareDateRange: one result per range, and a pivot query with compareDateRange first', () => {
    const queries = [
      { ...monthQuery, timeDimensions: [{ dimension: 'orders.created_at', granularity: 'month', dateRange: ['2024-02-01', '2024-02-29'] }] },
      { ...monthQuery, timeDimensions: [{ dimension: 'orders.created_at', granularity: 'month', dateRange: ['2024-01-01', '2024-01-31'] }] },
    ];
    const transforms = queries.map((query) => request({ query, queryType: 'compareDateRangeQuery' }));
    const out = parse(getFinalQueryResultMulti(transforms, [columnar(rows.slice(1)), columnar(rows.slice(0, 1))], {
      queryType: 'compareDateRangeQuery',
      results: queries.map((query) => ({ query, annotation: {}, slowQuery: false })),
      slowQuery: false,
    })) as { queryType: string; results: { data: Record<string, unknown>[] }[]; pivotQuery: { dimensions: string[]; queryType: string } };
    expect(out.queryType).toBe('compareDateRangeQuery');
    expect(out.results.map((r) => r.data.map((d) => d.compareDateRange))).toEqual([['2024-02-01 - 2024-02-29'], ['2024-01-01 - 2024-01-31']]);
    expect(out.pivotQuery.dimensions).toEqual(['compareDateRange', 'orders.status']);
    expect(out.pivotQuery.queryType).toBe('compareDateRangeQuery');
  });
});
