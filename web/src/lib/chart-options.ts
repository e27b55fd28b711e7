// Data → ECharts option. Pure functions (no ECharts import at run time), so they are unit-tested
// and the chart component stays a thin renderer.
import type { EChartsCoreOption } from 'echarts/core';
import { GRID_LINE_COLOR, MUTED_TEXT_COLOR, PALETTE, TEXT_COLOR } from '../config/palette';
import { formatValue } from './format';
import type { ValueFormat } from './format';

export interface Series {
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly kind?: 'bar' | 'line';
  /** Series with the same stack name are stacked. */
  readonly stack?: string;
  /** 1 puts the series on a second value axis (e.g. a rate next to counts). */
  readonly axis?: 0 | 1;
  readonly format?: ValueFormat;
  readonly color?: string;
  /** Dashed line (targets, commitments). */
  readonly dashed?: boolean;
}

export interface CategoryChartInput {
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  /** Bars run left to right, categories top to bottom (long labels such as campaigns). */
  readonly horizontal?: boolean;
  /** Format of the first value axis; the second axis takes the first series on it. */
  readonly format?: ValueFormat;
  /** Meeting mode: larger type, thicker lines. */
  readonly large?: boolean;
  /** Show values on bars. */
  readonly labels?: boolean;
  /** Shades the categories `from`..`to` (inclusive) with a label, e.g. months not yet mature. */
  readonly shade?: { readonly from: string; readonly to: string; readonly label: string } | null;
}

export interface ChartSize {
  readonly font: number;
  readonly lineWidth: number;
  readonly symbolSize: number;
}

/** Canvas text needs a concrete font list ('inherit' is invalid there and falls back to 10px). */
export const CHART_FONT = "Inter, 'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', Arial, sans-serif";

/** The meeting room's screen: the browser's viewport (1920×1080 outside a browser). */
export interface Screen {
  readonly width: number;
  readonly height: number;
}

function currentScreen(): Screen {
  return typeof window === 'undefined' ? { width: 1920, height: 1080 } : { width: window.innerWidth, height: window.innerHeight };
}

/**
 * Meeting mode scales type with the screen (2.2% of its height, as the deck's CSS does, between
 * 14 and 36 px) so a 720p projector and a 4K wall both read from the back of the room.
 */
export function chartSize(large: boolean | undefined, screen: Screen = currentScreen()): ChartSize {
  if (!large) return { font: 12.5, lineWidth: 2.5, symbolSize: 6 };
  const font = Math.round(Math.min(36, Math.max(14, screen.height * 0.022)));
  return { font, lineWidth: Math.max(3, Math.round(font / 4.5)), symbolSize: Math.round(font / 2) };
}

/**
 * How many lines a wrapping legend takes in `width` px: items (swatch + text + gap) laid out
 * greedily, text width estimated at 0.6 em a character. Meeting mode lays the legend out in full
 * (no "1/2" pages) and reserves this many lines above the plot.
 */
export function legendLines(names: readonly string[], font: number, width: number): number {
  let lines = 1;
  let used = 0;
  for (const name of names) {
    const item = font * 1.5 + 5 + name.length * font * 0.6 + 10;
    if (used > 0 && used + item > width) {
      lines += 1;
      used = 0;
    }
    used += item;
  }
  return lines;
}

interface TooltipParam {
  readonly seriesName?: string;
  readonly seriesIndex?: number;
  readonly name?: string;
  readonly value?: unknown;
  readonly marker?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Tooltip formatter: category, then each series' value in its own format. */
export function tooltipFormatter(series: readonly Series[], fallback: ValueFormat) {
  return (raw: TooltipParam | readonly TooltipParam[]): string => {
    const params = Array.isArray(raw) ? raw : [raw as TooltipParam];
    const head = params[0]?.name ?? '';
    const lines = params.map((p) => {
      const s = p.seriesIndex === undefined ? undefined : series[p.seriesIndex];
      const value = typeof p.value === 'number' ? p.value : null;
      return `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}: <b>${formatValue(value, s?.format ?? fallback)}</b>`;
    });
    return [`<b>${escapeHtml(head)}</b>`, ...lines].join('<br/>');
  };
}

function baseOption(size: ChartSize): EChartsCoreOption {
  return {
    color: [...PALETTE],
    animationDuration: 300,
    aria: { enabled: true },
    textStyle: { fontFamily: CHART_FONT, fontSize: size.font, color: TEXT_COLOR },
  };
}

/** Up to how many categories under vertical bars every one is labelled (`categoryChartOption`). */
const EVERY_LABEL_UP_TO = 12;

/** Bars and/or lines over categories (months, channels, owners…), optionally with a second axis. */
export function categoryChartOption(input: CategoryChartInput, screen: Screen = currentScreen()): EChartsCoreOption {
  const size = chartSize(input.large, screen);
  const format = input.format ?? 'number';
  const secondFormat = input.series.find((s) => s.axis === 1)?.format ?? 'percent';
  const hasSecond = input.series.some((s) => s.axis === 1);
  // Meeting mode: black axis text for contrast from the back of the room.
  const axisText = input.large ? TEXT_COLOR : MUTED_TEXT_COLOR;
  // Under bars, a few categories (stages, channels) each keep their label: ECharts' automatic
  // interval labels every other one well before they would touch ("Lead, Handoff, Rejected, Won"
  // under eight stages), so a bar read as its neighbour's. Long runs (months) keep the automatic
  // interval; labels that would really overlap are still hidden.
  const everyLabel = !input.horizontal && input.categories.length <= EVERY_LABEL_UP_TO;
  const categoryAxis = {
    type: 'category',
    data: [...input.categories],
    axisLabel: {
      color: axisText,
      fontSize: size.font,
      hideOverlap: true,
      ...(everyLabel ? { interval: 0 } : {}),
      ...(input.horizontal ? { width: input.large ? size.font * 14 : 160, overflow: 'truncate' } : {}),
    },
    axisLine: { lineStyle: { color: GRID_LINE_COLOR } },
    axisTick: { show: false },
    ...(input.horizontal ? { inverse: true } : {}),
  };
  const valueAxis = (fmt: ValueFormat, index: 0 | 1) => ({
    type: 'value',
    axisLabel: { color: axisText, fontSize: size.font, formatter: (v: number) => formatValue(v, fmt, { compact: true }) },
    splitLine: { show: index === 0, lineStyle: { color: GRID_LINE_COLOR } },
    // Rates: 0–100% in quarters, wider (in quarters) when a rate exceeds 100% (e.g. attainment).
    ...(fmt === 'percent' ? { min: 0, max: (e: { max: number }) => Math.max(1, Math.ceil(e.max * 4) / 4), interval: 0.25 } : {}),
    ...(fmt === 'integer' ? { minInterval: 1 } : {}),
  });
  const valueAxes = hasSecond ? [valueAxis(format, 0), valueAxis(secondFormat, 1)] : [valueAxis(format, 0)];
  const series = input.series.map((s, i) => {
    const kind = s.kind ?? 'bar';
    const color = s.color ?? PALETTE[i % PALETTE.length];
    const fmt = s.format ?? (s.axis === 1 ? secondFormat : format);
    const common = {
      name: s.name,
      type: kind,
      data: [...s.values],
      itemStyle: { color },
      emphasis: { focus: 'series' },
      ...(s.stack ? { stack: s.stack } : {}),
      ...(input.horizontal ? { xAxisIndex: s.axis ?? 0 } : { yAxisIndex: s.axis ?? 0 }),
    };
    if (kind === 'line') {
      return {
        ...common,
        lineStyle: { width: size.lineWidth, color, type: s.dashed ? 'dashed' : 'solid' },
        symbolSize: size.symbolSize,
        connectNulls: false,
        ...(input.labels ? { label: { show: true, position: 'top', fontSize: size.font, formatter: (p: { value: number }) => formatValue(p.value, fmt, { compact: true }) } } : {}),
      };
    }
    return {
      ...common,
      barMaxWidth: input.large ? size.font * 3 : 36,
      cursor: 'pointer',
      ...(input.labels
        ? { label: { show: true, position: s.stack ? 'inside' : input.horizontal ? 'right' : 'top', fontSize: size.font, color: s.stack ? '#fff' : TEXT_COLOR, formatter: (p: { value: number }) => formatValue(p.value, fmt, { compact: true }) } }
        : {}),
    };
  });
  const shade = input.shade
    ? {
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(0, 0, 0, 0.06)' },
          label: { show: true, position: 'insideTop', color: TEXT_COLOR, fontSize: size.font * 0.9 },
          data: [[{ name: input.shade.label, [input.horizontal ? 'yAxis' : 'xAxis']: input.shade.from }, { [input.horizontal ? 'yAxis' : 'xAxis']: input.shade.to }]],
        },
      }
    : {};
  if (series[0] && input.shade) series[0] = { ...series[0], ...shade };
  const legendShown = input.series.length > 1;
  // On a slide the legend wraps onto as many lines as it needs (the slide is ~90% of the screen's width).
  const lines = legendShown && input.large ? legendLines(input.series.map((s) => s.name), size.font, screen.width * 0.9) : 1;
  return {
    ...baseOption(size),
    grid: { left: 8, right: hasSecond ? 16 : 24, top: legendShown ? size.font * (1.6 * lines + 1.4) : size.font, bottom: 8, containLabel: true },
    legend: legendShown
      ? { type: input.large ? 'plain' : 'scroll', top: 0, left: 0, textStyle: { fontSize: size.font, color: TEXT_COLOR }, itemWidth: size.font * 1.5, itemHeight: size.font * 0.9 }
      : { show: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltipFormatter(input.series, format), textStyle: { fontSize: size.font } },
    xAxis: input.horizontal ? valueAxes : categoryAxis,
    yAxis: input.horizontal ? categoryAxis : valueAxes,
    series,
  };
}

export interface FunnelStage {
  readonly key: string;
  readonly name: string;
  readonly value: number;
}

export interface FunnelStep extends FunnelStage {
  /** This stage ÷ the stage before it (null for the first stage or a zero previous stage). */
  readonly stepRate: number | null;
  /** This stage ÷ the first stage. */
  readonly cumulativeRate: number | null;
}

export function funnelSteps(stages: readonly FunnelStage[]): FunnelStep[] {
  const first = stages[0]?.value ?? 0;
  return stages.map((stage, i) => {
    const prev = i === 0 ? null : (stages[i - 1]?.value ?? null);
    return {
      ...stage,
      stepRate: prev === null || prev === 0 ? null : stage.value / prev,
      cumulativeRate: first === 0 ? null : stage.value / first,
    };
  });
}

/** The stage funnel as horizontal bars: count, step conversion and cumulative conversion on each. */
export function funnelOption(stages: readonly FunnelStage[], large?: boolean, screen: Screen = currentScreen()): EChartsCoreOption {
  const size = chartSize(large, screen);
  const steps = funnelSteps(stages);
  const label = (s: FunnelStep, i: number) =>
    i === 0
      ? formatValue(s.value, 'integer')
      : `${formatValue(s.value, 'integer')}  ·  ${formatValue(s.stepRate, 'percent')} step  ·  ${formatValue(s.cumulativeRate, 'percent')} of MQLs`;
  return {
    ...baseOption(size),
    grid: { left: 8, right: large ? size.font * 21 : 260, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const s = steps[p.dataIndex];
        return s ? `<b>${escapeHtml(s.name)}</b><br/>${label(s, p.dataIndex)}` : '';
      },
      textStyle: { fontSize: size.font },
    },
    xAxis: { type: 'value', show: false, max: Math.max(1, ...steps.map((s) => s.value)) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: steps.map((s) => s.name),
      axisLabel: { fontSize: size.font * 1.1, color: TEXT_COLOR, fontWeight: 600 },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        name: 'Leads',
        type: 'bar',
        barCategoryGap: '18%',
        cursor: 'pointer',
        data: steps.map((s, i) => ({ value: s.value, itemStyle: { color: PALETTE[i % PALETTE.length] } })),
        label: {
          show: true,
          position: 'right',
          fontSize: size.font,
          color: TEXT_COLOR,
          formatter: (p: { dataIndex: number }) => {
            const s = steps[p.dataIndex];
            return s ? label(s, p.dataIndex) : '';
          },
        },
      },
    ],
  };
}
