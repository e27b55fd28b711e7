import { column, type ExportFormat } from './format';

/** Salesforce `CampaignMember` export: one row per lead/contact membership in a campaign. */
export const salesforceCampaignMember: ExportFormat = {
  name: 'salesforce__campaign_member',
  system: 'salesforce',
  entity: 'CampaignMember',
  columns: [
    column('Id', { aliases: ['Campaign Member ID'] }),
    column('CampaignId', { required: true, aliases: ['Campaign ID'] }),
    column('LeadId', { required: true, aliases: ['Lead ID'] }),
    column('ContactId', { aliases: ['Contact ID'] }),
    column('Status', { aliases: ['Member Status'] }),
    column('HasResponded', { aliases: ['Responded'] }),
    column('FirstRespondedDate', { type: 'date', aliases: ['First Responded Date'] }),
    column('CreatedDate', { type: 'timestamp', aliases: ['Created Date'] }),
  ],
};
