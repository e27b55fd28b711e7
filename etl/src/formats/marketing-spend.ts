import { column, type ExportFormat } from './format';

/**
 * Marketing spend (any spreadsheet or ad-platform export): one row per month, channel and
 * campaign. `Month` is `YYYY-MM` or a date in the month; `Amount` in the agreement's currency.
 * Channel is a channel of the agreement or a lead source it maps; Campaign may be empty.
 */
export const marketingSpend: ExportFormat = {
  name: 'marketing__spend',
  system: 'marketing',
  entity: 'spend',
  columns: [
    column('Month', { required: true, aliases: ['month', 'Period'] }),
    column('Channel', { required: true, aliases: ['channel'] }),
    column('Campaign', { required: true, aliases: ['campaign', 'Campaign Name', 'Program'] }),
    column('Amount', { required: true, aliases: ['amount', 'Spend', 'Cost'] }),
  ],
};
