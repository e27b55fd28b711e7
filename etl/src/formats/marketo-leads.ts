import { column, type ExportFormat } from './format';

/** Marketo lead export (REST/bulk field names): one row per Marketo person. */
export const marketoLeads: ExportFormat = {
  name: 'marketo__leads',
  system: 'marketo',
  entity: 'leads',
  columns: [
    column('id', { required: true, aliases: ['Marketo ID', 'Lead ID'] }),
    column('email', { required: true, aliases: ['Email Address'] }),
    column('firstName', { aliases: ['First Name'] }),
    column('lastName', { aliases: ['Last Name'] }),
    column('company', { aliases: ['Company Name'] }),
    column('title', { aliases: ['Job Title'] }),
    column('leadStatus', { aliases: ['Lead Status'] }),
    column('leadScore', { type: 'number', aliases: ['Lead Score', 'score'] }),
    column('leadSource', { aliases: ['Lead Source'] }),
    column('createdAt', { type: 'timestamp', required: true, aliases: ['Created At'] }),
    column('updatedAt', { type: 'timestamp', aliases: ['Updated At'] }),
    column('acquisitionProgramId', { aliases: ['Acquisition Program Id', 'Acquisition Program'] }),
    column('acquisitionProgramName', { aliases: ['Acquisition Program Name'] }),
    column('mqlDate', { type: 'timestamp', aliases: ['MQL Date'] }),
    column('sfdcLeadId', { aliases: ['SFDC Lead ID', 'sfdcId'] }),
    column('numberOfEmployees', { type: 'number', aliases: ['Num Employees', 'Number of Employees'] }),
    column('industry'),
    column('country'),
  ],
};
