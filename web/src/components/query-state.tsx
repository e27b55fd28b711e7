// The four states every panel branches on: loading, error (with the API's message and a retry),
// empty (saying why), data.
import type { ReactNode } from 'react';
import { Skeleton } from './skeleton';

export interface QueryStatus {
  readonly status: 'pending' | 'error' | 'success';
  readonly error: Error | null;
  readonly isFetching: boolean;
  readonly refetch: () => unknown;
}

export interface QueryStateProps {
  readonly query: QueryStatus;
  readonly isEmpty: boolean;
  readonly emptyMessage?: string;
  readonly height: number;
  readonly children: () => ReactNode;
}

export const DEFAULT_EMPTY_MESSAGE = 'No data for these filters. Widen the date range or clear a filter.';

export function QueryState({ query, isEmpty, emptyMessage, height, children }: QueryStateProps) {
  if (query.status === 'pending') return <Skeleton height={height} />;
  if (query.status === 'error') {
    return (
      <div className="panel-state panel-error" role="alert" style={{ minHeight: height }}>
        <p className="panel-state-title">Could not load the data</p>
        <p className="panel-error-message">{query.error?.message ?? 'Unknown error'}</p>
        <button type="button" className="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? 'Retrying…' : 'Retry'}
        </button>
      </div>
    );
  }
  if (isEmpty) {
    return (
      <div className="panel-state panel-empty" style={{ minHeight: height }}>
        <p className="panel-state-title">Nothing to show</p>
        <p>{emptyMessage ?? DEFAULT_EMPTY_MESSAGE}</p>
      </div>
    );
  }
  return <>{children()}</>;
}
