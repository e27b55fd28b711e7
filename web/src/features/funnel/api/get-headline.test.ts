import { describe, expect, it } from 'vitest';
import { parseFilters, resolveFilters } from '../../../lib/filters';
import { headlineQuery } from './get-headline';

// Seeds' window: data from 1 Nov 2025 to 31 Oct 2026.
const resolve = (search: string) => resolveFilters(parseFilters(search), '2026-10-31', {}, '2025-11-01');

describe('headlineQuery', () => {
  const cases = [
    { name: 'QTD against the same days of Q3, in one request', search: 'range=this-quarter', expected: [{ dimension: 'funnel.mql_date', compareDateRange: [['2026-10-01', '2026-10-31'], ['2026-07-01', '2026-07-31']] }] },
    { name: 'a base before the data: the period alone, no comparison', search: 'range=this-quarter&compare=last-year', expected: [{ dimension: 'funnel.mql_date', dateRange: ['2026-10-01', '2026-10-31'] }] },
    { name: 'a custom range whose base starts before the data: the period alone', search: 'from=2025-11-15&to=2026-01-31', expected: [{ dimension: 'funnel.mql_date', dateRange: ['2025-11-15', '2026-01-31'] }] },
    { name: 'all time: no time dimension', search: 'range=all', expected: undefined },
  ];
  for (const c of cases) it(c.name, () => expect(headlineQuery(resolve(c.search)).timeDimensions).toEqual(c.expected));
});
