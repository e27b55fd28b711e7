/** spend — one row per spend row; see intermediate/int-spend-channels-mapped.ts for the mapping. */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const spend: Model = {
  name: 'spend',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`select month, channel, campaign, amount, file, line from ${ref('int_spend_channels_mapped')}`,
};
