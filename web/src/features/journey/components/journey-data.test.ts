// One deal's Cube rows (touch × model) turned into its journey, milestones, timeline and table.
// The rows are shaped like the attribution view's answer; shares worked out by hand.
import { describe, expect, it } from 'vitest';
import type { CubeRow } from '../../../lib/cube-client';
import { fixtureMeta } from '../../../lib/meta-fixture';
import { J, toJourney, UNATTRIBUTED } from '../api/get-journey';
import { isUnattributed, journeyChartOption, journeyMilestones, journeyTable, milestoneLines, touchTooltip, utcMs } from './journey-data';

const DEAL = {
  [J.outcome]: 'won', [J.created]: '2026-03-02T00:00:00.000', [J.closed]: '2026-03-31T00:00:00.000', [J.dealName]: 'Acme - Platform',
  [J.amount]: '2000', [J.leadName]: 'Ann Lee', [J.company]: 'Acme', [J.leadCreated]: '2026-02-01T00:00:00.000',
};
const row = (touch: string, at: string | null, channel: string, milestones: string, model: string, share: number): CubeRow => ({
  ...DEAL, [J.touchId]: touch, [J.touchDate]: at, [J.touchKind]: 'campaign_response', [J.channel]: channel, [J.campaign]: `${channel} campaign`,
  [J.milestones]: milestones, [J.model]: model, [J.share]: String(share), [J.pipeline]: String(share * 2000), [J.revenue]: String(share * 2000),
});
// Titles as the model gives them (model/cubes/attribution/attribution_credits.yml).
const META = fixtureMeta({
  [J.touchDate]: { title: 'Touch date', type: 'time' },
  [J.touchKind]: { title: 'Touch kind' },
  [J.channel]: { title: 'Channel' },
  [J.milestones]: { title: 'Milestones' },
});
const MODELS = [
  { value: 'first_touch', label: 'First touch' },
  { value: 'linear', label: 'Linear' },
  { value: 'w_shaped', label: 'W-shaped' },
];
// B1 (01-25) holds FT and LC, B2 (02-10) the middle, B3 (02-20) OC. Linear: ⅓ each; W: 0.6 / 0.1 / 0.3.
const ROWS: CubeRow[] = [
  row('B3', '2026-02-20T00:00:00.000', 'Events', 'OC', 'linear', 1 / 3),
  row('B1', '2026-01-25T00:00:00.000', 'Paid Search', 'FT+LC', 'first_touch', 1),
  row('B1', '2026-01-25T00:00:00.000', 'Paid Search', 'FT+LC', 'linear', 1 / 3),
  row('B1', '2026-01-25T00:00:00.000', 'Paid Search', 'FT+LC', 'w_shaped', 0.6),
  row('B2', '2026-02-10T00:00:00.000', 'Email', '', 'linear', 1 / 3),
  row('B2', '2026-02-10T00:00:00.000', 'Email', '', 'w_shaped', 0.1),
  row('B3', '2026-02-20T00:00:00.000', 'Events', 'OC', 'w_shaped', 0.3),
];

describe('toJourney', () => {
  const journey = toJourney('006O2', ROWS);
  it('groups the rows by touch, in time order, each with every model that credits it', () => {
    expect(journey.touches.map((t) => [t.touchId, t.milestones, Object.keys(t.credit).sort()])).toEqual([
      ['B1', ['FT', 'LC'], ['first_touch', 'linear', 'w_shaped']],
      ['B2', [], ['linear', 'w_shaped']],
      ['B3', ['OC'], ['linear', 'w_shaped']],
    ]);
    expect(journey.touches[0]?.credit.w_shaped).toEqual({ share: 0.6, pipeline: 1200, revenue: 1200 });
  });
  it('reads the deal once', () => {
    expect(journey.deal).toEqual({
      opportunityId: '006O2', name: 'Acme - Platform', amount: 2000, outcome: 'won', leadName: 'Ann Lee', company: 'Acme',
      leadCreatedAt: '2026-02-01T00:00:00.000', createdAt: '2026-03-02T00:00:00.000', closedAt: '2026-03-31T00:00:00.000',
    });
  });
  it('an unknown deal has no rows: no deal', () => {
    expect(toJourney('nope', [])).toEqual({ deal: null, touches: [] });
  });
});

describe('milestones', () => {
  const cases = [
    {
      name: 'won deal: first touch (B1), lead created, opportunity created, closed won',
      rows: ROWS,
      expected: [['first_touch', '2026-01-25'], ['lead_created', '2026-02-01'], ['opportunity_created', '2026-03-02'], ['closed', '2026-03-31']],
    },
    {
      name: 'open deal: no close; no touch: no first touch',
      rows: [{ ...row(UNATTRIBUTED, null, UNATTRIBUTED, '', 'linear', 1), [J.outcome]: 'open', [J.closed]: null }],
      expected: [['lead_created', '2026-02-01'], ['opportunity_created', '2026-03-02']],
    },
  ];
  it.each(cases)('$name', ({ rows, expected }) => {
    expect(journeyMilestones(toJourney('x', rows)).map((m) => [m.key, m.at.slice(0, 10)])).toEqual(expected);
  });
  it('"Closed won" / "Closed lost" by outcome', () => {
    expect(journeyMilestones(toJourney('x', ROWS)).at(-1)?.label).toBe('Closed won');
    expect(journeyMilestones(toJourney('x', ROWS.map((r) => ({ ...r, [J.outcome]: 'lost' })))).at(-1)?.label).toBe('Closed lost');
  });
});

describe('unattributed deals', () => {
  it('a deal whose only credit is (unattributed) has nothing on the timeline', () => {
    const j = toJourney('x', [row(UNATTRIBUTED, null, UNATTRIBUTED, '', 'linear', 1)]);
    expect(isUnattributed(j)).toBe(true);
    expect(isUnattributed(toJourney('x', ROWS))).toBe(false);
  });
});

describe('timeline option', () => {
  const option = journeyChartOption({ journey: toJourney('006O2', ROWS), models: MODELS, sizeBy: 'w_shaped' }) as {
    useUTC: boolean; yAxis: { data: string[] }; series: { data: { value: [number, string]; symbolSize: number }[]; markLine: { data: { name: string; xAxis: number }[] } }[];
  };
  it('plots each touch at its UTC time on its channel row', () => {
    expect(option.useUTC).toBe(true);
    expect(option.yAxis.data).toEqual(['Paid Search', 'Email', 'Events']);
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([
      [Date.UTC(2026, 0, 25), 'Paid Search'], [Date.UTC(2026, 1, 10), 'Email'], [Date.UTC(2026, 1, 20), 'Events'],
    ]);
  });
  it('sizes dots by the chosen model: B1 (0.6) > B3 (0.3) > B2 (0.1)', () => {
    const [b1, b2, b3] = option.series[0]?.data.map((d) => d.symbolSize) ?? [];
    expect(b1).toBeGreaterThan(b3 ?? Infinity);
    expect(b3).toBeGreaterThan(b2 ?? Infinity);
  });
  it('spans the axis over the touches and milestones (the close after the last touch), with a margin', () => {
    const axis = (option as unknown as { xAxis: { min: number; max: number } }).xAxis;
    expect(axis.min).toBeLessThan(Date.UTC(2026, 0, 25));
    expect(axis.max).toBeGreaterThan(Date.UTC(2026, 2, 31));
  });
  it('milestones at the same instant share one line', () => {
    expect(milestoneLines([
      { key: 'first_touch', label: 'First touch', at: '2026-01-25T00:00:00.000' },
      { key: 'lead_created', label: 'Lead created', at: '2026-01-25T00:00:00.000' },
      { key: 'opportunity_created', label: 'Opportunity created', at: '2026-03-02T00:00:00.000' },
    ])).toEqual([{ name: 'First touch · Lead created', xAxis: Date.UTC(2026, 0, 25) }, { name: 'Opportunity created', xAxis: Date.UTC(2026, 2, 2) }]);
  });
  it('marks the four milestones as vertical lines', () => {
    expect(option.series[0]?.markLine.data).toEqual([
      { name: 'First touch', xAxis: Date.UTC(2026, 0, 25) }, { name: 'Lead created', xAxis: Date.UTC(2026, 1, 1) },
      { name: 'Opportunity created', xAxis: Date.UTC(2026, 2, 2) }, { name: 'Closed won', xAxis: Date.UTC(2026, 2, 31) },
    ]);
  });
  it('reads zone-less Cube times as UTC', () => {
    expect(utcMs('2026-01-25T10:00:00.000')).toBe(Date.UTC(2026, 0, 25, 10));
    expect(utcMs('2026-01-25T10:00:00.000Z')).toBe(Date.UTC(2026, 0, 25, 10));
  });
});

describe('credit table and tooltip', () => {
  const journey = toJourney('006O2', ROWS);
  it('one row per touch, one column per model, a model that gives a touch nothing shows 0', () => {
    const t = journeyTable(META, journey, MODELS);
    expect(t.columns.map((c) => c.title)).toEqual(['Touch date', 'Touch kind', 'Channel', 'Milestones', 'First touch', 'Linear', 'W-shaped']);
    expect(t.rows[0]?.touch).toBe('Campaign response · Paid Search campaign');
    expect(t.rows.map((r) => [r['model:first_touch'], r['model:linear'], r['model:w_shaped']])).toEqual([[1, 1 / 3, 0.6], [0, 1 / 3, 0.1], [0, 1 / 3, 0.3]]);
  });
  it('every model column sums to 1 (the whole deal)', () => {
    const t = journeyTable(META, journey, MODELS);
    for (const m of MODELS) expect(t.rows.reduce((s, r) => s + Number(r[`model:${m.value}`]), 0)).toBeCloseTo(1, 12);
  });
  it('the tooltip lists the touch, its milestones and each model: share and amount (0.6 × $2,000 = $1,200)', () => {
    const html = touchTooltip(journey.touches[0]!, MODELS);
    expect(html).toContain('Milestones: First touch, Lead creation');
    expect(html).toContain('W-shaped: <b>60.0%</b> ($1,200)');
    expect(html).toContain('Linear: <b>33.3%</b> ($667)');
  });
});
