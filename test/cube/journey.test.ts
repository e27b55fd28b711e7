/**
 * One deal's journey over HTTP: a warehouse built by the real ETL from small hand-written
 * Salesforce exports (agreement.yml's weights: W-shaped FT/LC/OC 0.3 + middle 0.1, full path
 * FT/LC/OC/CW 0.225 + middle 0.1, time-decay half-life 7 days, lookback 365 days), then the
 * question the dashboard's journey dialog asks the `attribution` view: every touch of one
 * deal with each model's share and credited amount. Every expected number is worked out by
 * hand below, not read back from the code.
 *
 * Deal 006O2 "Acme - Platform", won, 2,000, created 2026-03-02 00:00, closed 2026-03-31.
 * Its lead 00QB (ann@acme.test) was created 2026-02-01 00:00. Campaign responses:
 *   B1 2026-01-25  Brand Search   (Advertisement → Paid Search)  FT, and LC (latest at or before 02-01)
 *   B2 2026-02-10  Newsletter     (Email → Email)                between LC and OC: the middle
 *   B3 2026-02-20  Expo 2026      (Trade Show → Events)          OC (latest at or before 03-02)
 *   B4 2026-03-10  Spring Webinar (Webinar → Events)             after OC, before the close: CW (full path only)
 *   B5 2026-04-05  Newsletter                                     after the close: never counts
 * Deal 006O7, open, 100: its lead's only touch (2023-12-01) is two years before the deal, so
 * no touch is in its window and every model credits it to (unattributed).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../etl/src/build';
import { startServer } from '../../server/src/start-server';
import type { RunningServer } from '../../server/src/start-server';
import { loadRows, num, tempDir } from './helpers';
import type { Row } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const csv = (rows: readonly (readonly string[])[]): string => `${rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n')}\n`;

const EXPORTS: Record<string, string[][]> = {
  'User.csv': [['Id', 'Name', 'FirstName', 'LastName', 'Email', 'Department', 'IsActive'], ['005U1', 'Uma Rep', 'Uma', 'Rep', 'uma@closedloop.test', 'SDR East', 'true']],
  'Campaign.csv': [
    ['Id', 'Name', 'Type', 'Status', 'StartDate', 'EndDate', 'IsActive'],
    ['701C1', 'Spring Webinar', 'Webinar', 'Completed', '2026-01-01', '2026-06-30', 'false'],
    ['701C2', 'Brand Search', 'Advertisement', 'Completed', '2026-01-01', '2026-06-30', 'false'],
    ['701C3', 'Newsletter', 'Email', 'Completed', '2023-01-01', '2026-06-30', 'false'],
    ['701C4', 'Expo 2026', 'Trade Show', 'Completed', '2026-02-20', '2026-02-21', 'false'],
  ],
  'Lead.csv': [
    ['Id', 'FirstName', 'LastName', 'Company', 'Email', 'Status', 'LeadSource', 'OwnerId', 'CreatedDate', 'IsConverted', 'ConvertedDate', 'ConvertedOpportunityId', 'NumberOfEmployees', 'Country'],
    ['00QB', 'Ann', 'Lee', 'Acme', 'ann@acme.test', 'Closed - Converted', 'Web', '005U1', '2026-02-01T00:00:00.000+0000', 'true', '2026-03-02', '006O2', '120', 'United States'],
    ['00QF', 'Fred', 'Fox', 'Foxco', 'fred@foxco.test', 'Closed - Converted', 'Web', '005U1', '2024-01-01T00:00:00.000+0000', 'true', '2026-01-15', '006O7', '40', 'United States'],
  ],
  'Opportunity.csv': [
    ['Id', 'AccountId', 'Name', 'StageName', 'Amount', 'CloseDate', 'IsClosed', 'IsWon', 'LeadSource', 'OwnerId', 'CreatedDate'],
    ['006O2', '001A', 'Acme - Platform', 'Closed Won', '2000', '2026-03-31', 'true', 'true', 'Web', '005U1', '2026-03-02T00:00:00.000+0000'],
    ['006O7', '001F', 'Foxco - Starter', 'Prospecting', '100', '2026-12-31', 'false', 'false', 'Web', '005U1', '2026-01-15T00:00:00.000+0000'],
  ],
  'CampaignMember.csv': [
    ['Id', 'CampaignId', 'LeadId', 'Status', 'HasResponded', 'CreatedDate', 'FirstRespondedDate'],
    ['00vB1', '701C2', '00QB', 'Responded', 'true', '2026-01-25T00:00:00.000+0000', '2026-01-25'],
    ['00vB2', '701C3', '00QB', 'Responded', 'true', '2026-02-10T00:00:00.000+0000', '2026-02-10'],
    ['00vB3', '701C4', '00QB', 'Responded', 'true', '2026-02-20T00:00:00.000+0000', '2026-02-20'],
    ['00vB4', '701C1', '00QB', 'Responded', 'true', '2026-03-10T00:00:00.000+0000', '2026-03-10'],
    ['00vB5', '701C3', '00QB', 'Responded', 'true', '2026-04-05T00:00:00.000+0000', '2026-04-05'],
    ['00vF0', '701C3', '00QF', 'Responded', 'true', '2023-12-01T00:00:00.000+0000', '2023-12-01'],
  ],
};

// The journey dialog's question: every touch × model of one deal, with the deal's milestones.
const journeyQuery = (opportunityId: string) => ({
  dimensions: [
    'attribution.touch_id', 'attribution.touch_date', 'attribution.touch_kind', 'attribution.channel', 'attribution.campaign',
    'attribution.milestones', 'attribution.model', 'attribution.outcome', 'attribution.opportunity_created_date',
    'attribution.close_date', 'attribution.deal_name', 'attribution.deal_amount', 'attribution.lead_created_date',
  ],
  measures: ['attribution.attributed_opportunities', 'attribution.attributed_pipeline', 'attribution.attributed_revenue'],
  filters: [{ member: 'attribution.opportunity_id', operator: 'equals', values: [opportunityId] }],
  limit: 5000,
});

let dir = '';
let server: RunningServer | undefined;
let deal: Row[] = [];
let unattributed: Row[] = [];

beforeAll(async () => {
  dir = tempDir('closedloop-journey-');
  const input = join(dir, 'exports');
  mkdirSync(input);
  for (const [file, rows] of Object.entries(EXPORTS)) writeFileSync(join(input, file), csv(rows));
  const warehousePath = join(dir, 'warehouse.duckdb');
  await buildWarehouse({ inputs: [input], warehousePath, agreementPath: join(ROOT, 'agreement.yml') });
  server = await startServer({ warehousePath, port: 0, production: false, log: () => undefined });
  [deal, unattributed] = await Promise.all([loadRows(server.url, journeyQuery('006O2')), loadRows(server.url, journeyQuery('006O7'))]);
}, 240_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const SF = (id: string) => `salesforce:${id}`;
const half = (days: number) => 0.5 ** (days / 7);
// Time decay: days from each touch to OC (2026-03-02 00:00): B1 01-25 → 36 (Jan 25 → Feb 1 = 7, Feb 1 → Mar 1 = 28,
// Mar 1 → Mar 2 = 1); B2 02-10 → 20 (Feb 10 → Mar 1 = 19, + 1); B3 02-20 → 10 (Feb 20 → Mar 1 = 9, + 1).
const decay = (() => {
  const w = { [SF('00vB1')]: half(36), [SF('00vB2')]: half(20), [SF('00vB3')]: half(10) };
  const total = Object.values(w).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(w).map(([k, v]) => [k, v / total]));
})();

const cases: { model: string; expected: Record<string, number>; why: string }[] = [
  { model: 'first_touch', expected: { [SF('00vB1')]: 1 }, why: 'B1 is the first touch' },
  { model: 'lead_creation', expected: { [SF('00vB1')]: 1 }, why: 'B1 is the latest touch at or before the lead was created (02-01)' },
  { model: 'last_touch', expected: { [SF('00vB3')]: 1 }, why: 'B3 is the latest touch at or before the opportunity (03-02)' },
  { model: 'linear', expected: { [SF('00vB1')]: 1 / 3, [SF('00vB2')]: 1 / 3, [SF('00vB3')]: 1 / 3 }, why: 'three touches up to OC, a third each' },
  { model: 'u_shaped', expected: { [SF('00vB1')]: 1 }, why: 'B1 holds FT (0.5) and LC (0.5)' },
  { model: 'w_shaped', expected: { [SF('00vB1')]: 0.6, [SF('00vB2')]: 0.1, [SF('00vB3')]: 0.3 }, why: 'B1 FT + LC 0.3 + 0.3, B2 the middle 0.1, B3 OC 0.3' },
  {
    model: 'full_path',
    expected: { [SF('00vB1')]: 0.45, [SF('00vB2')]: 0.1, [SF('00vB3')]: 0.225, [SF('00vB4')]: 0.225 },
    why: 'B1 FT + LC 0.225 × 2, B2 the middle 0.1, B3 OC 0.225, B4 CW 0.225 (after OC, before the close)',
  },
  { model: 'time_decay', expected: decay, why: 'weights 0.5^(36/7), 0.5^(20/7), 0.5^(10/7), normalised' },
];

describe('one deal\'s journey from the attribution view (ETL-built warehouse, Cube REST)', () => {
  it.each(cases)('$model: $why', ({ model, expected }) => {
    const rows = deal.filter((r) => r['attribution.model'] === model);
    const shares = Object.fromEntries(rows.map((r) => [String(r['attribution.touch_id']), num(r['attribution.attributed_opportunities'])]));
    expect(Object.keys(shares).sort()).toEqual(Object.keys(expected).sort());
    for (const [touch, share] of Object.entries(expected)) {
      expect(shares[touch], touch).toBeCloseTo(share, 12);
      const row = rows.find((r) => r['attribution.touch_id'] === touch);
      // Won: pipeline and revenue are both share × 2,000 (W-shaped B1: 0.6 × 2,000 = 1,200).
      expect(num(row?.['attribution.attributed_pipeline']), touch).toBeCloseTo(share * 2000, 9);
      expect(num(row?.['attribution.attributed_revenue']), touch).toBeCloseTo(share * 2000, 9);
    }
  });

  it('the touches, their times, channels, campaigns and milestones; B5 after the close is not among them', () => {
    const touches = new Map(deal.map((r) => [r['attribution.touch_id'], r]));
    expect([...touches.keys()].sort()).toEqual([SF('00vB1'), SF('00vB2'), SF('00vB3'), SF('00vB4')]);
    expect(
      [SF('00vB1'), SF('00vB2'), SF('00vB3'), SF('00vB4')].map((id) => {
        const r = touches.get(id);
        return [String(r?.['attribution.touch_date']).slice(0, 10), r?.['attribution.channel'], r?.['attribution.campaign'], r?.['attribution.milestones']];
      }),
    ).toEqual([
      ['2026-01-25', 'Paid Search', 'Brand Search', 'FT+LC'],
      ['2026-02-10', 'Email', 'Newsletter', ''],
      ['2026-02-20', 'Events', 'Expo 2026', 'OC'],
      ['2026-03-10', 'Events', 'Spring Webinar', 'CW'],
    ]);
  });

  it('the deal: name, amount, outcome and the four milestone dates', () => {
    const r = deal[0];
    expect([r?.['attribution.deal_name'], num(r?.['attribution.deal_amount']), r?.['attribution.outcome']]).toEqual(['Acme - Platform', 2000, 'won']);
    expect([r?.['attribution.lead_created_date'], r?.['attribution.opportunity_created_date']].map((v) => String(v).slice(0, 16))).toEqual(['2026-02-01T00:00', '2026-03-02T00:00']);
    expect(String(r?.['attribution.close_date']).slice(0, 10)).toBe('2026-03-31');
    expect(new Set(deal.map((x) => x['attribution.deal_name'])).size).toBe(1);
  });

  it('every model credits the whole deal: shares sum to 1, credited revenue to 2,000', () => {
    for (const { model } of cases) {
      const rows = deal.filter((r) => r['attribution.model'] === model);
      expect(rows.reduce((s, r) => s + (num(r['attribution.attributed_opportunities']) ?? 0), 0), model).toBeCloseTo(1, 12);
      expect(rows.reduce((s, r) => s + (num(r['attribution.attributed_revenue']) ?? 0), 0), model).toBeCloseTo(2000, 9);
    }
  });

  it('a deal with no touch in its window: one (unattributed) credit of 100% under every model, no revenue while open', () => {
    expect(unattributed).toHaveLength(8);
    for (const r of unattributed) {
      expect([r['attribution.touch_id'], r['attribution.touch_date'], num(r['attribution.attributed_opportunities']), num(r['attribution.attributed_pipeline']), num(r['attribution.attributed_revenue'])]).toEqual([
        '(unattributed)', null, 1, 100, 0,
      ]);
    }
    expect(String(unattributed[0]?.['attribution.lead_created_date']).slice(0, 10)).toBe('2024-01-01');
  });
});
