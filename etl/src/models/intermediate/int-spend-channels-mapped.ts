/**
 * int_spend_channels_mapped — one row per row of the marketing spend export(s) (no de-duplication: two rows for
 * one month and campaign are two costs). `channel`: the export's value when it names a
 * channel of the agreement (case-insensitive), else that value mapped through `channels` as
 * a lead source, else `Other`. `campaign`: `(none)` when empty. `month`: the month's first day.
 * (Intermediate because staging is dropped before the marts run; `spend` publishes it.)
 */
import { sql } from 'kysely';
import { lowerTrimmed } from '../macros';
import { ref, type Model } from '../model';

export const intSpendChannelsMapped: Model = {
  name: 'int_spend_channels_mapped',
  layer: 'intermediate',
  materialized: 'table',
  query: () => sql`
    with channel_names as (select distinct channel, lower(channel) as channel_key from ${ref('agreement_channels')})
    select
      s.month, coalesce(n.channel, c.channel, 'Other') as channel, coalesce(s.campaign, '(none)') as campaign,
      coalesce(s.amount, 0)::double as amount, s._file::varchar as file, s._line as line
    from ${ref('stg_marketing__spend')} s
    left join channel_names n on n.channel_key = ${lowerTrimmed(sql.ref('s.channel'))}
    left join ${ref('agreement_channels')} c on c.source_key = ${lowerTrimmed(sql.ref('s.channel'))}`,
};
