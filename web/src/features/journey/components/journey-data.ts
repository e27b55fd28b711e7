// One deal's journey as a timeline (ECharts option: touches on a time axis, one row per channel,
// the milestones as vertical lines) and as a table (each touch's credit under every model).
// Pure functions, unit-tested.
import type { EChartsCoreOption } from 'echarts/core';
import { GRID_LINE_COLOR, MUTED_TEXT_COLOR, PALETTE, TEXT_COLOR } from '../../../config/palette';
import { CHART_FONT, chartSize } from '../../../lib/chart-options';
import { formatTimestamp, formatValue } from '../../../lib/format';
import type { TableColumn, TableData, TableRow } from '../../../lib/table';
import { memberColumn } from '../../../lib/cube-meta';
import type { CubeMeta, ValueLabel } from '../../../lib/cube-meta';
import { J, UNATTRIBUTED, type Journey, type JourneyTouch } from '../api/get-journey';

export const MILESTONE_LABELS: Readonly<Record<string, string>> = {
  FT: 'First touch',
  LC: 'Lead creation',
  OC: 'Opportunity creation',
  CW: 'Closed won',
};

export interface Milestone {
  readonly key: 'first_touch' | 'lead_created' | 'opportunity_created' | 'closed';
  readonly label: string;
  /** ISO timestamp (UTC, as Cube returns it without a zone). */
  readonly at: string;
}

/** Cube's zone-less UTC timestamp as epoch milliseconds. */
export function utcMs(iso: string): number {
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}

/** The dated touches (the unattributed credit has no date and no place on the timeline). */
export function datedTouches(journey: Journey): JourneyTouch[] {
  return journey.touches.filter((t) => t.at !== null && t.touchId !== UNATTRIBUTED);
}

/** True when the whole deal went to `(unattributed)`: no lead, or no touch in its window. */
export function isUnattributed(journey: Journey): boolean {
  return journey.deal !== null && datedTouches(journey).length === 0;
}

/** The deal's milestones in time order: first touch, lead created, opportunity created, closed. */
export function journeyMilestones(journey: Journey): Milestone[] {
  const deal = journey.deal;
  if (!deal) return [];
  const out: Milestone[] = [];
  const ft = datedTouches(journey).find((t) => t.milestones.includes('FT'));
  if (ft?.at) out.push({ key: 'first_touch', label: 'First touch', at: ft.at });
  if (deal.leadCreatedAt) out.push({ key: 'lead_created', label: 'Lead created', at: deal.leadCreatedAt });
  if (deal.createdAt) out.push({ key: 'opportunity_created', label: 'Opportunity created', at: deal.createdAt });
  if (deal.closedAt) out.push({ key: 'closed', label: deal.outcome === 'won' ? 'Closed won' : deal.outcome === 'lost' ? 'Closed lost' : 'Closed', at: deal.closedAt });
  return out.sort((a, b) => utcMs(a.at) - utcMs(b.at));
}

export function kindLabel(kind: string): string {
  return kind.replace(/^hubspot_/, 'HubSpot ').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export function milestoneText(milestones: readonly string[]): string {
  return milestones.map((m) => MILESTONE_LABELS[m] ?? m).join(', ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The tooltip of one touch: what it was, the milestones it holds, and each model's share and amount. */
export function touchTooltip(touch: JourneyTouch, models: readonly ValueLabel[]): string {
  const head = [
    `<b>${escapeHtml(formatTimestamp(touch.at))} · ${escapeHtml(kindLabel(touch.kind))}</b>`,
    `${escapeHtml(touch.channel)} · ${escapeHtml(touch.campaign)}`,
    ...(touch.milestones.length ? [`Milestones: ${escapeHtml(milestoneText(touch.milestones))}`] : []),
  ];
  const credits = models.map((m) => {
    const c = touch.credit[m.value];
    return `${escapeHtml(m.label)}: <b>${formatValue(c?.share ?? 0, 'percent')}</b>${c ? ` (${formatValue(c.pipeline, 'currency')})` : ''}`;
  });
  return [...head, ...credits].join('<br/>');
}

const DAY_MS = 86_400_000;

/** One vertical line per milestone time: milestones at the same instant (often first touch and lead created) share a line and a label. */
export function milestoneLines(milestones: readonly Milestone[]): { name: string; xAxis: number }[] {
  const lines: { name: string; xAxis: number }[] = [];
  for (const m of milestones) {
    const at = utcMs(m.at);
    const same = lines.find((l) => l.xAxis === at);
    if (same) same.name = `${same.name} · ${m.label}`;
    else lines.push({ name: m.label, xAxis: at });
  }
  return lines;
}

export interface JourneyChartInput {
  readonly journey: Journey;
  readonly models: readonly ValueLabel[];
  /** The model whose share sizes the dots. */
  readonly sizeBy: string;
  readonly large?: boolean;
}

/** Touches on a UTC time axis, one row per channel, dot area ∝ the share under `sizeBy`; milestones as vertical lines. */
export function journeyChartOption({ journey, models, sizeBy, large }: JourneyChartInput): EChartsCoreOption {
  const size = chartSize(large);
  const touches = datedTouches(journey);
  const channels = [...new Set(touches.map((t) => t.channel))];
  const milestones = journeyMilestones(journey);
  const axisText = large ? TEXT_COLOR : MUTED_TEXT_COLOR;
  const dotSize = (t: JourneyTouch): number => {
    const share = t.credit[sizeBy]?.share ?? 0;
    return Math.round(size.symbolSize * 1.6 + Math.sqrt(share) * size.symbolSize * 4);
  };
  // The axis spans the touches and every milestone (a close after the last touch too), with a margin.
  const times = [...touches.map((t) => utcMs(t.at ?? '')), ...milestones.map((m) => utcMs(m.at))];
  const first = Math.min(...times);
  const last = Math.max(...times);
  const margin = Math.max(DAY_MS, (last - first) * 0.04);
  return {
    useUTC: true,
    color: [...PALETTE],
    animationDuration: 300,
    aria: { enabled: true },
    textStyle: { fontFamily: CHART_FONT, fontSize: size.font, color: TEXT_COLOR },
    grid: { left: 12, right: 24, top: size.font * 3.2, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { dataIndex?: number; seriesIndex?: number }) => {
        const t = p.seriesIndex === 0 && p.dataIndex !== undefined ? touches[p.dataIndex] : undefined;
        return t ? touchTooltip(t, models) : '';
      },
    },
    xAxis: {
      type: 'time',
      min: first - margin,
      max: last + margin,
      splitNumber: 6,
      // Dates say their month (a bare "17" reads as nothing); the year where it changes.
      axisLabel: {
        color: axisText,
        fontSize: size.font,
        hideOverlap: true,
        formatter: { year: '{yyyy}', month: '{MMM} {yyyy}', day: '{d} {MMM}', hour: '{d} {MMM} {HH}:{mm}', minute: '{HH}:{mm}' },
      },
      axisLine: { lineStyle: { color: GRID_LINE_COLOR } },
      splitLine: { show: true, lineStyle: { color: GRID_LINE_COLOR } },
    },
    yAxis: {
      type: 'category',
      data: channels,
      axisLabel: { color: axisText, fontSize: size.font },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: GRID_LINE_COLOR } },
    },
    series: [
      {
        type: 'scatter',
        name: 'Touches',
        data: touches.map((t) => ({
          value: [utcMs(t.at ?? ''), t.channel],
          symbolSize: dotSize(t),
          label: t.milestones.length ? { show: true, position: 'top', formatter: t.milestones.join('+'), fontSize: size.font * 0.85, color: TEXT_COLOR } : { show: false },
        })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: MUTED_TEXT_COLOR, width: 1.5 },
          label: { show: true, position: 'end', formatter: '{b}', fontSize: size.font * 0.85, color: TEXT_COLOR },
          data: milestoneLines(milestones),
        },
      },
    ],
  };
}

export const JOURNEY_COLUMNS = {
  at: 'touched_at',
  kind: 'touch',
  channel: 'channel',
  milestones: 'milestones',
} as const;

/** One row per touch: when, what (kind · campaign), its channel, the milestones it holds, then its share under every model (a fraction). */
export function journeyTable(meta: CubeMeta, journey: Journey, models: readonly ValueLabel[]): TableData {
  const columns: TableColumn[] = [
    memberColumn(meta, J.touchDate, JOURNEY_COLUMNS.at),
    memberColumn(meta, J.touchKind, JOURNEY_COLUMNS.kind),
    memberColumn(meta, J.channel, JOURNEY_COLUMNS.channel),
    memberColumn(meta, J.milestones, JOURNEY_COLUMNS.milestones),
    ...models.map((m) => ({ key: `model:${m.value}`, title: m.label, format: 'percent' as const })),
  ];
  const rows: TableRow[] = journey.touches.map((t) => ({
    [JOURNEY_COLUMNS.at]: t.at,
    [JOURNEY_COLUMNS.kind]: t.touchId === UNATTRIBUTED ? UNATTRIBUTED : t.campaign === '(none)' ? kindLabel(t.kind) : `${kindLabel(t.kind)} · ${t.campaign}`,
    [JOURNEY_COLUMNS.channel]: t.channel,
    [JOURNEY_COLUMNS.milestones]: t.milestones.join('+'),
    ...Object.fromEntries(models.map((m) => [`model:${m.value}`, t.credit[m.value]?.share ?? 0])),
  }));
  return { columns, rows };
}
