// Filters live in the URL. This hook reads them, resolves presets against the data's as-of day,
// and writes changes back (replacing the history entry, so Back leaves the page, not the filter).
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseFilters, resolveFilters, serializeFilters } from '../../../lib/filters';
import type { DashboardFilters, ResolvedFilters } from '../../../lib/filters';
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
  const key = params.toString();
  const filters = useMemo(() => parseFilters(key), [key]);
  const asOf = window.data?.asOf ?? null;
  const needsAsOf = filters.preset !== null && filters.preset !== 'all';
  const resolved = useMemo(
    () => (needsAsOf && window.status !== 'success' ? null : resolveFilters(filters, asOf)),
    [filters, asOf, needsAsOf, window.status],
  );
  const setFilters = useCallback(
    (next: DashboardFilters) => setParams((prev) => serializeFilters(next, prev), { replace: false }),
    [setParams],
  );
  return {
    filters,
    resolved,
    asOf,
    windowStatus: window.status,
    windowError: window.error,
    retryWindow: () => void window.refetch(),
    setFilters,
  };
}
