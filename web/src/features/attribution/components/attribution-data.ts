// Attribution data → chart inputs and tables (pure; unit-tested).
import type { CategoryChartInput } from '../../../lib/chart-options';
import type { TableData } from '../../../lib/table';
import type { CampaignRow } from '../api/get-campaign-performance';
import type { CreditRow } from '../api/get-channel-credit';
import type { ComparisonCell } from '../api/get-model-comparison';
import { MODELS, modelLabel } from '../api/members';

export function creditChartInput(rows: readonly CreditRow[], large?: boolean): CategoryChartInput {
  return {
    categories: rows.map((r) => r.key),
    series: [
      { name: 'Attributed revenue', values: rows.map((r) => r.revenue), format: 'currency', color: '#009E73' },
      { name: 'Attributed pipeline', values: rows.map((r) => r.pipeline), format: 'currency', color: '#0072B2' },
    ],
    horizontal: true,
    format: 'currency',
    large: large ?? false,
  };
}

export function creditTable(rows: readonly CreditRow[], label: string): TableData {
  return {
    columns: [
      { key: 'key', title: label, format: 'text' },
      { key: 'revenue', title: 'Attributed revenue', format: 'currency' },
      { key: 'pipeline', title: 'Attributed pipeline', format: 'currency' },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}

/** Revenue per model (the same for every model when the data reconciles). */
export function modelTotals(cells: readonly ComparisonCell[]): { model: string; revenue: number }[] {
  return MODELS.map((m) => ({ model: m.id, revenue: cells.filter((c) => c.model === m.id).reduce((sum, c) => sum + c.revenue, 0) })).filter(
    (t) => cells.some((c) => c.model === t.model),
  );
}

/** Channels as categories (largest under the first model first), one series per model. */
export function comparisonChartInput(cells: readonly ComparisonCell[], large?: boolean): CategoryChartInput {
  const channels = [...new Set(cells.map((c) => c.channel))];
  const total = (ch: string) => cells.filter((c) => c.channel === ch).reduce((s, c) => s + c.revenue, 0);
  channels.sort((a, b) => total(b) - total(a) || a.localeCompare(b));
  const lookup = new Map(cells.map((c) => [`${c.model}\u0000${c.channel}`, c.revenue]));
  const models = MODELS.filter((m) => cells.some((c) => c.model === m.id));
  return {
    categories: channels,
    series: models.map((m) => ({ name: m.label, values: channels.map((ch) => lookup.get(`${m.id}\u0000${ch}`) ?? 0), format: 'currency' as const })),
    horizontal: true,
    format: 'currency',
    large: large ?? false,
  };
}

export function comparisonTable(cells: readonly ComparisonCell[]): TableData {
  const input = comparisonChartInput(cells);
  const models = MODELS.filter((m) => cells.some((c) => c.model === m.id));
  const lookup = new Map(cells.map((c) => [`${c.model}\u0000${c.channel}`, c.revenue]));
  return {
    columns: [{ key: 'channel', title: 'Channel', format: 'text' }, ...models.map((m) => ({ key: m.id, title: modelLabel(m.id), format: 'currency' as const }))],
    rows: input.categories.map((ch) => ({ channel: ch, ...Object.fromEntries(models.map((m) => [m.id, lookup.get(`${m.id}\u0000${ch}`) ?? 0])) })),
  };
}

export function campaignTable(rows: readonly CampaignRow[]): TableData {
  return {
    columns: [
      { key: 'campaign', title: 'Campaign', format: 'text' },
      { key: 'channel', title: 'Channel', format: 'text' },
      { key: 'spend', title: 'Spend', format: 'currency' },
      { key: 'mqls', title: 'MQLs', format: 'integer' },
      { key: 'sqls', title: 'SQLs (attributed)', format: 'number' },
      { key: 'won', title: 'Won (attributed)', format: 'number' },
      { key: 'revenue', title: 'Attributed revenue', format: 'currency' },
      { key: 'roi', title: 'ROI (revenue ÷ spend)', format: 'number' },
      { key: 'costPerMql', title: 'Cost per MQL', format: 'currency' },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}
