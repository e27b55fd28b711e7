// One opportunity's journey: its credited touches with each model's share, from the
// `attribution` view (one row per touch × model), and the deal's milestones.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import type { CubeRow } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';

export const J = {
  opportunityId: 'attribution.opportunity_id',
  model: 'attribution.model',
  touchId: 'attribution.touch_id',
  touchDate: 'attribution.touch_date',
  touchKind: 'attribution.touch_kind',
  channel: 'attribution.channel',
  campaign: 'attribution.campaign',
  milestones: 'attribution.milestones',
  outcome: 'attribution.outcome',
  created: 'attribution.opportunity_created_date',
  closed: 'attribution.close_date',
  dealName: 'attribution.deal_name',
  amount: 'attribution.deal_amount',
  leadName: 'attribution.deal_lead_name',
  company: 'attribution.deal_company',
  leadCreated: 'attribution.lead_created_date',
  share: 'attribution.attributed_opportunities',
  pipeline: 'attribution.attributed_pipeline',
  revenue: 'attribution.attributed_revenue',
} as const;

/** The touch id the attribution mart credits when a deal has no lead or no touch in its window. */
export const UNATTRIBUTED = '(unattributed)';

export interface Credit {
  /** Fraction of the deal (sums to 1 over the touches, per model). */
  readonly share: number;
  readonly pipeline: number;
  readonly revenue: number;
}

export interface JourneyTouch {
  readonly touchId: string;
  /** ISO timestamp (UTC), null for the unattributed credit. */
  readonly at: string | null;
  readonly kind: string;
  readonly channel: string;
  readonly campaign: string;
  /** FT, LC, OC, CW: the milestones this touch holds for the deal. */
  readonly milestones: readonly string[];
  /** model → credit; a model that gives the touch nothing is absent. */
  readonly credit: Readonly<Record<string, Credit>>;
}

export interface JourneyDeal {
  readonly opportunityId: string;
  readonly name: string | null;
  readonly amount: number | null;
  readonly outcome: string | null;
  readonly leadName: string | null;
  readonly company: string | null;
  readonly leadCreatedAt: string | null;
  readonly createdAt: string | null;
  readonly closedAt: string | null;
}

export interface Journey {
  /** Null when the attribution view has no row for this id (an unknown deal). */
  readonly deal: JourneyDeal | null;
  /** Credited touches in time order (the unattributed credit, if any, last). */
  readonly touches: readonly JourneyTouch[];
}

export function journeyQuery(opportunityId: string): Query {
  return {
    dimensions: [
      J.touchId, J.touchDate, J.touchKind, J.channel, J.campaign, J.milestones, J.model,
      J.outcome, J.created, J.closed, J.dealName, J.amount, J.leadName, J.company, J.leadCreated,
    ],
    measures: [J.share, J.pipeline, J.revenue],
    filters: [{ member: J.opportunityId, operator: 'equals', values: [opportunityId] }],
    order: { [J.touchDate]: 'asc', [J.touchId]: 'asc', [J.model]: 'asc' },
    limit: 5000,
  };
}

const text = (v: CubeRow[string] | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** Cube's rows (one per touch × model) as one deal and its touches, each with every model's credit. */
export function toJourney(opportunityId: string, rows: readonly CubeRow[]): Journey {
  const first = rows[0];
  if (!first) return { deal: null, touches: [] };
  const deal: JourneyDeal = {
    opportunityId,
    name: text(first[J.dealName]),
    amount: toNumber(first[J.amount]),
    outcome: text(first[J.outcome]),
    leadName: text(first[J.leadName]),
    company: text(first[J.company]),
    leadCreatedAt: text(first[J.leadCreated]),
    createdAt: text(first[J.created]),
    closedAt: text(first[J.closed]),
  };
  const byTouch = new Map<string, { touch: Omit<JourneyTouch, 'credit'>; credit: Record<string, Credit> }>();
  for (const r of rows) {
    const touchId = text(r[J.touchId]) ?? UNATTRIBUTED;
    let entry = byTouch.get(touchId);
    if (!entry) {
      const milestones = text(r[J.milestones]);
      entry = {
        touch: {
          touchId,
          at: text(r[J.touchDate]),
          kind: text(r[J.touchKind]) ?? UNATTRIBUTED,
          channel: text(r[J.channel]) ?? UNATTRIBUTED,
          campaign: text(r[J.campaign]) ?? '(none)',
          milestones: milestones ? milestones.split('+') : [],
        },
        credit: {},
      };
      byTouch.set(touchId, entry);
    }
    const model = text(r[J.model]);
    if (model) entry.credit[model] = { share: toNumber(r[J.share]) ?? 0, pipeline: toNumber(r[J.pipeline]) ?? 0, revenue: toNumber(r[J.revenue]) ?? 0 };
  }
  const touches = [...byTouch.values()].map((e) => ({ ...e.touch, credit: e.credit }));
  touches.sort((a, b) => (a.at === null ? 1 : b.at === null ? -1 : a.at < b.at ? -1 : a.at > b.at ? 1 : a.touchId < b.touchId ? -1 : 1));
  return { deal, touches };
}

export async function getJourney(opportunityId: string, signal?: AbortSignal): Promise<Journey> {
  return toJourney(opportunityId, await loadRows(journeyQuery(opportunityId), signal));
}

export const journeyQueryOptions = (opportunityId: string) =>
  queryOptions({ queryKey: ['journey', opportunityId], queryFn: ({ signal }) => getJourney(opportunityId, signal) });

export function useJourney(opportunityId: string) {
  return useQuery(journeyQueryOptions(opportunityId));
}
