// What an export is of: the page, the period and the filters. File names carry it
// (`funnel-by-channel-2025-11-01-to-2026-10-31-channel-paid-search.csv`) and PNGs print it above
// the chart, so a file read later, away from the dashboard, still says what it shows.
import { createContext, useContext } from 'react';
import { FILTER_DIMENSIONS, describePeriod } from './filters';
import type { ResolvedFilters } from './filters';

export interface ExportContextValue {
  /** The page ("Funnel"). */
  readonly view: string;
  /** The period in words, with "(to date)" when cut at the as-of day. */
  readonly period: string;
  /** The period as ISO days for file names ("2025-11-01 to 2026-10-31"), or "all time". */
  readonly periodDays: string;
  /** The filters in words ("Channel: Paid Search; Segment: SMB"), "" when none. */
  readonly filters: string;
  readonly asOf: string | null;
}

const DIMENSION_TITLES: Readonly<Record<(typeof FILTER_DIMENSIONS)[number], string>> = {
  channel: 'Channel',
  segment: 'Segment',
  region: 'Region',
  team: 'Team',
  owner: 'Owner',
};

export function exportContext(view: string, filters: ResolvedFilters): ExportContextValue {
  const dims = FILTER_DIMENSIONS.filter((d) => filters.dims[d].length > 0).map((d) => `${DIMENSION_TITLES[d]}: ${filters.dims[d].join(', ')}`);
  return {
    view,
    period: describePeriod(filters),
    periodDays: filters.dateRange ? `${filters.dateRange[0]} to ${filters.dateRange[1]}` : 'all time',
    filters: dims.join('; '),
    asOf: filters.asOf,
  };
}

export const ExportContext = createContext<ExportContextValue | null>(null);

export function useExportContext(): ExportContextValue | null {
  return useContext(ExportContext);
}

/** A file-system-safe name from the view, the title, the period's days and the filters. */
export function exportFileName(title: string, context: ExportContextValue | null, extension: string): string {
  const parts = context ? [context.view, title, context.periodDays, context.filters] : [title];
  const slug = parts
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 150)
    .replace(/-+$/, '');
  return `${slug || 'export'}.${extension}`;
}

/** The lines printed above an exported chart: title, then period and filters, then the as-of day. */
export function exportHeading(title: string, context: ExportContextValue | null): string[] {
  if (!context) return [title];
  return [
    title,
    [`${context.view} · ${context.period}`, context.filters || 'No filters'].join(' · '),
    context.asOf ? `Data as of ${context.asOf}` : '',
  ].filter((l) => l !== '');
}
