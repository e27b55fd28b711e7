// Members the Attribution & ROI page queries (all from the `attribution` view), the models in
// the order the page lists them, and the page's filters as Cube filters.
import type { Filter, TimeDimension } from '@cubejs-client/core';
import { viewFilters } from '../../../lib/filters';
import type { DateRange, ResolvedFilters } from '../../../lib/filters';

export const ATTR = {
  model: 'attribution.model',
  channel: 'attribution.channel',
  campaign: 'attribution.campaign',
  period: 'attribution.period',
  revenue: 'attribution.attributed_revenue',
  pipeline: 'attribution.attributed_pipeline',
  opportunities: 'attribution.attributed_opportunities',
  won: 'attribution.attributed_won',
  spend: 'attribution.spend',
  mqls: 'attribution.mqls',
  roi: 'attribution.roi',
  costPerMql: 'attribution.cost_per_mql',
  costPerSql: 'attribution.cost_per_sql',
  costPerWon: 'attribution.cost_per_won',
} as const;

export const MODELS = [
  { id: 'first_touch', label: 'First touch' },
  { id: 'lead_creation', label: 'Lead creation' },
  { id: 'last_touch', label: 'Last touch' },
  { id: 'linear', label: 'Linear' },
  { id: 'u_shaped', label: 'U-shaped' },
  { id: 'w_shaped', label: 'W-shaped' },
  { id: 'full_path', label: 'Full path' },
  { id: 'time_decay', label: 'Time decay' },
] as const;
export type ModelId = (typeof MODELS)[number]['id'];
export const DEFAULT_MODEL: ModelId = 'w_shaped';

export function parseModel(value: string | null): ModelId {
  return MODELS.find((m) => m.id === value)?.id ?? DEFAULT_MODEL;
}

export function modelLabel(id: string): string {
  return MODELS.find((m) => m.id === id)?.label ?? id;
}

/** The dashboard filters on the attribution view (its `meta.filters`: no owner, the page says so), and the model. */
export function attributionFilters(filters: ResolvedFilters, model?: ModelId): Filter[] {
  const dims: Filter[] = viewFilters(filters, 'attribution').filters;
  return model ? [{ member: ATTR.model, operator: 'equals', values: [model] }, ...dims] : dims;
}

/** Each figure by its own date: revenue by close, pipeline by creation, spend by month, MQLs by MQL date. */
export function periodRange(range: DateRange | null): TimeDimension[] {
  return range ? [{ dimension: ATTR.period, dateRange: [range[0], range[1]] }] : [];
}
