import { column, type ExportFormat } from './format';

/** Salesforce `Lead` object export (API field names as headers). One row per lead record. */
export const salesforceLead: ExportFormat = {
  name: 'salesforce__lead',
  system: 'salesforce',
  entity: 'Lead',
  columns: [
    column('Id', { required: true, aliases: ['Lead ID', 'LeadId'] }),
    column('FirstName', { aliases: ['First Name'] }),
    column('LastName', { aliases: ['Last Name'] }),
    column('Company'),
    column('Title'),
    column('Email', { aliases: ['Email Address'] }),
    column('Status', { required: true, aliases: ['Lead Status'] }),
    column('LeadSource', { aliases: ['Lead Source'] }),
    column('OwnerId', { aliases: ['Owner ID', 'Lead Owner ID'] }),
    column('CreatedDate', { type: 'timestamp', required: true, aliases: ['Created Date', 'Create Date'] }),
    column('IsConverted', { aliases: ['Converted'] }),
    column('ConvertedDate', { type: 'date', aliases: ['Converted Date'] }),
    column('ConvertedOpportunityId', { aliases: ['Converted Opportunity ID'] }),
    column('ConvertedAccountId', { aliases: ['Converted Account ID'] }),
    column('ConvertedContactId', { aliases: ['Converted Contact ID'] }),
    column('Industry'),
    column('NumberOfEmployees', { type: 'number', aliases: ['Employees', 'No. of Employees'] }),
    column('Country'),
    column('Rating'),
    column('Disqualified_Reason__c', { aliases: ['Disqualified Reason', 'Rejection_Reason__c', 'Rejection Reason'] }),
    column('LastModifiedDate', { type: 'timestamp', aliases: ['Last Modified Date'] }),
    column('IsDeleted'),
  ],
};
