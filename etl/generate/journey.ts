// One person's way through the funnel, independent of any export format: when they were
// created, whether and when they became an MQL, were handed off, touched, accepted, rejected,
// converted, and how their opportunity moved. Writers turn a journey into export rows.
import { weightedIndex, type Rng } from './prng';
import { after, clamp, creationTime, sec, type Window } from './timeline';
import { DAY, HOUR, MINUTE } from './timestamps';
import { CAMPAIGNS, CHANNELS, company, emailLocalPart, personName, type ChannelProfile, type Company, type PersonName, type Region } from './world';

export const OPEN_STAGES = ['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal/Price Quote', 'Negotiation/Review'] as const;
export const WON = 'Closed Won';
export const LOST = 'Closed Lost';

export const REJECT_REASONS = ['No budget', 'Not decision maker', 'Competitor', 'Bad contact data', 'No response', 'Bad timing'] as const;
const REJECT_WEIGHTS = [0.24, 0.2, 0.12, 0.1, 0.22, 0.12];

export interface OppStep {
  /** Index into OPEN_STAGES, or -1 for Closed Won, -2 for Closed Lost. */
  readonly stage: number;
  readonly at: number;
  readonly amount: number;
  /** Expected (open) or actual (closed) close date, ms at UTC midnight. */
  readonly closeDate: number;
}

export interface OppPlan {
  readonly createdAt: number;
  readonly ownerIndex: number;
  readonly steps: readonly OppStep[];
  readonly outcome: 'open' | 'won' | 'lost';
  readonly reopened: boolean;
  readonly regressed: boolean;
  readonly product: string;
}

export interface Journey {
  readonly index: number;
  readonly channel: ChannelProfile;
  readonly leadSource: string;
  readonly campaignIndex: number;
  readonly company: Company;
  readonly name: PersonName;
  /** Canonical (lower-case) email; null for the few people without one. */
  readonly email: string | null;
  readonly createdAt: number;
  /** In the marketing-automation system. */
  readonly inMa: boolean;
  /** Created by a sales rep in the CRM (not in MA; owner from the start; no MQL). */
  readonly salesCreated: boolean;
  /** Reached the CRM (synced or created there); null when not (or not yet). */
  readonly crmCreatedAt: number | null;
  readonly mqlAt: number | null;
  /** Recycled after rejection, then MQL again (second MQL may be null if after as-of). */
  readonly recycle: { readonly recycledAt: number; readonly reMqlAt: number | null } | null;
  readonly ownerIndex: number | null;
  readonly handoffAt: number | null;
  /** Completed sales touches, ascending; the first is the first touch. */
  readonly touches: readonly number[];
  readonly salAt: number | null;
  readonly rejectedAt: number | null;
  readonly rejectReason: string | null;
  readonly convertedAt: number | null;
  readonly opp: OppPlan | null;
  /** A second CRM record for the same email, created at this time. */
  readonly duplicateAt: number | null;
  /** Lead score (MA). */
  readonly score: number;
}

export interface OwnerPool {
  /** Picks the lead owner for a region at a time; returns an index into the caller's owner list. */
  pickRep(rng: Rng, region: Region, at: number): number;
  /** Picks the opportunity owner. */
  pickAe(rng: Rng, c: Company, repIndex: number): number;
  responseMedianHours(index: number): number;
}

export interface JourneyContext {
  readonly seed: number;
  readonly window: Window;
  readonly persons: number;
  readonly companyOffset: number;
  readonly companyCount: number;
  /** Persons seen per company (shared across datasets so names stay unique). */
  readonly companyCounts: Int32Array;
  readonly owners: OwnerPool;
  /** Share of people who exist only in the CRM (created by sales), by channel. */
  readonly salesCreatedShare: (c: ChannelProfile) => number;
}

const CHANNEL_WEIGHTS = CHANNELS.map((c) => c.weight);
const PRODUCTS = ['Platform', 'Analytics Add-on', 'Enterprise Suite', 'Starter'] as const;

function pickCampaign(rng: Rng, w: Window, ch: ChannelProfile, at: number): number {
  const candidates: number[] = [];
  CAMPAIGNS.forEach((c, idx) => {
    const start = w.start + c.startDay * DAY;
    if (c.channel === ch.channel && start <= at && at <= start + (c.days + 45) * DAY) candidates.push(idx);
  });
  if (candidates.length === 0) {
    CAMPAIGNS.forEach((c, idx) => {
      if (c.channel === ch.channel && w.start + c.startDay * DAY <= at) candidates.push(idx);
    });
  }
  if (candidates.length === 0) return CAMPAIGNS.findIndex((c) => c.channel === ch.channel);
  return rng.pick(candidates);
}

function amountFor(rng: Rng, c: Company): number {
  const e = c.employees ?? 150;
  const [lo, hi] = e >= 1000 ? [60_000, 250_000] : e >= 200 ? [20_000, 80_000] : [5_000, 25_000];
  return Math.round((lo + rng.next() * (hi - lo)) / 100) * 100;
}

function planOpportunity(rng: Rng, w: Window, ch: ChannelProfile, c: Company, createdAt: number, ownerIndex: number): OppPlan {
  const amount0 = amountFor(rng, c);
  const roll = rng.next();
  const stalled = roll < 0.12;
  const won = !stalled && rng.chance(ch.winRate);
  const regress = rng.chance(0.08);
  const toDay = (ms: number): number => Math.floor(ms / DAY) * DAY;
  const expected = toDay(createdAt + rng.int(45, 120) * DAY);
  const steps: OppStep[] = [];
  let at = createdAt;
  let amount = amount0;
  let closeDate = expected;
  const push = (stage: number): boolean => {
    if (at > w.asOf) return false;
    steps.push({ stage, at, amount, closeDate });
    return true;
  };
  const advance = (medianDays: number): void => {
    at = sec(at + Math.max(2 * HOUR, rng.logNormal(medianDays, 0.6) * DAY));
  };
  push(0);
  const lastOpen = won ? 4 : stalled ? rng.int(0, 2) : rng.int(0, 3);
  let regressed = false;
  for (let s = 1; s <= lastOpen; s++) {
    if (s === 2 && lastOpen >= 3 && rng.chance(0.25)) continue; // a skipped stage
    advance(9);
    if (s === 3 && rng.chance(0.3)) amount = Math.round((amount * (0.85 + rng.next() * 0.3)) / 100) * 100;
    if (!push(s)) break;
    if (regress && !regressed && s >= 2) {
      regressed = true;
      advance(6);
      if (!push(s - 1)) break;
      advance(7);
      if (!push(s)) break;
    }
  }
  let outcome: OppPlan['outcome'] = 'open';
  let reopened = false;
  const last = steps[steps.length - 1];
  if (!stalled && last && last.stage === lastOpen) {
    advance(10);
    if (at <= w.asOf) {
      closeDate = toDay(at);
      push(won ? -1 : -2);
      outcome = won ? 'won' : 'lost';
      if (!won && rng.chance(0.05)) {
        // Reopened: a lost deal comes back to negotiation, then closes again.
        advance(25);
        if (at <= w.asOf) {
          reopened = true;
          closeDate = toDay(at + 30 * DAY);
          push(4);
          outcome = 'open';
          advance(12);
          if (at <= w.asOf) {
            const wonAgain = rng.chance(0.5);
            closeDate = toDay(at);
            push(wonAgain ? -1 : -2);
            outcome = wonAgain ? 'won' : 'lost';
          }
        }
      }
    }
  }
  return { createdAt, ownerIndex, steps, outcome, reopened, regressed, product: rng.pick(PRODUCTS) };
}

/** The journey of person i (0-based) of a dataset. Uses and advances ctx.companyCounts. */
export function makeJourney(ctx: JourneyContext, rng: Rng, i: number): Journey {
  const w = ctx.window;
  const channel = CHANNELS[weightedIndex(rng, CHANNEL_WEIGHTS)] as ChannelProfile;
  const leadSource = rng.chance(0.75) ? (channel.leadSources[0] as string) : rng.pick(channel.leadSources);
  // Companies: a few big accounts attract more leads (skewed pick).
  const companyIndex = ctx.companyOffset + Math.floor(ctx.companyCount * Math.pow(rng.next(), 1.4));
  const co = company(ctx.seed, companyIndex);
  const k = ctx.companyCounts[companyIndex - ctx.companyOffset] ?? 0;
  ctx.companyCounts[companyIndex - ctx.companyOffset] = k + 1;
  const name = personName(ctx.seed, companyIndex, k);
  const region = co.country.region;
  const createdAt = creationTime(rng, w, i, ctx.persons, region);
  const campaignIndex = pickCampaign(rng, w, channel, createdAt);
  const salesCreated = rng.chance(ctx.salesCreatedShare(channel));
  const email = salesCreated && rng.chance(0.08) ? null : `${emailLocalPart(name)}@${co.domain}`;
  const inMa = !salesCreated;

  let mqlAt: number | null = null;
  let crmCreatedAt: number | null = null;
  let ownerIndex: number | null = null;
  let handoffAt: number | null = null;
  const touches: number[] = [];
  let salAt: number | null = null;
  let rejectedAt: number | null = null;
  let rejectReason: string | null = null;
  let convertedAt: number | null = null;
  let recycle: Journey['recycle'] = null;
  let score = rng.int(0, 60);

  const within = (t: number): number | null => (t <= w.asOf ? t : null);

  if (salesCreated) {
    crmCreatedAt = createdAt;
    ownerIndex = ctx.owners.pickRep(rng, region, createdAt);
  } else {
    if (rng.chance(channel.mqlRate)) mqlAt = within(after(rng, createdAt, 5 * 24, 1.0, 10 * MINUTE));
    if (mqlAt !== null) {
      score = 100 + rng.int(0, 80);
      if (rng.chance(0.94)) crmCreatedAt = after(rng, mqlAt, 0.1, 0.5, 30_000);
    } else if (rng.chance(0.7)) {
      crmCreatedAt = after(rng, createdAt, 0.1, 0.5, 30_000);
      score = rng.int(5, 95);
    }
    if (crmCreatedAt !== null && crmCreatedAt > w.asOf) crmCreatedAt = null;
    if (mqlAt !== null && crmCreatedAt !== null && rng.chance(0.92)) {
      const candidate = within(after(rng, Math.max(mqlAt, crmCreatedAt), 1.5, 1.2));
      if (candidate !== null) {
        handoffAt = candidate;
        ownerIndex = ctx.owners.pickRep(rng, region, candidate);
      }
    }
  }

  // Sales work: touches, acceptance, rejection, conversion.
  const workFrom = salesCreated ? createdAt : handoffAt;
  if (workFrom !== null && ownerIndex !== null && rng.chance(salesCreated ? 0.9 : 0.94)) {
    const first = within(after(rng, workFrom, ctx.owners.responseMedianHours(ownerIndex), 0.9, 5 * MINUTE));
    if (first !== null) {
      touches.push(first);
      const accepted = rng.chance(0.8);
      if (accepted) {
        salAt = sec(first + rng.int(1, 40) * MINUTE);
        const convertP = salesCreated ? 0.4 : channel.convertRate;
        const r = rng.next();
        if (r < convertP) convertedAt = within(after(rng, salAt, 9 * 24, 0.8, HOUR));
        else if (r < convertP + (1 - convertP) * 0.55) {
          rejectedAt = within(after(rng, salAt, 12 * 24, 0.8, HOUR));
          if (rejectedAt !== null) rejectReason = REJECT_REASONS[weightedIndex(rng, REJECT_WEIGHTS)] ?? 'No response';
        }
      } else {
        rejectedAt = within(after(rng, first, 20, 0.8, 10 * MINUTE));
        if (rejectedAt !== null) rejectReason = REJECT_REASONS[weightedIndex(rng, REJECT_WEIGHTS)] ?? 'No response';
      }
      // Follow-up touches until the outcome (or as-of).
      const end = convertedAt ?? rejectedAt ?? Math.min(w.asOf, first + 60 * DAY);
      const follow = rng.int(0, 4);
      let t = first;
      for (let f = 0; f < follow; f++) {
        t = after(rng, t, 60, 0.9, HOUR);
        if (t >= end || t > w.asOf) break;
        touches.push(t);
      }
    }
  }

  // Recycled, then re-MQL'd months later (MA-side only; the CRM record reopens).
  if (rejectedAt !== null && mqlAt !== null && (rejectReason === 'No budget' || rejectReason === 'Bad timing' || rejectReason === 'No response') && rng.chance(0.3)) {
    const recycledAt = sec(rejectedAt + rng.int(1, 48) * HOUR);
    if (recycledAt <= w.asOf) {
      recycle = { recycledAt, reMqlAt: within(sec(recycledAt + rng.int(60, 150) * DAY + rng.int(0, 86_000) * 1000)) };
    }
  }

  let opp: OppPlan | null = null;
  if (convertedAt !== null && ownerIndex !== null) {
    opp = planOpportunity(rng, w, channel, co, convertedAt, ctx.owners.pickAe(rng, co, ownerIndex));
  }

  let duplicateAt: number | null = null;
  if (crmCreatedAt !== null && email !== null && rng.chance(0.03)) {
    duplicateAt = within(sec(crmCreatedAt + rng.int(5, 120) * DAY + rng.int(0, 30_000) * 1000));
  }

  return {
    index: i, channel, leadSource, campaignIndex, company: co, name, email, createdAt, inMa, salesCreated,
    crmCreatedAt, mqlAt, recycle, ownerIndex, handoffAt, touches, salAt, rejectedAt, rejectReason, convertedAt,
    opp, duplicateAt, score: clamp(score, 0, 200),
  };
}
