import { describe, expect, it } from 'vitest';
import type { Query } from '@cubejs-client/core';
import type { CubeRow } from './cube-client';
import { EXPORT_PAGE_SIZE, describePage, listOrder, listPageQuery, loadEveryRow, pageCount } from './list-query';

describe('listOrder', () => {
  it.each([
    { sort: { key: 'v.date', direction: 'asc' as const }, key: ['v.id'], expected: [['v.date', 'asc'], ['v.id', 'asc']] },
    { sort: { key: 'v.id', direction: 'desc' as const }, key: ['v.id'], expected: [['v.id', 'desc']] },
    { sort: { key: 'v.id', direction: 'desc' as const }, key: ['v.id', 'v.kind'], expected: [['v.id', 'desc'], ['v.kind', 'asc']] },
    { sort: { key: 'v.name', direction: 'desc' as const }, key: ['v.id', 'v.kind'], expected: [['v.name', 'desc'], ['v.id', 'asc'], ['v.kind', 'asc']] },
  ])('$sort.key $sort.direction then the row key $key', ({ sort, key, expected }) => {
    expect(listOrder(sort, key)).toEqual(expected);
  });
});

describe('listPageQuery', () => {
  it.each([
    { index: 0, offset: 0 },
    { index: 3, offset: 300 },
  ])('page $index is ungrouped, 100 rows from $offset', ({ index, offset }) => {
    const base: Query = { dimensions: ['v.id', 'v.date'], filters: [{ member: 'v.id', operator: 'set' }] };
    expect(listPageQuery(base, { index, sort: { key: 'v.date', direction: 'asc' } }, ['v.id'])).toEqual({
      ...base,
      ungrouped: true,
      order: [['v.date', 'asc'], ['v.id', 'asc']],
      limit: 100,
      offset,
    });
  });
});

describe('describePage and pageCount', () => {
  it.each([
    { index: 0, shown: 100, total: 63964, text: '1–100 of 63,964' },
    { index: 639, shown: 64, total: 63964, text: '63,901–63,964 of 63,964' },
    { index: 0, shown: 7, total: 7, text: '1–7 of 7' },
    { index: 2, shown: 100, total: null, text: '201–300' },
    { index: 0, shown: 0, total: 0, text: 'No rows' },
  ])('$text', ({ index, shown, total, text }) => {
    expect(describePage(index, shown, total)).toBe(text);
  });

  it.each([
    [0, 1],
    [1, 1],
    [100, 1],
    [101, 2],
    [63964, 640],
  ])('%i rows make %i pages', (total, pages) => {
    expect(pageCount(total)).toBe(pages);
  });
});

describe('loadEveryRow', () => {
  const rows = (n: number, from = 0): CubeRow[] => Array.from({ length: n }, (_, i) => ({ 'v.id': from + i }));

  it.each([
    { total: 0, requests: 1 },
    { total: 5, requests: 1 },
    { total: EXPORT_PAGE_SIZE, requests: 2 },
    { total: EXPORT_PAGE_SIZE * 2 + 3, requests: 3 },
  ])('$total rows in $requests requests, each ordered and offset', async ({ total, requests }) => {
    const asked: Query[] = [];
    const progress: number[] = [];
    const got = await loadEveryRow(
      { dimensions: ['v.id'] },
      { key: 'v.id', direction: 'asc' },
      ['v.id'],
      async (query) => {
        asked.push(query);
        const offset = query.offset ?? 0;
        return rows(Math.max(0, Math.min(EXPORT_PAGE_SIZE, total - offset)), offset);
      },
      (n) => progress.push(n),
    );
    expect(got.length).toBe(total);
    expect(got.every((row, i) => row['v.id'] === i)).toBe(true);
    expect(asked.map((q) => [q.offset, q.limit, q.ungrouped, q.order])).toEqual(
      Array.from({ length: requests }, (_, i) => [i * EXPORT_PAGE_SIZE, EXPORT_PAGE_SIZE, true, [['v.id', 'asc']]]),
    );
    expect(progress.at(-1)).toBe(total);
  });
});
