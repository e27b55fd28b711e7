import type { QuarantineThresholds } from '../guards/threshold';

/** What sales and marketing agreed (`agreement.yml`), validated and normalised. */
import type { Definitions, Goals } from './goals';

export const SYSTEMS = ['salesforce', 'marketo', 'hubspot'] as const;
export type System = (typeof SYSTEMS)[number];

/** The stage a lead status stands for. */
export const STATUS_STAGES = ['lead', 'mql', 'sal', 'rejected', 'sql', 'recycled'] as const;
export type StatusStage = (typeof STATUS_STAGES)[number];

export const OPPORTUNITY_OUTCOMES = ['open', 'won', 'lost'] as const;
export type OpportunityOutcome = (typeof OPPORTUNITY_OUTCOMES)[number];

export const DATE_ORDERS = ['month_first', 'day_first'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface SegmentBand {
  readonly name: string;
  /** Inclusive upper bound; null for the last, open-ended band. */
  readonly maxEmployees: number | null;
}

export interface SalesSla {
  readonly hours: number;
  readonly hoursType: 'clock' | 'business';
  readonly timeZone: string;
  readonly businessHours: {
    /** Minutes after local midnight. */
    readonly startMinute: number;
    readonly endMinute: number;
    readonly days: readonly Weekday[];
  };
  readonly hoursBySegment: Readonly<Record<string, number>>;
}

/** The attribution models (DOMAIN.md, "Attribution"), in the order the dashboard lists them. */
export const ATTRIBUTION_MODELS = ['first_touch', 'lead_creation', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'full_path', 'time_decay'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** Kinds of touchpoint; the agreement's `attribution.touch_kinds` picks the ones that count. */
export const TOUCH_KINDS = [
  'campaign_response',
  'form_fill',
  'email_click',
  'hubspot_first_conversion',
  'hubspot_recent_conversion',
  'hubspot_latest_source',
  'original_source',
] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

/** Milestone weights of a position-based model (fractions summing to 1). */
export interface MilestoneWeights {
  readonly firstTouch: number;
  readonly leadCreation: number;
  readonly opportunityCreation: number;
  readonly closedWon: number;
  /** Shared equally by the touches holding no milestone. */
  readonly middle: number;
}

export interface AttributionSettings {
  /** Touches count from this many days before the opportunity's creation. */
  readonly lookbackDays: number;
  /** Time decay: a touch's weight halves every this many days before the opportunity's creation. */
  readonly halfLifeDays: number;
  readonly touchKinds: readonly TouchKind[];
  readonly weights: { readonly uShaped: MilestoneWeights; readonly wShaped: MilestoneWeights; readonly fullPath: MilestoneWeights };
  /** campaign / program name as written → channel; wins over the campaign type's mapping. */
  readonly campaignChannels: Readonly<Record<string, string>>;
}

/**
 * Rejection reasons as each system writes them → the reasons both teams agreed on
 * (`rejection_reasons:`). A reason no system maps is grouped as UNMAPPED_REASON and listed
 * in the build summary.
 */
export interface RejectionReasons {
  /** The agreed reasons, in the order written. */
  readonly reasons: readonly string[];
  /** system → lower-cased, trimmed reason as exported → agreed reason */
  readonly bySystem: Readonly<Record<System, Readonly<Record<string, string>>>>;
}

/** The label of raw values the agreement does not map (rejection reasons, unnamed campaigns). */
export const UNMAPPED_LABEL = 'Other (unmapped)';

/** Where a lead's CRM record opens (`crm_links:`); absent keys mean no link. */
export interface CrmLinks {
  /** e.g. https://acme.my.salesforce.com (no trailing slash) */
  readonly salesforceInstanceUrl: string | null;
  /** HubSpot portal (hub) id, digits */
  readonly hubspotPortalId: string | null;
}

export interface Agreement {
  readonly version: 1;
  /** system → lower-cased, trimmed status → stage */
  readonly leadStatuses: Readonly<Record<System, Readonly<Record<string, StatusStage>>>>;
  /** system → lower-cased, trimmed stage name → outcome */
  readonly opportunityStages: Readonly<Record<'salesforce' | 'hubspot', Readonly<Record<string, OpportunityOutcome>>>>;
  readonly mql: { readonly inferFromLaterStages: boolean };
  readonly salesSla: SalesSla;
  readonly mqlCommitments: {
    readonly monthly: Readonly<Record<string, number>>;
    /** 'YYYY-MM' → segment → MQLs */
    readonly months: Readonly<Record<string, Readonly<Record<string, number>>>>;
  };
  /** channel → its lead sources as written in the file */
  readonly channels: Readonly<Record<string, readonly string[]>>;
  readonly segments: readonly SegmentBand[];
  /** region → its countries as written in the file */
  readonly regions: Readonly<Record<string, readonly string[]>>;
  /** Zone of timestamps exported without an offset (re-saved by Excel, or HubSpot's portal time), per system. */
  readonly sourceTimeZones: Readonly<Record<System, string>>;
  /** Day/month order of a date column whose values never show it (every day ≤ 12). */
  readonly dateOrder: DateOrder;
  /** `quarantine:` warn_if / error_if per file (absent: the guards' defaults). */
  readonly quarantine?: QuarantineThresholds;
  /** Revenue goals and fixed reverse-funnel rates (`goals:`). */
  readonly goals: Goals;
  /** Switchable definitions (`definitions:`). */
  readonly definitions: Definitions;
  readonly attribution: AttributionSettings;
  /** Rejection reasons per system → agreed reasons; null when the file has no `rejection_reasons:` (reasons stay as exported). */
  readonly rejectionReasons: RejectionReasons | null;
  readonly crmLinks: CrmLinks;
  /** sha256 of the file's text, for build_info. */
  readonly hash: string;
}
