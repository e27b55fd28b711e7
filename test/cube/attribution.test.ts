/**
 * The public `attribution` view over HTTP against the hand-made rows of
 * test/fixtures/warehouse/warehouse.sql (see its "Attribution" comment for the credit table).
 * Amounts: O1 won 10000, O2 lost 5000, O3 open 20000, O4 won 7000, O5 open 15000, O6 lost 8000,
 * O7 won 3000 (no lead). Spend: Spring Search 2000 + 2000, Expo 2024 6000, Newsletter 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/src/auth';
import { cubeGet, num, startFixtureServer } from './helpers';
import type { Fixture, Row } from './helpers';

const SECRET = 'closedloop-test-secret';
let fixture: Fixture;
let secured: Fixture;

beforeAll(async () => {
  [fixture, secured] = await Promise.all([startFixtureServer(), startFixtureServer({ production: true, apiSecret: SECRET })]);
});
afterAll(async () => {
  await Promise.all([fixture?.close(), secured?.close()]);
});

const load = async (query: Record<string, unknown>, base = fixture, token?: string): Promise<Row[]> => {
  const { status, body } = await cubeGet(base.server.url, 'load', query, token);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data as Row[];
};

const byKey = (rows: Row[], key: string, measure: string): Record<string, number | null> =>
  Object.fromEntries(rows.map((r) => [String(r[key]), r[measure] === null ? null : num(r[measure])]));

describe('attribution view', () => {
  it('every model sums to the same revenue (won 10000 + 7000 + 3000) and pipeline (all seven deals)', async () => {
    const rows = await load({ measures: ['attribution.attributed_revenue', 'attribution.attributed_pipeline', 'attribution.attributed_opportunities'], dimensions: ['attribution.model'] });
    expect(rows.map((r) => [r['attribution.model'], num(r['attribution.attributed_revenue']), num(r['attribution.attributed_pipeline']), num(r['attribution.attributed_opportunities'])]).sort()).toEqual([
      ['first_touch', 20000, 68000, 7],
      ['linear', 20000, 68000, 7],
    ]);
  });

  const channelCases = [
    // first touch: O1 → Paid Search 10000, O4 → Organic 7000, O7 → (unattributed) 3000.
    { model: 'first_touch', expected: { '(unattributed)': 3000, Organic: 7000, 'Paid Search': 10000 } },
    // linear: O1 split T1 (Paid Search) ½ / T2 (Email) ½ → 5000 each.
    { model: 'linear', expected: { '(unattributed)': 3000, Email: 5000, Organic: 7000, 'Paid Search': 5000 } },
  ];
  for (const c of channelCases) {
    it(`revenue by channel under ${c.model}`, async () => {
      const rows = await load({
        measures: ['attribution.attributed_revenue'], dimensions: ['attribution.channel'],
        filters: [{ member: 'attribution.model', operator: 'equals', values: [c.model] }, { member: 'attribution.attributed_revenue', operator: 'gt', values: ['0'] }],
      });
      expect(byKey(rows, 'attribution.channel', 'attribution.attributed_revenue')).toEqual(c.expected);
    });
  }

  it('the campaign table under linear: spend, MQLs by first touch, ROI and costs', async () => {
    const rows = await load({
      measures: ['attribution.spend', 'attribution.mqls', 'attribution.attributed_opportunities', 'attribution.attributed_won', 'attribution.attributed_revenue', 'attribution.roi', 'attribution.cost_per_mql', 'attribution.cost_per_sql'],
      dimensions: ['attribution.campaign'],
      filters: [{ member: 'attribution.model', operator: 'equals', values: ['linear'] }],
    });
    const get = (campaign: string) => rows.find((r) => r['attribution.campaign'] === campaign);
    // Spring Search: spend 4000; MQLs L01, L02 (first touches T1, T3) = 2; opportunities O1 ½ + O2 1 = 1.5;
    // won O1 ½ → revenue 5000; ROI 5000 / 4000 = 1.25; cost per MQL 2000; cost per SQL 4000 / 1.5.
    const spring = get('Spring Search');
    expect([num(spring?.['attribution.spend']), num(spring?.['attribution.mqls']), num(spring?.['attribution.attributed_opportunities']), num(spring?.['attribution.attributed_won']), num(spring?.['attribution.attributed_revenue'])]).toEqual([4000, 2, 1.5, 0.5, 5000]);
    expect(num(spring?.['attribution.roi'])).toBeCloseTo(1.25, 9);
    expect(num(spring?.['attribution.cost_per_mql'])).toBeCloseTo(2000, 9);
    expect(num(spring?.['attribution.cost_per_sql'])).toBeCloseTo(4000 / 1.5, 9);
    // Expo 2024: spend 6000; MQLs: L11 (T8) = 1; opportunities O3 ½ (T5) + O6 1 = 1.5; no revenue → ROI 0.
    const expo = get('Expo 2024');
    expect([num(expo?.['attribution.spend']), num(expo?.['attribution.mqls']), num(expo?.['attribution.attributed_opportunities']), num(expo?.['attribution.roi'])]).toEqual([6000, 1, 1.5, 0]);
    // (none): no spend → ROI empty (÷ 0), not a division error; cost per MQL 0 ÷ 3 = 0.
    const none = get('(none)');
    expect(none?.['attribution.roi']).toBeNull();
    expect(num(none?.['attribution.cost_per_mql'])).toBe(0);
    expect(num(none?.['attribution.mqls'])).toBe(3); // L03, L07, L10 by original source
  });

  it('spend by period month is never multiplied by the models', async () => {
    const rows = await load({
      measures: ['attribution.spend'], timeDimensions: [{ dimension: 'attribution.period', granularity: 'month', dateRange: ['2024-01-01', '2024-03-31'] }],
      filters: [{ member: 'attribution.model', operator: 'equals', values: ['first_touch'] }],
    });
    expect(rows.map((r) => [String(r['attribution.period.month']).slice(0, 7), num(r['attribution.spend'])])).toEqual([['2024-01', 8000], ['2024-02', 2500], ['2024-03', 0]]);
  });

  it('asking for spend without picking one model is refused with what to do', async () => {
    const { status, body } = await cubeGet(fixture.server.url, 'load', { measures: ['attribution.spend'] });
    expect(status).toBe(400);
    expect(String(body.error)).toContain('filter attribution.model to one model');
  });

  it('a team token sees only its team\'s credit; spend and ROI are company-wide (403)', async () => {
    const token = createToken(SECRET, { team: 'Team B' });
    const rows = await load({ measures: ['attribution.attributed_pipeline'], filters: [{ member: 'attribution.model', operator: 'equals', values: ['first_touch'] }] }, secured, token);
    expect(num(rows[0]?.['attribution.attributed_pipeline'])).toBe(20000 + 8000); // O3 and O6
    const { status, body } = await cubeGet(secured.server.url, 'load', { measures: ['attribution.roi'], dimensions: ['attribution.model'] }, token);
    expect(status).toBe(403);
    expect(String(body.error)).toContain('company-wide');
  });
});
