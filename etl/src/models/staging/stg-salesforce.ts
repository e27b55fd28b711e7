/**
 * Salesforce staging models, one per export (grain: one row per record of that export).
 * Timestamps: `2026-03-04T15:22:10.000+0000` → UTC; date-only fields (ConvertedDate,
 * CloseDate, ActivityDate, StartDate, EndDate) → midnight UTC. Emails trimmed and
 * lower-cased; statuses trimmed (mapped to stages in the intermediate layer).
 */
import { sql } from 'kysely';
import { blankToNull, fullName, lowerTrimmed, normaliseEmail, parseBoolean, parseNumber, toUtc } from '../macros';
import type { Model } from '../model';
import { stagingModels } from './staging-model';

/** stg_salesforce__leads: one row per Salesforce Lead. */
export const stgSalesforceLeads: Model[] = stagingModels({
  name: 'stg_salesforce__leads',
  format: 'salesforce__lead',
  id: 'Id',
  required: ['CreatedDate'],
  columns: (r) => ({
    lead_id: blankToNull(r('Id')),
    owner_id: blankToNull(r('OwnerId')),
    converted_opportunity_id: blankToNull(r('ConvertedOpportunityId')),
    converted_contact_id: blankToNull(r('ConvertedContactId')),
    email: normaliseEmail(r('Email')),
    first_name: blankToNull(r('FirstName')),
    last_name: blankToNull(r('LastName')),
    full_name: fullName(r('FirstName'), r('LastName')),
    company: blankToNull(r('Company')),
    title: blankToNull(r('Title')),
    status: blankToNull(r('Status')),
    lead_source: blankToNull(r('LeadSource')),
    industry: blankToNull(r('Industry')),
    country: blankToNull(r('Country')),
    disqualified_reason: blankToNull(r('Disqualified_Reason__c')),
    number_of_employees: parseNumber(r('NumberOfEmployees')),
    is_converted: sql`coalesce(${parseBoolean(r('IsConverted'))}, false)`,
    is_deleted: sql`coalesce(${parseBoolean(r('IsDeleted'))}, false)`,
    created_at: toUtc(r('CreatedDate')),
    converted_at: toUtc(r('ConvertedDate')),
    last_modified_at: toUtc(r('LastModifiedDate')),
  }),
  checks: (r) => [
    { column: 'CreatedDate', parsed: toUtc(r('CreatedDate')), expected: 'a timestamp' },
    { column: 'ConvertedDate', parsed: toUtc(r('ConvertedDate')), expected: 'a date' },
    { column: 'LastModifiedDate', parsed: toUtc(r('LastModifiedDate')), expected: 'a timestamp' },
    { column: 'NumberOfEmployees', parsed: parseNumber(r('NumberOfEmployees')), expected: 'a number' },
    { column: 'IsConverted', parsed: parseBoolean(r('IsConverted')), expected: 'true or false' },
  ],
});

/** stg_salesforce__lead_histories: one row per tracked field change of a lead. */
export const stgSalesforceLeadHistories: Model[] = stagingModels({
  name: 'stg_salesforce__lead_histories',
  format: 'salesforce__lead_history',
  id: null,
  required: ['LeadId', 'Field', 'CreatedDate'],
  columns: (r) => ({
    history_id: blankToNull(r('Id')),
    lead_id: blankToNull(r('LeadId')),
    field: blankToNull(r('Field')),
    old_value: blankToNull(r('OldValue')),
    new_value: blankToNull(r('NewValue')),
    is_deleted: sql`coalesce(${parseBoolean(r('IsDeleted'))}, false)`,
    changed_at: toUtc(r('CreatedDate')),
  }),
  checks: (r) => [{ column: 'CreatedDate', parsed: toUtc(r('CreatedDate')), expected: 'a timestamp' }],
});

/** stg_salesforce__opportunities: one row per Opportunity (its current state). */
export const stgSalesforceOpportunities: Model[] = stagingModels({
  name: 'stg_salesforce__opportunities',
  format: 'salesforce__opportunity',
  id: 'Id',
  required: ['CreatedDate'],
  columns: (r) => ({
    opportunity_id: blankToNull(r('Id')),
    account_id: blankToNull(r('AccountId')),
    campaign_id: blankToNull(r('CampaignId')),
    owner_id: blankToNull(r('OwnerId')),
    contact_id: blankToNull(r('ContactId')),
    name: blankToNull(r('Name')),
    stage_name: blankToNull(r('StageName')),
    lead_source: blankToNull(r('LeadSource')),
    type: blankToNull(r('Type')),
    amount: parseNumber(r('Amount')),
    probability: parseNumber(r('Probability')),
    is_closed: parseBoolean(r('IsClosed')),
    is_won: parseBoolean(r('IsWon')),
    is_deleted: sql`coalesce(${parseBoolean(r('IsDeleted'))}, false)`,
    created_at: toUtc(r('CreatedDate')),
    close_date: toUtc(r('CloseDate')),
    last_modified_at: toUtc(r('LastModifiedDate')),
  }),
  checks: (r) => [
    { column: 'CreatedDate', parsed: toUtc(r('CreatedDate')), expected: 'a timestamp' },
    { column: 'CloseDate', parsed: toUtc(r('CloseDate')), expected: 'a date' },
    { column: 'Amount', parsed: parseNumber(r('Amount')), expected: 'a number' },
    { column: 'Probability', parsed: parseNumber(r('Probability')), expected: 'a number' },
    { column: 'IsClosed', parsed: parseBoolean(r('IsClosed')), expected: 'true or false' },
    { column: 'IsWon', parsed: parseBoolean(r('IsWon')), expected: 'true or false' },
  ],
  refusals: (r) => [
    { column: 'Amount', output: 'amount', failed: sql<boolean>`${parseNumber(r('Amount'))} < 0`, reason: 'is negative' },
    // A percentage (Salesforce's field is 0–100).
    { column: 'Probability', output: 'probability', failed: sql<boolean>`${parseNumber(r('Probability'))} not between 0 and 100`, reason: 'is outside 0–100' },
  ],
});

/** stg_salesforce__opportunity_histories: one row per recorded opportunity change. */
export const stgSalesforceOpportunityHistories: Model[] = stagingModels({
  name: 'stg_salesforce__opportunity_histories',
  format: 'salesforce__opportunity_history',
  id: null,
  required: ['OpportunityId', 'CreatedDate'],
  columns: (r) => ({
    history_id: blankToNull(r('Id')),
    opportunity_id: blankToNull(r('OpportunityId')),
    stage_name: blankToNull(r('StageName')),
    amount: parseNumber(r('Amount')),
    is_deleted: sql`coalesce(${parseBoolean(r('IsDeleted'))}, false)`,
    close_date: toUtc(r('CloseDate')),
    changed_at: toUtc(r('CreatedDate')),
  }),
  checks: (r) => [
    { column: 'CreatedDate', parsed: toUtc(r('CreatedDate')), expected: 'a timestamp' },
    { column: 'Amount', parsed: parseNumber(r('Amount')), expected: 'a number' },
  ],
});

/**
 * stg_salesforce__tasks: one row per Task (an export without Id gets `line:<file>:<line>`
 * as task_id, and no de-duplication). `activity_type` is call / email / meeting / other
 * from TaskSubtype (Call, Email), then Type, then the Subject's first word;
 * `is_completed` when Status is Completed or IsClosed is true.
 */
export const stgSalesforceTasks: Model[] = stagingModels({
  name: 'stg_salesforce__tasks',
  format: 'salesforce__task',
  id: 'Id',
  idOptional: true,
  required: ['WhoId', 'CreatedDate'],
  columns: (r) => ({
    task_id: sql`coalesce(${blankToNull(r('Id'))}, 'line:' || r._file || ':' || r._line)`,
    who_id: blankToNull(r('WhoId')),
    what_id: blankToNull(r('WhatId')),
    owner_id: blankToNull(r('OwnerId')),
    subject: blankToNull(r('Subject')),
    status: blankToNull(r('Status')),
    task_subtype: blankToNull(r('TaskSubtype')),
    type: blankToNull(r('Type')),
    activity_type: sql`case
      when ${lowerTrimmed(r('TaskSubtype'))} in ('call') or ${lowerTrimmed(r('Type'))} = 'call' or ${lowerTrimmed(r('Subject'))} like 'call%' then 'call'
      when ${lowerTrimmed(r('TaskSubtype'))} in ('email', 'listemail') or ${lowerTrimmed(r('Type'))} = 'email' or ${lowerTrimmed(r('Subject'))} like 'email%' then 'email'
      when ${lowerTrimmed(r('Type'))} = 'meeting' or ${lowerTrimmed(r('Subject'))} like 'meeting%' or ${lowerTrimmed(r('TaskSubtype'))} = 'event' then 'meeting'
      else 'other' end`,
    is_completed: sql`(${lowerTrimmed(r('Status'))} = 'completed' or coalesce(${parseBoolean(r('IsClosed'))}, false))`,
    is_deleted: sql`coalesce(${parseBoolean(r('IsDeleted'))}, false)`,
    created_at: toUtc(r('CreatedDate')),
    completed_at: toUtc(r('CompletedDateTime')),
    activity_date: toUtc(r('ActivityDate')),
  }),
  checks: (r) => [
    { column: 'CreatedDate', parsed: toUtc(r('CreatedDate')), expected: 'a timestamp' },
    { column: 'CompletedDateTime', parsed: toUtc(r('CompletedDateTime')), expected: 'a timestamp' },
    { column: 'ActivityDate', parsed: toUtc(r('ActivityDate')), expected: 'a date' },
  ],
});

/** stg_salesforce__users: one row per User; `team` is the Department. */
export const stgSalesforceUsers: Model[] = stagingModels({
  name: 'stg_salesforce__users',
  format: 'salesforce__user',
  id: 'Id',
  columns: (r) => ({
    user_id: blankToNull(r('Id')),
    manager_id: blankToNull(r('ManagerId')),
    name: sql`coalesce(${blankToNull(r('Name'))}, ${fullName(r('FirstName'), r('LastName'))})`,
    email: normaliseEmail(r('Email')),
    title: blankToNull(r('Title')),
    team: blankToNull(r('Department')),
    is_active: parseBoolean(r('IsActive')),
    created_at: toUtc(r('CreatedDate')),
  }),
  checks: (r) => [{ column: 'CreatedDate', parsed: toUtc(r('CreatedDate')), expected: 'a timestamp' }],
});

/** stg_salesforce__campaigns: one row per Campaign. */
export const stgSalesforceCampaigns: Model[] = stagingModels({
  name: 'stg_salesforce__campaigns',
  format: 'salesforce__campaign',
  id: 'Id',
  columns: (r) => ({
    campaign_id: blankToNull(r('Id')),
    parent_id: blankToNull(r('ParentId')),
    owner_id: blankToNull(r('OwnerId')),
    name: blankToNull(r('Name')),
    type: blankToNull(r('Type')),
    status: blankToNull(r('Status')),
    budgeted_cost: parseNumber(r('BudgetedCost')),
    actual_cost: parseNumber(r('ActualCost')),
    is_active: parseBoolean(r('IsActive')),
    start_date: toUtc(r('StartDate')),
    end_date: toUtc(r('EndDate')),
    created_at: toUtc(r('CreatedDate')),
  }),
  checks: (r) => [
    { column: 'StartDate', parsed: toUtc(r('StartDate')), expected: 'a date' },
    { column: 'EndDate', parsed: toUtc(r('EndDate')), expected: 'a date' },
    { column: 'CreatedDate', parsed: toUtc(r('CreatedDate')), expected: 'a timestamp' },
    { column: 'BudgetedCost', parsed: parseNumber(r('BudgetedCost')), expected: 'a number' },
    { column: 'ActualCost', parsed: parseNumber(r('ActualCost')), expected: 'a number' },
  ],
});

/** stg_salesforce__campaign_members: one row per campaign membership of a lead or contact. */
export const stgSalesforceCampaignMembers: Model[] = stagingModels({
  name: 'stg_salesforce__campaign_members',
  format: 'salesforce__campaign_member',
  id: null,
  required: ['CampaignId'],
  columns: (r) => ({
    member_id: blankToNull(r('Id')),
    campaign_id: blankToNull(r('CampaignId')),
    lead_id: blankToNull(r('LeadId')),
    contact_id: blankToNull(r('ContactId')),
    status: blankToNull(r('Status')),
    has_responded: parseBoolean(r('HasResponded')),
    first_responded_at: toUtc(r('FirstRespondedDate')),
    created_at: toUtc(r('CreatedDate')),
  }),
  checks: (r) => [
    { column: 'FirstRespondedDate', parsed: toUtc(r('FirstRespondedDate')), expected: 'a date' },
    { column: 'CreatedDate', parsed: toUtc(r('CreatedDate')), expected: 'a timestamp' },
  ],
});
