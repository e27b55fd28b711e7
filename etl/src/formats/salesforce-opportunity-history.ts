import { column, type ExportFormat } from './format';

/** Salesforce `OpportunityHistory` export: one row per change of stage, amount or close date. */
export const salesforceOpportunityHistory: ExportFormat = {
  name: 'salesforce__opportunity_history',
  system: 'salesforce',
  entity: 'OpportunityHistory',
  columns: [
    column('Id'),
    column('OpportunityId', { required: true, aliases: ['Opportunity ID'] }),
    column('StageName', { required: true, aliases: ['Stage', 'To Stage'] }),
    column('Amount', { type: 'number' }),
    column('CloseDate', { type: 'date', aliases: ['Close Date'] }),
    column('Probability'),
    column('ForecastCategory', { aliases: ['Forecast Category'] }),
    column('CreatedDate', { type: 'timestamp', required: true, aliases: ['Created Date', 'Last Modified'] }),
    column('CreatedById', { aliases: ['Created By ID'] }),
    column('IsDeleted'),
  ],
};
