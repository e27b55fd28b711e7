// Renders an ECharts option. Fetches nothing; resizes with its box; reports clicks.
import { useEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from '../lib/echarts';

export interface ChartItem {
  readonly dataIndex: number;
  readonly seriesIndex: number;
  readonly name: string;
}

export interface ChartHandle {
  toPng(): string | null;
}

export interface EChartProps {
  readonly option: EChartsCoreOption;
  readonly height: number;
  readonly ariaLabel: string;
  readonly onItemClick?: (item: ChartItem) => void;
  readonly handleRef?: RefObject<ChartHandle | null>;
}

/** The option's series names and data, as JSON: what the chart draws, readable by tests and tools. */
export function seriesSummary(option: EChartsCoreOption): string {
  const series = Array.isArray(option.series) ? (option.series as { name?: unknown; data?: unknown }[]) : [];
  return JSON.stringify(series.map((s) => ({ name: s.name ?? null, data: s.data ?? null })));
}

export default function EChart({ option, height, ariaLabel, onItemClick, handleRef }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const chart = echarts.init(node, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (p) => {
      const params = p as { dataIndex?: number; seriesIndex?: number; name?: string };
      clickRef.current?.({ dataIndex: params.dataIndex ?? 0, seriesIndex: params.seriesIndex ?? 0, name: params.name ?? '' });
    });
    // A ResizeObserver reports the box once as soon as it observes it: resize (a full
    // re-render) only when the size really changed since the chart was laid out.
    let size = `${node.clientWidth}x${node.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const next = `${node.clientWidth}x${node.clientHeight}`;
      if (next === size) return;
      size = next;
      chart.resize();
    });
    observer.observe(node);
    if (handleRef) {
      handleRef.current = {
        toPng: () => (chart.isDisposed() ? null : chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' })),
      };
    }
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      if (handleRef) handleRef.current = null;
    };
  }, [handleRef]);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  const series = useMemo(() => seriesSummary(option), [option]);
  return <div ref={el} className="echart" style={{ height }} role="img" aria-label={ariaLabel} data-testid="echart" data-series={series} />;
}
