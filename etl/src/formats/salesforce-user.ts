import { column, type ExportFormat } from './format';

/** Salesforce `User` export: one row per user (lead/opportunity owners). */
export const salesforceUser: ExportFormat = {
  name: 'salesforce__user',
  system: 'salesforce',
  entity: 'User',
  columns: [
    column('Id', { required: true, aliases: ['User ID'] }),
    column('Name', { required: true, aliases: ['Full Name'] }),
    column('FirstName', { aliases: ['First Name'] }),
    column('LastName', { aliases: ['Last Name'] }),
    column('Email'),
    column('Username', { aliases: ['User Name'] }),
    column('Title'),
    column('Department', { aliases: ['Team'] }),
    column('UserRoleId', { aliases: ['Role ID'] }),
    column('ManagerId', { aliases: ['Manager ID'] }),
    column('IsActive', { aliases: ['Active'] }),
    column('TimeZoneSidKey', { aliases: ['Time Zone'] }),
    column('CreatedDate', { type: 'timestamp', aliases: ['Created Date'] }),
  ],
};
