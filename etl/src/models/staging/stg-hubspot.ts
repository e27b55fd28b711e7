/**
 * HubSpot staging models. HubSpot exports times in the portal's zone without an offset
 * (or UTC/ISO with one): values without an offset are read in the agreement's
 * `source_time_zones.hubspot`, then stored as UTC. Lifecycle stage and lead status are
 * normalised to HubSpot's internal names (`marketingqualifiedlead`, `IN_PROGRESS`).
 */
import { sql } from 'kysely';
import { blankToNull, fullName, localToUtc, lowerTrimmed, normaliseEmail, parseNumber } from '../macros';
import type { Model } from '../model';
import { stagingModels, type RawColumn } from './staging-model';

const zone = sql<string>`s.hubspot_time_zone`;
const ts = (r: RawColumn, name: string) => localToUtc(r(name), zone);

const CONTACT_TIMES: Record<string, string> = {
  created_at: 'Create Date',
  became_lead_at: 'Became a Lead Date',
  became_mql_at: 'Became a Marketing Qualified Lead Date',
  became_sql_at: 'Became a Sales Qualified Lead Date',
  became_opportunity_at: 'Became an Opportunity Date',
  became_customer_at: 'Became a Customer Date',
  owner_assigned_at: 'Owner Assigned Date',
  first_contacted_at: 'First Contacted',
  last_contacted_at: 'Last Contacted',
  first_conversion_at: 'First Conversion Date',
  recent_conversion_at: 'Recent Conversion Date',
  latest_source_at: 'Latest Source Date',
};

/** stg_hubspot__contacts: one row per HubSpot contact. */
export const stgHubspotContacts: Model[] = stagingModels({
  name: 'stg_hubspot__contacts',
  format: 'hubspot__contacts',
  id: 'Record ID',
  required: ['Create Date'],
  withSettings: true,
  columns: (r) => ({
    contact_id: blankToNull(r('Record ID')),
    associated_company_id: blankToNull(r('Associated Company ID')),
    email: normaliseEmail(r('Email')),
    first_name: blankToNull(r('First Name')),
    last_name: blankToNull(r('Last Name')),
    full_name: fullName(r('First Name'), r('Last Name')),
    company: blankToNull(r('Company Name')),
    job_title: blankToNull(r('Job Title')),
    lifecycle_stage: sql`nullif(regexp_replace(${lowerTrimmed(r('Lifecycle Stage'))}, '[^a-z]', '', 'g'), '')`,
    lead_status: sql`nullif(upper(regexp_replace(trim(${r('Lead Status')}), '[\\s-]+', '_', 'g')), '')`,
    owner: blankToNull(r('Contact owner')),
    team: blankToNull(r('Team')),
    original_source: blankToNull(r('Original Source')),
    original_source_drill_down_1: blankToNull(r('Original Source Drill-Down 1')),
    original_source_drill_down_2: blankToNull(r('Original Source Drill-Down 2')),
    country: blankToNull(r('Country/Region')),
    industry: blankToNull(r('Industry')),
    unqualified_reason: blankToNull(r('Unqualified Reason')),
    first_conversion: blankToNull(r('First Conversion')),
    first_touch_converting_campaign: blankToNull(r('First Touch Converting Campaign')),
    recent_conversion: blankToNull(r('Recent Conversion')),
    latest_source: blankToNull(r('Latest Source')),
    number_of_sales_activities: parseNumber(r('Number of Sales Activities')),
    number_of_employees: parseNumber(r('Number of Employees')),
    ...Object.fromEntries(Object.entries(CONTACT_TIMES).map(([out, raw]) => [out, ts(r, raw)])),
  }),
  checks: (r) => [
    ...Object.values(CONTACT_TIMES).map((raw) => ({ column: raw, parsed: ts(r, raw), expected: 'a date and time' })),
    { column: 'Number of Sales Activities', parsed: parseNumber(r('Number of Sales Activities')), expected: 'a number' },
    { column: 'Number of Employees', parsed: parseNumber(r('Number of Employees')), expected: 'a number' },
  ],
});

/**
 * stg_hubspot__deals: one row per deal. `associated_contact_ids` is the list of contact
 * ids in "Associated Contact" (split on `;` or `,`); `deal_stage_key` is the lower-cased stage.
 */
export const stgHubspotDeals: Model[] = stagingModels({
  name: 'stg_hubspot__deals',
  format: 'hubspot__deals',
  id: 'Record ID',
  withSettings: true,
  columns: (r) => ({
    deal_id: blankToNull(r('Record ID')),
    associated_contact_ids: sql`list_filter(list_transform(regexp_split_to_array(coalesce(${r('Associated Contact')}, ''), '[;,]'), x -> trim(x)), x -> x <> '')`,
    deal_name: blankToNull(r('Deal Name')),
    deal_stage: blankToNull(r('Deal Stage')),
    pipeline: blankToNull(r('Pipeline')),
    owner: blankToNull(r('Deal owner')),
    deal_type: blankToNull(r('Deal Type')),
    closed_lost_reason: blankToNull(r('Closed Lost Reason')),
    amount: parseNumber(r('Amount')),
    created_at: ts(r, 'Create Date'),
    close_date: ts(r, 'Close Date'),
    last_modified_at: ts(r, 'Last Modified Date'),
  }),
  checks: (r) => [
    { column: 'Create Date', parsed: ts(r, 'Create Date'), expected: 'a date and time' },
    { column: 'Close Date', parsed: ts(r, 'Close Date'), expected: 'a date and time' },
    { column: 'Last Modified Date', parsed: ts(r, 'Last Modified Date'), expected: 'a date and time' },
    { column: 'Amount', parsed: parseNumber(r('Amount')), expected: 'a number' },
  ],
  refusals: (r) => [{ column: 'Amount', output: 'amount', failed: sql<boolean>`${parseNumber(r('Amount'))} < 0`, reason: 'is negative' }],
});
