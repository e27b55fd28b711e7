// Filters live in the URL. This hook reads them, resolves presets against the data's as-of day
// (cut there, compared like with like; a URL without a period opens on the longest preset the
// data can compare), and writes changes back.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { landingPreset, parseFilters, resolveFilters, serializeFilters } from '../../../lib/filters';
import type { DashboardFilters, ResolvedFilters } from '../../../lib/filters';
import { filterMembersByView, useMeta } from '../../../lib/cube-meta';
import { useDataWindow } from '../api/get-data-window';

export interface FiltersState {
  readonly filters: DashboardFilters;
  readonly resolved: ResolvedFilters | null;
  readonly asOf: string | null;
  /** The data's first day. */
  readonly dataStart: string | null;
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
  const asOf = window.data?.asOf ?? null;
  const dataStart = window.data?.start ?? null;
  const filters = useMemo(() => {
    const parsed = parseFilters(key);
    return parsed.rangeChosen || !asOf ? parsed : { ...parsed, preset: landingPreset({ asOf, start: dataStart }), rangeChosen: true };
  }, [key, asOf, dataStart]);
  const members = useMemo(() => (meta.data ? filterMembersByView(meta.data) : null), [meta.data]);
  // Presets are relative to the as-of day; a custom range waits for the window too (it is cut at
  // the as-of day and compared only where the data covers the base) but not if it fails.
  const waits = filters.preset === null ? window.status === 'pending' : filters.preset !== 'all' && window.status !== 'success';
  const resolved = useMemo(
    () => (waits || !members ? null : resolveFilters(filters, asOf, members, dataStart)),
    [filters, asOf, dataStart, waits, members],
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
    dataStart,
    windowStatus: status,
    windowError: meta.error ?? window.error,
    retryWindow: () => {
      if (meta.isError) void meta.refetch();
      if (window.isError) void window.refetch();
    },
    setFilters,
  };
}
