import { column, type ExportFormat } from './format';

/** Salesforce `LeadHistory` export: one row per tracked field change on a lead (Status, Owner, ...). */
export const salesforceLeadHistory: ExportFormat = {
  name: 'salesforce__lead_history',
  system: 'salesforce',
  entity: 'LeadHistory',
  columns: [
    column('Id'),
    column('LeadId', { required: true, aliases: ['Lead ID'] }),
    column('Field', { required: true }),
    column('OldValue', { aliases: ['Old Value'] }),
    column('NewValue', { aliases: ['New Value'] }),
    column('CreatedDate', { type: 'timestamp', required: true, aliases: ['Created Date', 'Edit Date'] }),
    column('CreatedById', { aliases: ['Created By ID'] }),
    column('DataType'),
    column('IsDeleted'),
  ],
};
