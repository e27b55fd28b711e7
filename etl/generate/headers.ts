// Header rows of every generated file, in column order. Salesforce files use API field names;
// Marketo files use REST/bulk-extract field names; HubSpot files use HubSpot's export labels.

export const SALESFORCE_HEADERS = {
  Lead: [
    'Id', 'FirstName', 'LastName', 'Company', 'Email', 'Status', 'LeadSource', 'OwnerId', 'CreatedDate',
    'IsConverted', 'ConvertedDate', 'ConvertedOpportunityId', 'ConvertedAccountId', 'ConvertedContactId',
    'Industry', 'NumberOfEmployees', 'Country', 'Disqualified_Reason__c',
  ],
  LeadHistory: ['Id', 'LeadId', 'CreatedById', 'CreatedDate', 'Field', 'DataType', 'OldValue', 'NewValue'],
  Opportunity: [
    'Id', 'AccountId', 'Name', 'StageName', 'Amount', 'CloseDate', 'IsClosed', 'IsWon', 'LeadSource',
    'CampaignId', 'OwnerId', 'CreatedDate',
  ],
  OpportunityHistory: [
    'Id', 'OpportunityId', 'CreatedById', 'CreatedDate', 'StageName', 'Amount', 'Probability',
    'ForecastCategory', 'CloseDate',
  ],
  Task: [
    'Id', 'WhoId', 'WhatId', 'Subject', 'Status', 'Priority', 'TaskSubtype', 'OwnerId', 'CreatedDate',
    'CompletedDateTime', 'ActivityDate', 'Description',
  ],
  User: ['Id', 'Name', 'FirstName', 'LastName', 'Email', 'Title', 'Department', 'IsActive', 'TimeZoneSidKey'],
  Campaign: ['Id', 'Name', 'Type', 'Status', 'StartDate', 'EndDate', 'IsActive'],
  CampaignMember: ['Id', 'CampaignId', 'LeadId', 'Status', 'HasResponded', 'CreatedDate'],
} as const;

export const MARKETO_HEADERS = {
  leads: [
    'id', 'email', 'firstName', 'lastName', 'company', 'leadStatus', 'leadScore', 'leadSource', 'createdAt',
    'updatedAt', 'acquisitionProgramId', 'country', 'numberOfEmployees',
  ],
  activities: [
    'marketoGUID', 'leadId', 'activityDate', 'activityTypeId', 'campaignId', 'primaryAttributeValueId',
    'primaryAttributeValue', 'attributes',
  ],
} as const;

export const HUBSPOT_HEADERS = {
  contacts: [
    'Record ID', 'First Name', 'Last Name', 'Email', 'Company Name', 'Lifecycle Stage', 'Lead Status',
    'Contact owner', 'Create Date', 'Original Source', 'Original Source Drill-Down 1',
    'Became a Marketing Qualified Lead Date', 'Became a Sales Qualified Lead Date', 'Became an Opportunity Date',
    'Became a Customer Date', 'Owner Assigned Date', 'Last Contacted', 'Number of Sales Activities',
    'Associated Company ID', 'Number of Employees', 'Country/Region', 'First Contacted', 'Team',
    'First Conversion', 'First Conversion Date', 'Recent Conversion', 'Recent Conversion Date',
  ],
  deals: [
    'Record ID', 'Deal Name', 'Deal Stage', 'Close Date', 'Deal owner', 'Amount', 'Pipeline', 'Create Date',
    'Associated Contact IDs',
  ],
} as const;
