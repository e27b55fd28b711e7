import { describe, expect, it } from 'vitest';
import { categoryChartOption, chartSize, funnelOption, funnelSteps, legendLines, tooltipFormatter } from './chart-options';
import { PALETTE } from '../config/palette';

type Obj = Record<string, unknown>;
const get = (o: unknown, ...path: (string | number)[]): unknown => path.reduce<unknown>((v, k) => (v as Obj | undefined)?.[k as string], o);

describe('funnelSteps', () => {
  const cases = [
    {
      name: 'typical funnel',
      stages: [100, 60, 30, 30, 12],
      expected: [
        { step: null, cumulative: 1 },
        { step: 0.6, cumulative: 0.6 },
        { step: 0.5, cumulative: 0.3 },
        { step: 1, cumulative: 0.3 },
        { step: 0.4, cumulative: 0.12 },
      ],
    },
    {
      name: 'empty cohort',
      stages: [0, 0, 0],
      expected: [
        { step: null, cumulative: null },
        { step: null, cumulative: null },
        { step: null, cumulative: null },
      ],
    },
    { name: 'zero in the middle', stages: [10, 0, 0], expected: [{ step: null, cumulative: 1 }, { step: 0, cumulative: 0 }, { step: null, cumulative: 0 }] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const steps = funnelSteps(c.stages.map((value, i) => ({ key: `k${i}`, name: `S${i}`, value })));
      expect(steps.map((s) => ({ step: s.stepRate, cumulative: s.cumulativeRate }))).toEqual(c.expected);
    });
  }
});

describe('funnelOption', () => {
  const stages = [
    { key: 'funnel.mql_count', name: 'MQL', value: 200 },
    { key: 'funnel.sal_count', name: 'SAL', value: 150 },
    { key: 'funnel.won_count', name: 'Won', value: 15 },
  ];
  const option = funnelOption(stages);
  it('one bar per stage in order, coloured from the palette', () => {
    expect(get(option, 'yAxis', 'data')).toEqual(['MQL', 'SAL', 'Won']);
    expect(get(option, 'series', 0, 'data')).toEqual([
      { value: 200, itemStyle: { color: PALETTE[0] } },
      { value: 150, itemStyle: { color: PALETTE[1] } },
      { value: 15, itemStyle: { color: PALETTE[2] } },
    ]);
  });
  it('labels carry count, step and cumulative conversion', () => {
    const formatter = get(option, 'series', 0, 'label', 'formatter') as (p: { dataIndex: number }) => string;
    expect(formatter({ dataIndex: 0 })).toBe('200');
    expect(formatter({ dataIndex: 1 })).toBe('150  ·  75.0% step  ·  75.0% of MQLs');
    expect(formatter({ dataIndex: 2 })).toBe('15  ·  10.0% step  ·  7.5% of MQLs');
  });
  it('meeting mode uses larger type', () => {
    expect(get(funnelOption(stages, true), 'textStyle', 'fontSize')).toBeGreaterThan(get(option, 'textStyle', 'fontSize') as number);
  });
});

describe('categoryChartOption', () => {
  const cases = [
    {
      name: 'vertical bars, one series, no legend',
      input: { categories: ['Jan', 'Feb'], series: [{ name: 'MQLs', values: [3, 4] }] },
      check: (o: unknown) => {
        expect(get(o, 'xAxis', 'data')).toEqual(['Jan', 'Feb']);
        expect(get(o, 'yAxis', 0, 'type')).toBe('value');
        expect(get(o, 'series', 0, 'type')).toBe('bar');
        expect(get(o, 'series', 0, 'data')).toEqual([3, 4]);
        expect(get(o, 'legend', 'show')).toBe(false);
      },
    },
    {
      name: 'horizontal bars put categories on y, top to bottom',
      input: { categories: ['Email', 'Web'], series: [{ name: 'MQLs', values: [5, 1] }, { name: 'SQLs', values: [2, null] }], horizontal: true },
      check: (o: unknown) => {
        expect(get(o, 'yAxis', 'data')).toEqual(['Email', 'Web']);
        expect(get(o, 'yAxis', 'inverse')).toBe(true);
        expect(get(o, 'xAxis', 0, 'type')).toBe('value');
        expect(get(o, 'series', 1, 'data')).toEqual([2, null]);
        expect(get(o, 'series', 1, 'xAxisIndex')).toBe(0);
        expect(get(o, 'legend', 'show')).toBeUndefined();
      },
    },
    {
      name: 'a rate on a second axis, formatted as percent',
      input: {
        categories: ['W1'],
        series: [
          { name: 'Breached', values: [4], stack: 'sla' },
          { name: 'Met', values: [6], stack: 'sla' },
          { name: 'Compliance', values: [0.6], kind: 'line' as const, axis: 1 as const, format: 'percent' as const },
        ],
        format: 'integer' as const,
      },
      check: (o: unknown) => {
        expect((get(o, 'yAxis') as unknown[]).length).toBe(2);
        expect(get(o, 'series', 0, 'stack')).toBe('sla');
        expect(get(o, 'series', 2, 'type')).toBe('line');
        expect(get(o, 'series', 2, 'yAxisIndex')).toBe(1);
        const max = get(o, 'yAxis', 1, 'max') as (e: { max: number }) => number;
        expect([max({ max: 0.6 }), max({ max: 1.31 })]).toEqual([1, 1.5]);
        const fmt = get(o, 'yAxis', 1, 'axisLabel', 'formatter') as (v: number) => string;
        expect(fmt(0.5)).toBe('50.0%');
        const countFmt = get(o, 'yAxis', 0, 'axisLabel', 'formatter') as (v: number) => string;
        expect(countFmt(1500)).toBe('1.5K');
      },
    },
    {
      name: 'a few categories under bars are each labelled (eight stages showed four labels)',
      input: { categories: ['Lead', 'MQL', 'Handoff', 'SAL', 'Rejected', 'SQL', 'Won', 'Lost'], series: [{ name: 'Median days', values: [3, 0, 0, 1, 9, 0, 13, 0] }] },
      check: (o: unknown) => expect(get(o, 'xAxis', 'axisLabel', 'interval')).toBe(0),
    },
    {
      name: 'a long run of categories keeps the automatic label interval',
      input: { categories: Array.from({ length: 24 }, (_, i) => `M${i + 1}`), series: [{ name: 'MQLs', values: Array.from({ length: 24 }, () => 1) }] },
      check: (o: unknown) => expect(get(o, 'xAxis', 'axisLabel', 'interval')).toBeUndefined(),
    },
    {
      name: 'categories beside horizontal bars keep the automatic interval (one row each)',
      input: { categories: ['Email', 'Web'], series: [{ name: 'MQLs', values: [5, 1] }], horizontal: true },
      check: (o: unknown) => expect(get(o, 'yAxis', 'axisLabel', 'interval')).toBeUndefined(),
    },
    {
      name: 'series colours follow the Okabe–Ito palette unless set',
      input: { categories: ['a'], series: [{ name: 'x', values: [1] }, { name: 'y', values: [1], color: '#123456' }] },
      check: (o: unknown) => {
        expect(get(o, 'series', 0, 'itemStyle', 'color')).toBe(PALETTE[0]);
        expect(get(o, 'series', 1, 'itemStyle', 'color')).toBe('#123456');
      },
    },
  ];
  for (const c of cases) it(c.name, () => c.check(categoryChartOption(c.input)));
});

describe('tooltipFormatter', () => {
  it('formats each series in its own format and escapes names', () => {
    const f = tooltipFormatter([{ name: 'MQLs', values: [], format: 'integer' }, { name: 'Rate <x>', values: [], format: 'percent' }], 'integer');
    expect(
      f([
        { name: 'Mar 2026', seriesIndex: 0, seriesName: 'MQLs', value: 1200, marker: '' },
        { name: 'Mar 2026', seriesIndex: 1, seriesName: 'Rate <x>', value: 0.25, marker: '' },
      ]),
    ).toBe('<b>Mar 2026</b><br/>MQLs: <b>1,200</b><br/>Rate &#60;x&#62;: <b>25.0%</b>');
  });
});

describe('meeting mode fits the screen', () => {
  const sizes = [
    { screen: { width: 1280, height: 720 }, font: 16 },
    { screen: { width: 1920, height: 1080 }, font: 24 },
    { screen: { width: 3840, height: 2160 }, font: 36 },
    { screen: { width: 800, height: 480 }, font: 14 },
  ];
  for (const c of sizes) {
    it(`type at ${c.screen.width}×${c.screen.height} is ${c.font}px`, () => {
      expect(chartSize(true, c.screen).font).toBe(c.font);
    });
  }

  const legends = [
    { names: ['MQLs', 'SQLs'], font: 20, width: 1000, lines: 1 },
    // 8 reasons of ~15 characters at 24 px: each item ~267 px, 4 to a 1152 px line.
    { names: Array.from({ length: 8 }, (_, i) => `Rejection ${String(i).padStart(5, '0')}`), font: 24, width: 1152, lines: 2 },
    { names: ['a very long rejection reason indeed'], font: 24, width: 300, lines: 1 },
  ];
  for (const c of legends) {
    it(`${c.names.length} legend items at ${c.font}px in ${c.width}px take ${c.lines} line(s)`, () => {
      expect(legendLines(c.names, c.font, c.width)).toBe(c.lines);
    });
  }

  it('a slide legend wraps instead of paging, with the plot below all its lines', () => {
    const series = Array.from({ length: 8 }, (_, i) => ({ name: `Rejection ${String(i).padStart(5, '0')}`, values: [1] }));
    const screen = { width: 1280, height: 720 };
    const o = categoryChartOption({ categories: ['Paid Search'], series, large: true }, screen);
    expect(get(o, 'legend', 'type')).toBe('plain');
    const lines = legendLines(series.map((s) => s.name), 16, 1280 * 0.9);
    expect(lines).toBe(2);
    expect(get(o, 'grid', 'top')).toBeGreaterThanOrEqual(16 * 1.6 * lines);
    expect(get(categoryChartOption({ categories: ['Paid Search'], series }), 'legend', 'type')).toBe('scroll');
  });
});

describe('shaded categories (months not yet mature)', () => {
  it('puts a labelled mark area from the first to the last shaded category on the first series', () => {
    const o = categoryChartOption({ categories: ['Aug', 'Sep', 'Oct'], series: [{ name: 'MQLs', values: [1, 2, 3], kind: 'line' }, { name: 'SQLs', values: [1, 1, 0], kind: 'line' }], shade: { from: 'Sep', to: 'Oct', label: 'not yet mature' } });
    expect(get(o, 'series', 0, 'markArea', 'data')).toEqual([[{ name: 'not yet mature', xAxis: 'Sep' }, { xAxis: 'Oct' }]]);
    expect(get(o, 'series', 1, 'markArea')).toBeUndefined();
  });
});
