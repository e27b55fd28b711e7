// Row-level lists (the breach list, the leak list) are paged on the server, as a CRM list view
// is: one page of rows per request, sorted by Cube, with the total from a count query. The
// CSV export pages through every row.
import type { Query, TQueryOrderArray } from '@cubejs-client/core';
import type { CubeRow } from './cube-client';
import type { SortState } from './table';

export const LIST_PAGE_SIZE = 100;
/** Cube's largest answer per request (CUBEJS_DB_QUERY_LIMIT's default); exports page by it. */
export const EXPORT_PAGE_SIZE = 50_000;

export interface ListPage {
  /** Zero-based page number. */
  readonly index: number;
  readonly sort: SortState;
}

/**
 * Sort by the chosen column, then by the row's identity (`key`: the members that together
 * identify a row) so that pages neither overlap nor skip rows.
 */
export function listOrder(sort: SortState, key: readonly string[]): TQueryOrderArray {
  return [[sort.key, sort.direction], ...key.filter((member) => member !== sort.key).map((member): [string, 'asc'] => [member, 'asc'])];
}

/**
 * One page of a row-level list: `ungrouped`, because each row already is one record (grouping
 * by every column cost ~15 ms a request at 1M leads for nothing).
 */
export function listPageQuery(query: Query, page: ListPage, key: readonly string[]): Query {
  return { ...query, ungrouped: true, order: listOrder(page.sort, key), limit: LIST_PAGE_SIZE, offset: page.index * LIST_PAGE_SIZE };
}

/** Every row of a list, EXPORT_PAGE_SIZE per request, reporting how many have arrived. */
export async function loadEveryRow(
  query: Query,
  sort: SortState,
  key: readonly string[],
  load: (query: Query) => Promise<CubeRow[]>,
  onProgress: (loaded: number) => void = () => undefined,
): Promise<CubeRow[]> {
  const rows: CubeRow[] = [];
  for (;;) {
    const page = await load({ ...query, ungrouped: true, order: listOrder(sort, key), limit: EXPORT_PAGE_SIZE, offset: rows.length });
    rows.push(...page);
    onProgress(rows.length);
    if (page.length < EXPORT_PAGE_SIZE) return rows;
  }
}

/** "1–100 of 63,964" */
export function describePage(index: number, shown: number, total: number | null): string {
  if (shown === 0) return total ? `0 of ${total.toLocaleString('en-US')}` : 'No rows';
  const first = index * LIST_PAGE_SIZE + 1;
  const last = first + shown - 1;
  const range = `${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')}`;
  return total === null ? range : `${range} of ${total.toLocaleString('en-US')}`;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
}
