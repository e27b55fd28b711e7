import { column, type ExportFormat } from './format';

/** Salesforce `Opportunity` export: one row per opportunity (current state). */
export const salesforceOpportunity: ExportFormat = {
  name: 'salesforce__opportunity',
  system: 'salesforce',
  entity: 'Opportunity',
  columns: [
    column('Id', { required: true, aliases: ['Opportunity ID'] }),
    column('AccountId', { aliases: ['Account ID'] }),
    column('Name', { aliases: ['Opportunity Name'] }),
    column('StageName', { required: true, aliases: ['Stage'] }),
    column('Amount'),
    column('CloseDate', { aliases: ['Close Date'] }),
    column('IsClosed', { aliases: ['Closed'] }),
    column('IsWon', { aliases: ['Won'] }),
    column('LeadSource', { aliases: ['Lead Source'] }),
    column('CampaignId', { aliases: ['Campaign ID', 'Primary Campaign Source'] }),
    column('OwnerId', { aliases: ['Owner ID', 'Opportunity Owner ID'] }),
    column('CreatedDate', { required: true, aliases: ['Created Date'] }),
    column('Probability'),
    column('Type'),
    column('ForecastCategoryName', { aliases: ['Forecast Category'] }),
    column('ContactId', { aliases: ['Contact ID'] }),
    column('LastModifiedDate', { aliases: ['Last Modified Date'] }),
    column('IsDeleted'),
  ],
};
