import { column, type ExportFormat } from './format';

/**
 * Salesforce `Task` export: one row per task (call, email, to-do). `WhoId` is the lead or
 * contact, `WhatId` the opportunity/account. `ActivityDate` is a date only (midnight UTC).
 */
export const salesforceTask: ExportFormat = {
  name: 'salesforce__task',
  system: 'salesforce',
  entity: 'Task',
  columns: [
    column('Id', { aliases: ['Task ID', 'Activity ID'] }),
    column('WhoId', { required: true, aliases: ['Who ID', 'Name ID'] }),
    column('WhatId', { aliases: ['What ID', 'Related To ID'] }),
    column('Subject', { required: true }),
    column('Status', { required: true }),
    column('TaskSubtype', { aliases: ['Task Subtype'] }),
    column('Type'),
    column('OwnerId', { aliases: ['Owner ID', 'Assigned ID'] }),
    column('CreatedDate', { type: 'timestamp', required: true, aliases: ['Created Date'] }),
    column('CompletedDateTime', { type: 'timestamp', aliases: ['Completed Date/Time'] }),
    column('ActivityDate', { type: 'date', aliases: ['Due Date', 'Activity Date'] }),
    column('IsClosed', { aliases: ['Closed'] }),
    column('Priority'),
    column('Description', { aliases: ['Comments'] }),
    column('CallDurationInSeconds'),
    column('IsDeleted'),
  ],
};
