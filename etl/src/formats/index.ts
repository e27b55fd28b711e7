import { hubspotContacts } from './hubspot-contacts';
import { hubspotDeals } from './hubspot-deals';
import { marketoActivities } from './marketo-activities';
import { marketoLeads } from './marketo-leads';
import { marketingSpend } from './marketing-spend';
import { salesforceCampaign } from './salesforce-campaign';
import { salesforceCampaignMember } from './salesforce-campaign-member';
import { salesforceLead } from './salesforce-lead';
import { salesforceLeadHistory } from './salesforce-lead-history';
import { salesforceOpportunity } from './salesforce-opportunity';
import { salesforceOpportunityHistory } from './salesforce-opportunity-history';
import { salesforceTask } from './salesforce-task';
import { salesforceUser } from './salesforce-user';
import type { ExportFormat } from './format';

export type { ExportFormat, FormatColumn, SourceSystem } from './format';

/** Every export format the ETL recognises; each gets a raw table `raw.<name>`. */
export const formats: readonly ExportFormat[] = [
  salesforceLead,
  salesforceLeadHistory,
  salesforceOpportunity,
  salesforceOpportunityHistory,
  salesforceTask,
  salesforceUser,
  salesforceCampaign,
  salesforceCampaignMember,
  marketoLeads,
  marketoActivities,
  hubspotContacts,
  hubspotDeals,
  marketingSpend,
];

/** Raw-table names, for typing the raw schema. */
export type RawTableName =
  | 'salesforce__lead'
  | 'salesforce__lead_history'
  | 'salesforce__opportunity'
  | 'salesforce__opportunity_history'
  | 'salesforce__task'
  | 'salesforce__user'
  | 'salesforce__campaign'
  | 'salesforce__campaign_member'
  | 'marketo__leads'
  | 'marketo__activities'
  | 'hubspot__contacts'
  | 'hubspot__deals'
  | 'marketing__spend';

export function formatByName(name: string): ExportFormat {
  const found = formats.find((f) => f.name === name);
  if (!found) throw new Error(`Unknown export format "${name}"; known: ${formats.map((f) => f.name).join(', ')}`);
  return found;
}

export {
  marketingSpend,
  hubspotContacts,
  hubspotDeals,
  marketoActivities,
  marketoLeads,
  salesforceCampaign,
  salesforceCampaignMember,
  salesforceLead,
  salesforceLeadHistory,
  salesforceOpportunity,
  salesforceOpportunityHistory,
  salesforceTask,
  salesforceUser,
};
