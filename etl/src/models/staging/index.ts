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
