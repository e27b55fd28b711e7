// The global filter bar: date range (presets or custom days), what it is compared with, and the
// dimension filters.
import { useState } from 'react';
import { MultiSelect } from '../../../components/multi-select';
import { DATE_PRESETS, FILTER_DIMENSIONS, PRESET_LABELS, activeFilterCount, describePeriod, describeRange, withDimension } from '../../../lib/filters';
import type { DashboardFilters, DatePreset, FilterDimension, ResolvedFilters } from '../../../lib/filters';
import { COMPARE_LABELS, COMPARE_TO } from '../../../lib/periods';
import type { CompareTo } from '../../../lib/periods';
import { useFilterOptions } from '../api/get-filter-options';

const DIMENSION_LABELS: Readonly<Record<FilterDimension, string>> = {
  channel: 'Channel',
  segment: 'Segment',
  region: 'Region',
  team: 'Team',
  owner: 'Owner',
};

function DimensionFilter({ dim, filters, onChange }: { dim: FilterDimension; filters: DashboardFilters; onChange: (f: DashboardFilters) => void }) {
  const [opened, setOpened] = useState(false);
  const options = useFilterOptions(dim, opened);
  return (
    <MultiSelect
      label={DIMENSION_LABELS[dim]}
      options={options.data ?? []}
      selected={filters.dims[dim]}
      loading={opened && options.status === 'pending'}
      onOpen={() => setOpened(true)}
      error={options.error?.message ?? null}
      onChange={(values) => onChange(withDimension(filters, dim, values))}
      testId={`filter-${dim}`}
    />
  );
}

export interface FilterBarProps {
  readonly filters: DashboardFilters;
  readonly resolved: ResolvedFilters | null;
  readonly asOf: string | null;
  readonly onChange: (next: DashboardFilters) => void;
}

export function FilterBar({ filters, resolved, asOf, onChange }: FilterBarProps) {
  const custom = filters.preset === null;
  const range = resolved?.dateRange ?? null;
  const setPreset = (value: string) => {
    if (value === 'custom') {
      const [from, to] = range ?? [asOf ?? new Date().toISOString().slice(0, 10), asOf ?? new Date().toISOString().slice(0, 10)];
      onChange({ ...filters, preset: null, from, to });
    } else {
      onChange({ ...filters, preset: value as DatePreset, from: null, to: null });
    }
  };
  const count = activeFilterCount(filters);
  return (
    <div className="filter-bar" role="search" aria-label="Dashboard filters">
      <div className="filter-dates">
        <label className="field">
          <span className="field-label">Period</span>
          <select value={custom ? 'custom' : (filters.preset ?? 'custom')} onChange={(e) => setPreset(e.target.value)} data-testid="filter-range">
            {DATE_PRESETS.map((p) => (
              <option key={p} value={p}>
                {PRESET_LABELS[p]}
              </option>
            ))}
            <option value="custom">Custom…</option>
          </select>
        </label>
        {custom ? (
          <>
            <label className="field">
              <span className="field-label">From</span>
              <input type="date" value={filters.from ?? ''} max={filters.to ?? undefined} onChange={(e) => e.target.value && onChange({ ...filters, from: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">To</span>
              <input type="date" value={filters.to ?? ''} min={filters.from ?? undefined} onChange={(e) => e.target.value && onChange({ ...filters, to: e.target.value })} />
            </label>
          </>
        ) : (
          <span className="filter-range-text" data-testid="filter-range-text">
            {resolved ? describePeriod(resolved) : describeRange(range)}
          </span>
        )}
        {custom && resolved?.period?.toDate ? (
          <span className="filter-range-text" data-testid="filter-range-text">
            to {describeRange(resolved.dateRange).split(' – ')[1]}: the data ends there
          </span>
        ) : null}
        {range ? (
          <label className="field">
            <span className="field-label">Compare to</span>
            <select value={filters.compare} onChange={(e) => onChange({ ...filters, compare: e.target.value as CompareTo })} data-testid="filter-compare">
              {COMPARE_TO.map((c) => (
                <option key={c} value={c}>
                  {COMPARE_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="filter-dims">
        {FILTER_DIMENSIONS.map((dim) => (
          <DimensionFilter key={dim} dim={dim} filters={filters} onChange={onChange} />
        ))}
        {count > 0 ? (
          <button
            type="button"
            className="link-button"
            onClick={() => onChange({ ...filters, dims: { channel: [], segment: [], region: [], team: [], owner: [] } })}
          >
            Clear all
          </button>
        ) : null}
      </div>
    </div>
  );
}
