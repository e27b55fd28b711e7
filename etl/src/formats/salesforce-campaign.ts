import { column, type ExportFormat } from './format';

/** Salesforce `Campaign` export: one row per campaign. */
export const salesforceCampaign: ExportFormat = {
  name: 'salesforce__campaign',
  system: 'salesforce',
  entity: 'Campaign',
  columns: [
    column('Id', { required: true, aliases: ['Campaign ID'] }),
    column('Name', { required: true, aliases: ['Campaign Name'] }),
    column('Type', { required: true, aliases: ['Campaign Type'] }),
    column('Status'),
    column('StartDate', { type: 'date', aliases: ['Start Date'] }),
    column('EndDate', { type: 'date', aliases: ['End Date'] }),
    column('IsActive', { aliases: ['Active'] }),
    column('ParentId', { aliases: ['Parent Campaign ID'] }),
    column('BudgetedCost', { type: 'number', aliases: ['Budgeted Cost'] }),
    column('ActualCost', { type: 'number', aliases: ['Actual Cost'] }),
    column('OwnerId', { aliases: ['Owner ID'] }),
    column('CreatedDate', { type: 'timestamp', aliases: ['Created Date'] }),
  ],
};
