import type { Model } from '../model';
import { stgHubspotContacts, stgHubspotDeals } from './stg-hubspot';
import { stgMarketingSpend } from './stg-marketing';
import { stgMarketoActivities, stgMarketoLeads } from './stg-marketo';
import {
  stgSalesforceCampaignMembers,
  stgSalesforceCampaigns,
  stgSalesforceLeadHistories,
  stgSalesforceLeads,
  stgSalesforceOpportunities,
  stgSalesforceOpportunityHistories,
  stgSalesforceTasks,
  stgSalesforceUsers,
} from './stg-salesforce';

/** Staging models, each with its `__rejected` companion. */
export const stagingModels: readonly Model[] = [
  ...stgSalesforceLeads,
  ...stgSalesforceLeadHistories,
  ...stgSalesforceOpportunities,
  ...stgSalesforceOpportunityHistories,
  ...stgSalesforceTasks,
  ...stgSalesforceUsers,
  ...stgSalesforceCampaigns,
  ...stgSalesforceCampaignMembers,
  ...stgMarketoLeads,
  ...stgMarketoActivities,
  ...stgHubspotContacts,
  ...stgHubspotDeals,
  ...stgMarketingSpend,
];

/** Names of the staging models whose rejects feed `rejected_rows`. */
export const stagingRejectModels: readonly string[] = stagingModels.filter((m) => m.name.endsWith('__rejected')).map((m) => m.name);

/**
 * Each export format and the staging model holding its good records (for file_reconciliation).
 * `countedFromRaw`: the staging model is a view re-running every cast over the largest
 * extract (Marketo activities: 10M rows at 1M leads, ~10% of the build to count again), so its
 * loaded records are counted as raw records minus the staging rejects instead.
 */
export const stagedExports: readonly { readonly format: string; readonly model: string; readonly countedFromRaw?: boolean }[] = [
  { format: 'salesforce__lead', model: 'stg_salesforce__leads' },
  { format: 'salesforce__lead_history', model: 'stg_salesforce__lead_histories' },
  { format: 'salesforce__opportunity', model: 'stg_salesforce__opportunities' },
  { format: 'salesforce__opportunity_history', model: 'stg_salesforce__opportunity_histories' },
  { format: 'salesforce__task', model: 'stg_salesforce__tasks' },
  { format: 'salesforce__user', model: 'stg_salesforce__users' },
  { format: 'salesforce__campaign', model: 'stg_salesforce__campaigns' },
  { format: 'salesforce__campaign_member', model: 'stg_salesforce__campaign_members' },
  { format: 'marketo__leads', model: 'stg_marketo__leads' },
  { format: 'marketo__activities', model: 'stg_marketo__activities', countedFromRaw: true },
  { format: 'hubspot__contacts', model: 'stg_hubspot__contacts' },
  { format: 'hubspot__deals', model: 'stg_hubspot__deals' },
  { format: 'marketing__spend', model: 'stg_marketing__spend' },
];
