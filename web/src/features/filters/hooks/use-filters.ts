// Filters live in the URL. This hook reads them, resolves presets against the data's as-of day
// (cut there, compared like with like; a URL without a period opens on the longest preset the
// data can compare), and writes changes back.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { landingPreset, parseFilters, resolveFilters, serializeFilters } from '../../../lib/filters';
import type { DashboardFilters, ResolvedFilters } from '../../../lib/filters';
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
  const key = params.toString();
  const asOf = window.data?.asOf ?? null;
  const dataStart = window.data?.start ?? null;
  const filters = useMemo(() => {
    const parsed = parseFilters(key);
    return parsed.rangeChosen || !asOf ? parsed : { ...parsed, preset: landingPreset({ asOf, start: dataStart }), rangeChosen: true };
  }, [key, asOf, dataStart]);
  // Presets are relative to the as-of day; a custom range waits for the window too (it is cut at
  // the as-of day and compared only where the data covers the base) but not if it fails.
  const waits = filters.preset === null ? window.status === 'pending' : filters.preset !== 'all' && window.status !== 'success';
  const resolved = useMemo(() => (waits ? null : resolveFilters(filters, asOf, dataStart)), [filters, asOf, dataStart, waits]);
  const setFilters = useCallback(
    (next: DashboardFilters) => setParams((prev) => serializeFilters(next, prev), { replace: false }),
    [setParams],
  );
  return {
    filters,
    resolved,
    asOf,
    dataStart,
    windowStatus: window.status,
    windowError: window.error,
    retryWindow: () => void window.refetch(),
    setFilters,
  };
}
