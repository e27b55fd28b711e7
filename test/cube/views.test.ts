import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LEAKS_BY_KIND, MARKETING_SLA_BY_SEGMENT, MARKETING_SLA_TOTAL, PIPELINE_BY_CLOSE_MONTH, PIPELINE_BY_CREATED_MONTH,
  PIPELINE_TOTAL, QUARANTINE_BY_REASON, SALES_SLA_BY_TEAM, VELOCITY_BY_STAGE,
} from './expected';
import { cubeGet, expectCloseTo, loadRows, num, startFixtureServer } from './helpers';
import type { Fixture, Row } from './helpers';

let fixture: Fixture;
beforeAll(async () => {
  fixture = await startFixtureServer();
});
afterAll(async () => {
  await fixture?.close();
});

function expectMeasures(row: Row | undefined, view: string, expected: Readonly<Record<string, number>>): void {
  expect(row, JSON.stringify(expected)).toBeDefined();
  for (const [measure, want] of Object.entries(expected)) {
    expectCloseTo(num(row?.[`${view}.${measure}`]), want, `${view}.${measure}`);
  }
}

describe('pipeline view', () => {
  it('totals', async () => {
    const rows = await loadRows(fixture.server.url, { measures: Object.keys(PIPELINE_TOTAL).map((m) => `pipeline.${m}`) });
    expectMeasures(rows[0], 'pipeline', PIPELINE_TOTAL);
  });
  it('close rate by close month', async () => {
    const expected: Readonly<Record<string, Readonly<Record<string, number>>>> = PIPELINE_BY_CLOSE_MONTH;
    const rows = await loadRows(fixture.server.url, {
      measures: ['pipeline.opportunity_count', 'pipeline.won_count', 'pipeline.lost_count', 'pipeline.close_rate'],
      timeDimensions: [{ dimension: 'pipeline.close_date', granularity: 'month', dateRange: ['2024-01-01', '2024-03-31'] }],
    });
    expect(rows).toHaveLength(Object.keys(expected).length);
    for (const [month, values] of Object.entries(expected)) {
      expectMeasures(rows.find((r) => r['pipeline.close_date.month'] === month), 'pipeline', values);
    }
  });
  it('open-deal age by channel, from the open_deals rollup', async () => {
    const { status, body } = await cubeGet(fixture.server.url, 'load', {
      measures: ['pipeline.open_count', 'pipeline.open_amount', 'pipeline.avg_open_age_days', 'pipeline.max_open_age_days'],
      dimensions: ['pipeline.channel'],
      filters: [{ member: 'pipeline.open_count', operator: 'gt', values: ['0'] }],
    });
    expect(status).toBe(200);
    expect(Object.keys(body.usedPreAggregations as object)).toEqual(['pre_aggregations.opportunities_open_deals']);
    // Open: O3 (Organic, 20000, 59 days), O5 (Organic, 15000, 21 days).
    expect((body.data as Row[]).map((r) => [r['pipeline.channel'], num(r['pipeline.open_count']), num(r['pipeline.open_amount']), num(r['pipeline.avg_open_age_days']), num(r['pipeline.max_open_age_days'])]))
      .toEqual([['Organic', 2, 35000, 40, 59]]);
  });
  it('opportunities by created month', async () => {
    const rows = await loadRows(fixture.server.url, {
      measures: ['pipeline.opportunity_count'],
      timeDimensions: [{ dimension: 'pipeline.created_date', granularity: 'month', dateRange: ['2024-01-01', '2024-03-31'] }],
    });
    const byMonth = Object.fromEntries(rows.map((r) => [r['pipeline.created_date.month'], num(r['pipeline.opportunity_count'])]));
    expect(byMonth).toEqual(PIPELINE_BY_CREATED_MONTH);
  });
});

describe('marketing_sla view', () => {
  it('marketing commitment vs delivery', async () => {
    const rows = await loadRows(fixture.server.url, { measures: ['marketing_sla.committed_mqls', 'marketing_sla.delivered_mqls', 'marketing_sla.attainment'] });
    expectMeasures(rows[0], 'marketing_sla', MARKETING_SLA_TOTAL);
  });
  it('marketing attainment by segment', async () => {
    const rows = await loadRows(fixture.server.url, {
      measures: ['marketing_sla.committed_mqls', 'marketing_sla.delivered_mqls', 'marketing_sla.attainment'],
      dimensions: ['marketing_sla.segment'],
      timeDimensions: [{ dimension: 'marketing_sla.month', dateRange: ['2024-01-01', '2024-03-31'] }],
    });
    for (const [segment, values] of Object.entries(MARKETING_SLA_BY_SEGMENT)) {
      expectMeasures(rows.find((r) => r['marketing_sla.segment'] === segment), 'marketing_sla', values);
    }
  });
});

describe('the sales SLA, where the leads are (funnel view)', () => {
  it('sales SLA by team', async () => {
    const rows = await loadRows(fixture.server.url, {
      measures: ['funnel.sla_met_count', 'funnel.sla_breached_count', 'funnel.sla_pending_count', 'funnel.sla_compliance_rate'],
      dimensions: ['funnel.team'],
    });
    for (const [team, values] of Object.entries(SALES_SLA_BY_TEAM)) {
      expectMeasures(rows.find((r) => r['funnel.team'] === team), 'funnel', values);
    }
  });
});

describe('velocity view', () => {
  it('median, p90 and mean days by stage', async () => {
    const rows = await loadRows(fixture.server.url, {
      measures: Object.keys(VELOCITY_BY_STAGE.sal).map((m) => `velocity.${m}`),
      dimensions: ['velocity.stage'],
    });
    for (const [stage, values] of Object.entries(VELOCITY_BY_STAGE)) {
      expectMeasures(rows.find((r) => r['velocity.stage'] === stage), 'velocity', values);
    }
  });
  // The mart carries the person's integer key; the text ID comes from `leads` through the join.
  it('lists the leads that entered a stage by their lead ID (a drill-down)', async () => {
    const rows = await loadRows(fixture.server.url, {
      dimensions: ['velocity.lead_id', 'velocity.days_from_previous'],
      filters: [{ member: 'velocity.stage', operator: 'equals', values: ['sql'] }],
      order: [['velocity.lead_id', 'asc']],
      ungrouped: true,
    });
    // The fixture's six sql entries and their days from sal.
    expect(rows.map((r) => [r['velocity.lead_id'], num(r['velocity.days_from_previous'])])).toEqual([
      ['email:l01@acme.test', 4], ['email:l02@beta.test', 2.5], ['email:l03@gamma.test', 16],
      ['email:l07@eta.test', 0], ['email:l10@kappa.test', 4], ['email:l11@lambda.test', 1],
    ]);
  });
});

describe('mql_events view', () => {
  it('counts MQL events per lead ID, re-MQLs included', async () => {
    const rows = await loadRows(fixture.server.url, {
      measures: ['mql_events.mql_event_count', 'mql_events.remql_count'],
      dimensions: ['mql_events.lead_id'],
      order: [['mql_events.lead_id', 'asc']],
    });
    // mql_events: L01 and L02 twice (one re-MQL each), L03 once.
    expect(rows.map((r) => [r['mql_events.lead_id'], num(r['mql_events.mql_event_count']), num(r['mql_events.remql_count'])])).toEqual([
      ['email:l01@acme.test', 2, 1], ['email:l02@beta.test', 2, 1], ['email:l03@gamma.test', 1, 0],
    ]);
  });
});

describe('quarantine, leakage and freshness views', () => {
  it('quarantined rows by reason', async () => {
    const rows = await loadRows(fixture.server.url, { measures: ['quarantine.rejected_row_count'], dimensions: ['quarantine.reason'] });
    expect(Object.fromEntries(rows.map((r) => [r['quarantine.reason'], num(r['quarantine.rejected_row_count'])]))).toEqual(QUARANTINE_BY_REASON);
  });
  it('leaks by kind', async () => {
    const rows = await loadRows(fixture.server.url, {
      measures: ['leakage.leak_row_count', 'leakage.leaked_mql_count'],
      dimensions: ['leakage.kind'],
    });
    expect(Object.fromEntries(rows.map((r) => [r['leakage.kind'], num(r['leakage.leak_row_count'])]))).toEqual(LEAKS_BY_KIND);
    const total = await loadRows(fixture.server.url, { measures: ['leakage.leak_row_count', 'leakage.leaked_mql_count'] });
    expectMeasures(total[0], 'leakage', { leak_row_count: 4, leaked_mql_count: 2 });
  });
  it('how current the data is', async () => {
    const rows = await loadRows(fixture.server.url, { dimensions: ['freshness.as_of', 'freshness.built_at'] });
    expect(rows).toEqual([{ 'freshness.as_of': '2024-03-31T00:00:00.000', 'freshness.built_at': '2024-04-01T06:00:00.000' }]);
  });
});

describe('meta: the public contract', () => {
  interface Member { name: string; title?: string; shortTitle?: string; description?: string; format?: unknown; type: string }
  interface CubeMeta { name: string; type: string; measures: Member[]; dimensions: Member[]; meta?: { filters?: Record<string, string>; time_dimension?: string } }
  let cubes: CubeMeta[] = [];
  beforeAll(async () => {
    const response = await fetch(`${fixture.server.url}/cubejs-api/v1/meta`);
    cubes = ((await response.json()) as { cubes: CubeMeta[] }).cubes;
  });
  it('exposes only the views, one subject each', () => {
    expect(cubes.map((c) => `${c.type}:${c.name}`).sort()).toEqual(
      ['view:agreement', 'view:attribution', 'view:freshness', 'view:funnel', 'view:funnel_period', 'view:goal_calendar', 'view:goals', 'view:leakage', 'view:marketing_sla', 'view:mql_events', 'view:pipeline', 'view:quarantine', 'view:velocity'],
    );
  });
  it('gives every member a title and a description, and every measure a format', () => {
    for (const cube of cubes) {
      for (const member of [...cube.measures, ...cube.dimensions]) {
        expect(member.shortTitle, member.name).toBeTruthy();
        expect(member.description, member.name).toBeTruthy();
      }
      for (const measure of cube.measures) expect(measure.format, measure.name).toBeTruthy();
    }
  });
  it('says per view which dashboard filter applies to which of its own dimensions (view meta)', () => {
    const filters = Object.fromEntries(cubes.map((c) => [c.name, c.meta?.filters]));
    const all = { channel: 'channel', segment: 'segment', region: 'region', team: 'team', owner: 'owner' };
    expect(filters).toEqual({
      funnel: all, pipeline: all, velocity: all,
      leakage: { channel: 'channel', region: 'region', team: 'team', owner: 'owner' },
      marketing_sla: { segment: 'segment' },
      quarantine: {}, freshness: {},
      attribution: { channel: 'channel', segment: 'segment', region: 'region', team: 'team' },
      funnel_period: all, mql_events: all,
      goals: { segment: 'segment', region: 'region' }, goal_calendar: { segment: 'segment', region: 'region' },
      agreement: {},
    });
    const timeDimensions = Object.fromEntries(cubes.map((c) => [c.name, c.meta?.time_dimension]));
    expect(timeDimensions).toEqual({
      funnel: 'mql_date', pipeline: 'created_date', velocity: 'entered_date', leakage: 'mql_date', marketing_sla: 'month',
      attribution: 'period', funnel_period: 'entered_date', mql_events: 'mql_event_date', goal_calendar: 'date',
      goals: undefined, agreement: undefined, quarantine: undefined, freshness: undefined,
    });
    for (const cube of cubes) {
      const dimensions = cube.dimensions.map((d) => d.name);
      for (const member of Object.values(cube.meta?.filters ?? {})) expect(dimensions, cube.name).toContain(`${cube.name}.${member}`);
      if (cube.meta?.time_dimension) expect(cube.dimensions.find((d) => d.name === `${cube.name}.${cube.meta?.time_dimension}`)?.type, cube.name).toBe('time');
    }
  });
  it('every public view has an access rule in cube.js (row-scoped, company-wide or unrestricted)', async () => {
    const { VIEW_ACCESS } = (await import(pathToFileURL(resolve('cube.js')).href)) as { VIEW_ACCESS: Record<string, unknown> };
    expect(Object.keys(VIEW_ACCESS).sort()).toEqual(cubes.map((c) => c.name).sort());
  });
  it('orders and labels the funnel stages in the model (dimension meta)', () => {
    const stage = cubes.find((c) => c.name === 'funnel')?.dimensions.find((d) => d.name === 'funnel.stage') as { meta?: { values?: { value: string }[] } } | undefined;
    expect(stage?.meta?.values?.map((v) => v.value)).toEqual(['lead', 'mql', 'handoff', 'sal', 'rejected', 'sql', 'won', 'lost']);
  });
  it('marks rates as percent fractions', () => {
    const funnel = cubes.find((c) => c.name === 'funnel');
    for (const rate of ['acceptance_rate', 'mql_to_sql_rate', 'close_rate', 'sla_compliance_rate', 'leak_rate']) {
      expect(funnel?.measures.find((m) => m.name === `funnel.${rate}`)?.format, rate).toBe('percent');
    }
  });
});
