/**
 * Marketo staging models. Timestamps are ISO 8601 with `Z` (or an offset) → UTC.
 * Ids stay text (Marketo's are integers, but nothing here does arithmetic on them).
 */
import { sql } from 'kysely';
import { blankToNull, fullName, normaliseEmail, parseNumber, toUtc, trimmed } from '../macros';
import type { Model } from '../model';
import { stagingModels } from './staging-model';

/** stg_marketo__leads: one row per Marketo person. */
export const stgMarketoLeads: Model[] = stagingModels({
  name: 'stg_marketo__leads',
  format: 'marketo__leads',
  id: 'id',
  required: ['createdAt'],
  columns: (r) => ({
    marketo_lead_id: blankToNull(r('id')),
    sfdc_lead_id: blankToNull(r('sfdcLeadId')),
    acquisition_program_id: blankToNull(r('acquisitionProgramId')),
    email: normaliseEmail(r('email')),
    first_name: blankToNull(r('firstName')),
    last_name: blankToNull(r('lastName')),
    full_name: fullName(r('firstName'), r('lastName')),
    company: blankToNull(r('company')),
    title: blankToNull(r('title')),
    lead_status: blankToNull(r('leadStatus')),
    lead_source: blankToNull(r('leadSource')),
    acquisition_program_name: blankToNull(r('acquisitionProgramName')),
    industry: blankToNull(r('industry')),
    country: blankToNull(r('country')),
    lead_score: parseNumber(r('leadScore')),
    number_of_employees: parseNumber(r('numberOfEmployees')),
    created_at: toUtc(r('createdAt')),
    updated_at: toUtc(r('updatedAt')),
    mql_at: toUtc(r('mqlDate')),
  }),
  checks: (r) => [
    { column: 'createdAt', parsed: toUtc(r('createdAt')), expected: 'a timestamp' },
    { column: 'updatedAt', parsed: toUtc(r('updatedAt')), expected: 'a timestamp' },
    { column: 'mqlDate', parsed: toUtc(r('mqlDate')), expected: 'a timestamp' },
    { column: 'leadScore', parsed: parseNumber(r('leadScore')), expected: 'a number' },
    { column: 'numberOfEmployees', parsed: parseNumber(r('numberOfEmployees')), expected: 'a number' },
  ],
});

/** Activity types whose `attributes` the models read (104 status change, 23 owner change). */
export const ATTRIBUTE_ACTIVITY_TYPES = [104, 23] as const;

/**
 * stg_marketo__activities: one row per activity of the bulk extract. `attributes` (JSON
 * text) is kept only for the activity types the models read (ATTRIBUTE_ACTIVITY_TYPES):
 * the extract is the largest input (~10 per lead) and its attributes most of its bytes.
 */
export const stgMarketoActivities: Model[] = stagingModels({
  name: 'stg_marketo__activities',
  format: 'marketo__activities',
  id: 'marketoGUID',
  required: ['leadId', 'activityDate', 'activityTypeId'],
  checkedMaterialized: 'view',
  duplicatesFromRaw: true,
  columns: (r) => ({
    activity_id: blankToNull(r('marketoGUID')),
    marketo_lead_id: blankToNull(r('leadId')),
    campaign_id: blankToNull(r('campaignId')),
    primary_attribute_value_id: blankToNull(r('primaryAttributeValueId')),
    primary_attribute_value: blankToNull(r('primaryAttributeValue')),
    // A JSON object ({…}) has nothing to trim: trim() copies the (long) text, so it runs only
    // on values that do not already start with { and end with }.
    attributes: sql`case when try_cast(${trimmed(r('activityTypeId'))} as integer) in (${sql.join(ATTRIBUTE_ACTIVITY_TYPES.map((t) => sql.lit(t)))}) then
      case when starts_with(${r('attributes')}, '{') and ends_with(${r('attributes')}, '}') then ${r('attributes')} else ${blankToNull(r('attributes'))} end end`,
    activity_type_id: sql`try_cast(${trimmed(r('activityTypeId'))} as integer)`,
    activity_at: toUtc(r('activityDate')),
  }),
  checks: (r) => [
    { column: 'activityDate', parsed: toUtc(r('activityDate')), expected: 'a timestamp' },
    { column: 'activityTypeId', parsed: sql`try_cast(${trimmed(r('activityTypeId'))} as integer)`, expected: 'an activity type id' },
  ],
});
