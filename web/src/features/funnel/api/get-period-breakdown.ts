// MQLs, SQLs and won by channel counted by period: each stage by the date it was entered
// (`funnel_period`), won amount by won date (`funnel.won_date`) — the channel chart's period mode.
// (Campaigns stay MQL cohorts: the period counts carry no campaign.)
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import { viewFilters } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { BREAKDOWN_LIMIT, BREAKDOWN_MEASURES, type BreakdownRow } from './get-breakdown';
import { FUNNEL } from './members';

export const PERIOD_BREAKDOWN = {
  channel: 'funnel_period.channel',
  date: 'funnel_period.entered_date',
  mqlCount: 'funnel_period.mql_count',
  sqlCount: 'funnel_period.sql_count',
  wonCount: 'funnel_period.won_count',
} as const;

const range = (dimension: string, filters: ResolvedFilters) => (filters.dateRange ? [{ dimension, dateRange: [filters.dateRange[0], filters.dateRange[1]] as [string, string] }] : []);

export function periodChannelQuery(filters: ResolvedFilters): Query {
  return {
    measures: [PERIOD_BREAKDOWN.mqlCount, PERIOD_BREAKDOWN.sqlCount, PERIOD_BREAKDOWN.wonCount],
    dimensions: [PERIOD_BREAKDOWN.channel],
    timeDimensions: range(PERIOD_BREAKDOWN.date, filters),
    filters: viewFilters(filters, 'funnel_period').filters,
  };
}

export function wonByChannelQuery(filters: ResolvedFilters): Query {
  return { measures: [FUNNEL.wonAmount], dimensions: [FUNNEL.channel], timeDimensions: range('funnel.won_date', filters), filters: viewFilters(filters, 'funnel').filters };
}

/** Both answers → rows by channel with something to show, the most MQLs first (then by name), top BREAKDOWN_LIMIT (pure). */
export function mergePeriodChannels(counts: readonly Readonly<Record<string, unknown>>[], won: readonly Readonly<Record<string, unknown>>[]): BreakdownRow[] {
  const rows = new Map<string, Record<(typeof BREAKDOWN_MEASURES)[number], number | null>>();
  const at = (key: unknown) => {
    const k = key === null || key === undefined ? '(none)' : String(key);
    const row = rows.get(k) ?? { [FUNNEL.mqlCount]: null, [FUNNEL.sqlCount]: null, [FUNNEL.wonCount]: null, [FUNNEL.wonAmount]: null };
    rows.set(k, row);
    return row;
  };
  for (const r of counts) {
    const row = at(r[PERIOD_BREAKDOWN.channel]);
    row[FUNNEL.mqlCount] = toNumber(r[PERIOD_BREAKDOWN.mqlCount]);
    row[FUNNEL.sqlCount] = toNumber(r[PERIOD_BREAKDOWN.sqlCount]);
    row[FUNNEL.wonCount] = toNumber(r[PERIOD_BREAKDOWN.wonCount]);
  }
  for (const r of won) {
    const amount = toNumber(r[FUNNEL.wonAmount]);
    if (amount !== null) at(r[FUNNEL.channel])[FUNNEL.wonAmount] = amount;
  }
  return [...rows.entries()]
    .map(([key, values]) => ({ key, values }))
    // A channel whose only entries in the period are other stages (new leads, handoffs) has nothing to show.
    .filter((r) => BREAKDOWN_MEASURES.some((m) => (r.values[m] ?? 0) !== 0))
    .sort((a, b) => (b.values[FUNNEL.mqlCount] ?? 0) - (a.values[FUNNEL.mqlCount] ?? 0) || a.key.localeCompare(b.key))
    .slice(0, BREAKDOWN_LIMIT);
}

export async function getPeriodChannels(filters: ResolvedFilters, signal?: AbortSignal): Promise<BreakdownRow[]> {
  const [counts, won] = await Promise.all([loadRows(periodChannelQuery(filters), signal), loadRows(wonByChannelQuery(filters), signal)]);
  return mergePeriodChannels(counts, won);
}

export const periodChannelsQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['funnel', 'period-channels', filters], queryFn: ({ signal }) => getPeriodChannels(filters, signal) });

export function usePeriodChannels(filters: ResolvedFilters, enabled: boolean) {
  return useQuery({ ...periodChannelsQueryOptions(filters), enabled });
}
