// Filters live in the URL. This hook reads them, resolves presets against the data's as-of day,
// and writes changes back (replacing the history entry, so Back leaves the page, not the filter).
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseFilters, resolveFilters, serializeFilters } from '../../../lib/filters';
import type { DashboardFilters, ResolvedFilters } from '../../../lib/filters';
import { filterMembersByView, useMeta } from '../../../lib/cube-meta';
import { useDataWindow } from '../api/get-data-window';

export interface FiltersState {
  readonly filters: DashboardFilters;
  readonly resolved: ResolvedFilters | null;
  readonly asOf: string | null;
  readonly windowStatus: 'pending' | 'error' | 'success';
  readonly windowError: Error | null;
  readonly retryWindow: () => void;
  readonly setFilters: (next: DashboardFilters) => void;
}

export function useFilters(): FiltersState {
  const [params, setParams] = useSearchParams();
  const window = useDataWindow();
  // Which filter applies to which member of each view comes from the model, through /meta.
  const meta = useMeta();
  const key = params.toString();
  const filters = useMemo(() => parseFilters(key), [key]);
  const asOf = window.data?.asOf ?? null;
  const needsAsOf = filters.preset !== null && filters.preset !== 'all';
  const members = useMemo(() => (meta.data ? filterMembersByView(meta.data) : null), [meta.data]);
  const resolved = useMemo(
    () => ((needsAsOf && window.status !== 'success') || !members ? null : resolveFilters(filters, asOf, members)),
    [filters, asOf, needsAsOf, window.status, members],
  );
  const status = meta.status === 'error' || window.status === 'error' ? 'error' : meta.status === 'pending' || window.status === 'pending' ? 'pending' : 'success';
  const setFilters = useCallback(
    (next: DashboardFilters) => setParams((prev) => serializeFilters(next, prev), { replace: false }),
    [setParams],
  );
  return {
    filters,
    resolved,
    asOf,
    windowStatus: status,
    windowError: meta.error ?? window.error,
    retryWindow: () => {
      if (meta.isError) void meta.refetch();
      if (window.isError) void window.refetch();
    },
    setFilters,
  };
}
