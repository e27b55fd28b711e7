import { column, type ExportFormat } from './format';

/**
 * Marketo bulk activity extract: one row per activity. `attributes` is JSON (doubled quotes
 * in the CSV); type 104 "Change Status in Progression" carries Old Status / New Status.
 */
export const marketoActivities: ExportFormat = {
  name: 'marketo__activities',
  system: 'marketo',
  entity: 'activities',
  columns: [
    column('marketoGUID', { required: true, aliases: ['Marketo GUID'] }),
    column('leadId', { required: true, aliases: ['Lead ID'] }),
    column('activityDate', { type: 'timestamp', required: true, aliases: ['Activity Date'] }),
    column('activityTypeId', { required: true, aliases: ['Activity Type ID'] }),
    column('campaignId', { aliases: ['Campaign ID'] }),
    column('primaryAttributeValueId', { aliases: ['Primary Attribute Value ID'] }),
    column('primaryAttributeValue', { aliases: ['Primary Attribute Value'] }),
    column('attributes'),
  ],
};
