import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNNEL_BY_CHANNEL, FUNNEL_BY_MQL_MONTH, FUNNEL_MEASURES, FUNNEL_TOTAL } from './expected';
import type { FunnelValues } from './expected';
import { cubeGet, expectCloseTo, loadRows, num, startFixtureServer } from './helpers';
import type { Fixture, Row } from './helpers';

const measures = FUNNEL_MEASURES.map((m) => `funnel.${m}`);
let fixture: Fixture;

beforeAll(async () => {
  fixture = await startFixtureServer();
});
afterAll(async () => {
  await fixture?.close();
});

function expectValues(row: Row | undefined, expected: FunnelValues): void {
  expect(row).toBeDefined();
  for (const measure of FUNNEL_MEASURES) {
    const actual = num(row?.[`funnel.${measure}`]);
    const want = expected[measure];
    if (want === null) expect(actual, measure).toBeNull();
    else expectCloseTo(actual, want, measure);
  }
}

describe('funnel view over the hand-counted fixture', () => {
  it('an empty period grouped by a dimension is an empty answer, not an error', async () => {
    const { status, body } = await cubeGet(fixture.server.url, 'load', {
      measures: ['funnel.mql_count'],
      dimensions: ['funnel.channel'],
      timeDimensions: [{ dimension: 'funnel.mql_date', dateRange: ['2001-01-01', '2001-01-31'] }],
    });
    expect(status).toBe(200);
    expect(body.data).toEqual([]);
  });

  it('totals', async () => {
    const rows = await loadRows(fixture.server.url, { measures });
    expect(rows).toHaveLength(1);
    expectValues(rows[0], FUNNEL_TOTAL);
  });

  describe('by MQL month (cohort)', () => {
    let rows: Row[] = [];
    beforeAll(async () => {
      rows = await loadRows(fixture.server.url, {
        measures,
        timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month', dateRange: ['2024-01-01', '2024-03-31'] }],
      });
    });
    it('has one row per month', () => {
      expect(rows.map((r) => r['funnel.mql_date.month']).sort()).toEqual(Object.keys(FUNNEL_BY_MQL_MONTH).sort());
    });
    for (const [month, expected] of Object.entries(FUNNEL_BY_MQL_MONTH)) {
      it(month, () => expectValues(rows.find((r) => r['funnel.mql_date.month'] === month), expected));
    }
  });

  describe('by channel', () => {
    let rows: Row[] = [];
    beforeAll(async () => {
      rows = await loadRows(fixture.server.url, { measures, dimensions: ['funnel.channel'] });
    });
    it('has one row per channel', () => {
      expect(rows.map((r) => r['funnel.channel']).sort()).toEqual(Object.keys(FUNNEL_BY_CHANNEL).sort());
    });
    for (const [channel, expected] of Object.entries(FUNNEL_BY_CHANNEL)) {
      it(channel, () => expectValues(rows.find((r) => r['funnel.channel'] === channel), expected));
    }
  });

  it('answers the standard dashboard query from a pre-aggregation', async () => {
    const { status, body } = await cubeGet(fixture.server.url, 'load', {
      measures: ['funnel.mql_count', 'funnel.sal_count', 'funnel.acceptance_rate', 'funnel.close_rate'],
      dimensions: ['funnel.channel', 'funnel.segment', 'funnel.region', 'funnel.team'],
      timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month', dateRange: ['2024-01-01', '2024-03-31'] }],
    });
    expect(status).toBe(200);
    expect(Object.keys(body.usedPreAggregations as object)).toEqual(['pre_aggregations.leads_funnel_by_mql_month']);
    const data = body.data as Row[];
    const mqls = data.reduce((sum, r) => sum + (num(r['funnel.mql_count']) ?? 0), 0);
    expect(mqls).toBe(FUNNEL_TOTAL.mql_count);
  });

  const rollups = [
    {
      name: 'by owner: the wider funnel rollup',
      query: { measures: ['funnel.mql_count', 'funnel.won_amount'], dimensions: ['funnel.owner'], timeDimensions: [{ dimension: 'funnel.mql_date', dateRange: ['2024-01-01', '2024-03-31'] }] },
      rollup: 'pre_aggregations.leads_funnel_by_owner_mql_month',
      check: (rows: Row[]) => expect(Object.fromEntries(rows.map((r) => [r['funnel.owner'], num(r['funnel.mql_count'])]))).toEqual({
        'Alice Ames': 4, 'Bob Brandt': 4, 'Carol Chen': 2, Unassigned: 1,
      }),
    },
    {
      name: 'by campaign',
      query: { measures: ['funnel.mql_count', 'funnel.sql_count', 'funnel.won_amount'], dimensions: ['funnel.campaign'], timeDimensions: [{ dimension: 'funnel.mql_date', dateRange: ['2024-01-01', '2024-03-31'] }] },
      rollup: 'pre_aggregations.leads_funnel_by_campaign_mql_month',
      // Spring Search: L01 L02 L06 L09; (none): L03 L04 L07 L10; Expo 2024: L05 L11; Webinar Feb: L08.
      check: (rows: Row[]) => expect(Object.fromEntries(rows.map((r) => [r['funnel.campaign'], num(r['funnel.mql_count'])]))).toEqual({
        'Spring Search': 4, '(none)': 4, 'Expo 2024': 2, 'Webinar Feb': 1,
      }),
    },
    {
      name: 'sales SLA by handoff week',
      query: { measures: ['funnel.sla_met_count', 'funnel.sla_breached_count', 'funnel.sla_compliance_rate'], timeDimensions: [{ dimension: 'funnel.handoff_date', granularity: 'week', dateRange: ['2024-01-01', '2024-03-31'] }] },
      rollup: 'pre_aggregations.leads_sales_sla_by_handoff_day',
      check: (rows: Row[]) => {
        expect(rows.reduce((n, r) => n + (num(r['funnel.sla_met_count']) ?? 0), 0)).toBe(FUNNEL_TOTAL.sla_met_count);
        expect(rows.reduce((n, r) => n + (num(r['funnel.sla_breached_count']) ?? 0), 0)).toBe(FUNNEL_TOTAL.sla_breached_count);
      },
    },
    // The dashboard's data window (every page asks): L01 is the first lead created, L14 the last.
    ...(['asc', 'desc'] as const).map((direction) => ({
      name: `the data window: the ${direction === 'asc' ? 'first' : 'latest'} day a lead was created`,
      query: { measures: ['funnel.lead_count'], timeDimensions: [{ dimension: 'funnel.created_date', granularity: 'day' }], order: { 'funnel.created_date': direction }, limit: 1 },
      rollup: 'pre_aggregations.leads_by_created_day',
      check: (rows: Row[]) => expect(rows.map((r) => [r['funnel.created_date.day'], num(r['funnel.lead_count'])]))
        .toEqual([[direction === 'asc' ? '2024-01-02T00:00:00.000' : '2024-03-25T00:00:00.000', 1]]),
    })),
    {
      name: 'rejections by reason and channel',
      query: { measures: ['funnel.rejected_count'], dimensions: ['funnel.rejection_reason', 'funnel.channel'], timeDimensions: [{ dimension: 'funnel.mql_date', dateRange: ['2024-01-01', '2024-03-31'] }] },
      rollup: 'pre_aggregations.leads_rejections_by_reason_mql_month',
      check: (rows: Row[]) => expect(rows.reduce((n, r) => n + (num(r['funnel.rejected_count']) ?? 0), 0)).toBe(FUNNEL_TOTAL.rejected_count),
    },
  ];
  for (const { name, query, rollup, check } of rollups) {
    it(`pre-aggregation ${name}`, async () => {
      const { status, body } = await cubeGet(fixture.server.url, 'load', query);
      expect(status).toBe(200);
      expect(Object.keys(body.usedPreAggregations as object)).toEqual([rollup]);
      check(body.data as Row[]);
    });
  }

  it('drill members of a count list the leads behind it', async () => {
    const response = await fetch(`${fixture.server.url}/cubejs-api/v1/meta`);
    const meta = (await response.json()) as { cubes: { name: string; measures: { name: string; drillMembers?: string[] }[] }[] };
    const funnel = meta.cubes.find((c) => c.name === 'funnel');
    const mqlCount = funnel?.measures.find((m) => m.name === 'funnel.mql_count');
    expect(mqlCount?.drillMembers).toContain('funnel.lead_id');
    const rows = await loadRows(fixture.server.url, {
      dimensions: mqlCount?.drillMembers,
      filters: [{ member: 'funnel.mql_date', operator: 'set' }, { member: 'funnel.channel', operator: 'equals', values: ['Events'] }],
    });
    expect(rows.map((r) => r['funnel.lead_id']).sort()).toEqual(['email:l05@eps.test', 'email:l08@theta.test', 'email:l11@lambda.test']);
  });
});

describe('the refresh worker', () => {
  let own: Fixture;
  let runs = 0;
  beforeAll(async () => {
    own = await startFixtureServer({
      refreshIntervalSeconds: 1,
      onCubeLog: (message) => {
        if (message === 'Refresh Scheduler Run') runs += 1;
      },
    });
  });
  afterAll(async () => {
    await own?.close();
  });
  it('builds the pre-aggregations by itself, before any query asks', async () => {
    // A run starts only when the previous one has finished: after two, the first one is done.
    const deadline = Date.now() + 60_000;
    while (runs < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runs).toBeGreaterThanOrEqual(2);
    const asked = Date.now();
    const { body } = await cubeGet(own.server.url, 'load', {
      measures: ['funnel.mql_count'],
      dimensions: ['funnel.channel'],
      timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }],
    });
    const used = Object.values(body.usedPreAggregations as Record<string, { lastUpdatedAt: number }>);
    expect(used).toHaveLength(1);
    expect(used[0]?.lastUpdatedAt).toBeLessThan(asked);
  });
});
