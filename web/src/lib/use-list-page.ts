// Page and sort of a server-paged list. The page goes back to the first one whenever `scope`
// (the filters, the list's view) or the sort changes, without a render on the stale page.
import { useState } from 'react';
import type { ListPage } from './list-query';
import type { SortState } from './table';

export interface ListPageState {
  readonly page: ListPage;
  readonly setIndex: (index: number) => void;
  readonly setSort: (sort: SortState) => void;
}

export function useListPage(defaultSort: SortState, scope: unknown): ListPageState {
  const scopeKey = JSON.stringify(scope);
  const [state, setState] = useState<{ readonly scopeKey: string; readonly index: number; readonly sort: SortState }>({ scopeKey, index: 0, sort: defaultSort });
  const index = state.scopeKey === scopeKey ? state.index : 0;
  return {
    page: { index, sort: state.sort },
    setIndex: (next) => setState((s) => ({ ...s, scopeKey, index: Math.max(0, next) })),
    setSort: (sort) => setState({ scopeKey, index: 0, sort }),
  };
}
