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
    column('Amount', { type: 'number' }),
    column('CloseDate', { type: 'date', aliases: ['Close Date'] }),
    column('IsClosed', { aliases: ['Closed'] }),
    column('IsWon', { aliases: ['Won'] }),
    column('LeadSource', { aliases: ['Lead Source'] }),
    column('CampaignId', { aliases: ['Campaign ID', 'Primary Campaign Source'] }),
    column('OwnerId', { aliases: ['Owner ID', 'Opportunity Owner ID'] }),
    column('CreatedDate', { type: 'timestamp', required: true, aliases: ['Created Date'] }),
    column('Probability', { type: 'number' }),
    column('Type'),
    column('ForecastCategoryName', { aliases: ['Forecast Category'] }),
    column('ContactId', { aliases: ['Contact ID'] }),
    column('LastModifiedDate', { type: 'timestamp', aliases: ['Last Modified Date'] }),
    column('IsDeleted'),
  ],
};
