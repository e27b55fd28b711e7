/**
 * attribution — one row per opportunity × touch × model with a share above zero (rows with a
 * zero share are left out: 8 models × every touch would be mostly zeros). Rules: DOMAIN.md,
 * "Attribution" — implemented as written there:
 *
 * - An opportunity's touches are its lead's `touchpoints` from OC − lookback_days to OC
 *   (OC = the opportunity's creation), both ends inclusive; full path also takes the touches
 *   after OC up to the close (a Salesforce close date is a date: the end of that day, UTC;
 *   open deals: up to `build_info.as_of`). Ties: time, then system, then touch id.
 * - Milestones among the touches up to OC: FT the first; LC the latest at or before the
 *   lead's creation, else FT; OC the latest; CW (won deals) the latest up to the close.
 * - Position models (`agreement_attribution_models`, method `milestones`): a touch gets the
 *   weights of the milestones it holds, scaled by (1 − middle share taken) ÷ (sum of the
 *   weights of the milestones present) — so a share with no touch to take it (CW for lost
 *   and open deals; the middle when no touch is left for it) goes to the present milestones
 *   in proportion to their weights; touches holding no milestone share the middle weight
 *   equally (up to OC; full path: up to the close).
 * - linear: 1 ÷ n over the touches up to OC; time decay: 0.5^(days from touch to OC ÷
 *   half-life), normalised over the touches up to OC.
 * - An opportunity with no lead or no touch in its window: one `(unattributed)` row per
 *   model with share 1, so every model sums to the same total.
 *
 * attributed_pipeline = share × amount (every opportunity); attributed_revenue = share ×
 * amount for won deals, else 0. Shares are rounded to 14 decimals: time decay's normalising sum
 * is a parallel aggregate whose last bit may differ between runs, and the same inputs must give
 * the same marts. Opportunity columns are copied for row scopes and dates.
 */
import { sql } from 'kysely';
import { category, ref, type Model } from '../model';

/** A column of `opportunities`. */
const opportunityColumn = (column: string) => () => sql`select ${sql.ref(column)} from ${ref('opportunities')}`;

/** A column of `touchpoints`, or `(unattributed)`. */
const touchOrUnattributed = (column: string) => () => sql`select ${sql.ref(column)} from ${ref('touchpoints')} union all select '(unattributed)'`;

export const attribution: Model = {
  name: 'attribution',
  layer: 'marts',
  materialized: 'table',
  // Low-cardinality text as ENUMs (source_system already is, in `touchpoints`). The
  // opportunity's columns too: copied into every credited touch (1M leads: 957k rows), as text
  // they were a third of the time DuckDB took to store this mart (a copy of it, those six
  // columns as text → as ENUMs: 0.97–1.17 → 0.74–0.97 s).
  categories: {
    model: () => sql`select model from ${ref('agreement_attribution_models')}`,
    touch_kind: touchOrUnattributed('touch_kind'),
    channel: touchOrUnattributed('channel'),
    campaign: touchOrUnattributed('campaign'),
    // Every combination concat_ws('+', FT, LC, OC, CW) can give, '' (none) included.
    milestones: () => sql`select concat_ws('+', ft, lc, oc, cw) from (values ('FT'), (null)) a(ft), (values ('LC'), (null)) b(lc),
      (values ('OC'), (null)) c(oc), (values ('CW'), (null)) d(cw)`,
    outcome: opportunityColumn('outcome'),
    segment: opportunityColumn('segment'),
    region: opportunityColumn('region'),
    team: opportunityColumn('team'),
    owner: opportunityColumn('owner'),
  },
  query: (ctx) => sql`
    with settings as (select lookback_days, half_life_days from ${ref('agreement_attribution')}),
    opps as (
      select o.opportunity_id, l.person_key, o.outcome, o.amount, o.created_at as oc_at, o.closed_at,
        o.channel as opportunity_channel, o.segment, o.region, o.team, o.owner,
        greatest(o.created_at, case
          when o.outcome = 'open' then (select as_of from ${ref('build_info')})
          when o.source_system = 'salesforce' then date_trunc('day', o.closed_at) + interval 1 day - interval 1 microsecond
          else o.closed_at end) as end_at,
        l.created_at as lead_created_at
      from ${ref('opportunities')} o
      left join ${ref('leads')} l on l.lead_id = o.lead_id
    ),
    windowed as (
      select o.opportunity_id, o.outcome = 'won' as is_won, o.oc_at, o.lead_created_at,
        t.touch_id, t.touched_at, t.source_system, t.touch_kind, t.channel, t.campaign,
        t.touched_at <= o.oc_at as upto_oc,
        row_number() over (partition by o.opportunity_id order by t.touched_at, t.source_system, t.touch_id) as rn
      from opps o
      join ${ref('touchpoints')} t on t.person_key = o.person_key
        and t.touched_at >= o.oc_at - to_microseconds(((select lookback_days from settings) * 86400000000)::bigint)
        and t.touched_at <= o.end_at
    ),
    milestones as (
      select opportunity_id,
        min(rn) filter (where upto_oc) as ft_rn,
        max(rn) filter (where upto_oc and touched_at <= lead_created_at) as lc_rn,
        max(rn) filter (where upto_oc) as oc_rn,
        max(rn) as cw_rn,
        count(*) filter (where upto_oc) as n_upto_oc,
        sum(power(0.5, (epoch(oc_at) - epoch(touched_at)) / 86400.0 / (select half_life_days from settings))) filter (where upto_oc) as decay_total
      from windowed
      group by opportunity_id
      having count(*) filter (where upto_oc) > 0
    ),
    flagged as (
      select w.*, m.n_upto_oc, m.decay_total,
        w.rn = m.ft_rn as is_first_touch,
        w.rn = coalesce(m.lc_rn, m.ft_rn) as is_lead_creation,
        w.rn = m.oc_rn as is_opportunity_creation,
        w.is_won and w.rn = m.cw_rn as is_closed_won
      from windowed w
      join milestones m using (opportunity_id)
    ),
    counted as (
      select f.*,
        count(*) filter (where upto_oc and not (is_first_touch or is_lead_creation or is_opportunity_creation or is_closed_won))
          over (partition by opportunity_id) as n_middle_to_oc,
        count(*) filter (where not (is_first_touch or is_lead_creation or is_opportunity_creation or is_closed_won))
          over (partition by opportunity_id) as n_middle_to_close
      from flagged f
    ),
    shares as (
      select c.*, m.model,
        case m.method
          when 'linear' then case when c.upto_oc then 1.0 / c.n_upto_oc else 0 end
          when 'time_decay' then case when c.upto_oc
            then power(0.5, (epoch(c.oc_at) - epoch(c.touched_at)) / 86400.0 / (select half_life_days from settings)) / c.decay_total else 0 end
          else
            (case when c.is_first_touch then m.w_first_touch else 0 end
              + case when c.is_lead_creation then m.w_lead_creation else 0 end
              + case when c.is_opportunity_creation then m.w_opportunity_creation else 0 end
              + case when c.is_closed_won then m.w_closed_won else 0 end)
            * (1 - case when (case when m.middle_to_close then c.n_middle_to_close else c.n_middle_to_oc end) > 0 then m.w_middle else 0 end)
            / (m.w_first_touch + m.w_lead_creation + m.w_opportunity_creation + case when c.is_won then m.w_closed_won else 0 end)
            + case when not (c.is_first_touch or c.is_lead_creation or c.is_opportunity_creation or c.is_closed_won)
                and (m.middle_to_close or c.upto_oc)
              then m.w_middle / (case when m.middle_to_close then c.n_middle_to_close else c.n_middle_to_oc end) else 0 end
        end as share
      from counted c
      cross join ${ref('agreement_attribution_models')} m
    ),
    attributed as (
      select opportunity_id, model, touch_id, touched_at, source_system, touch_kind, channel, campaign,
        is_first_touch, is_lead_creation, is_opportunity_creation, is_closed_won, share
      from shares
      where share > 0
      union all
      select o.opportunity_id, m.model, '(unattributed)', null, null, '(unattributed)', '(unattributed)', '(unattributed)',
        false, false, false, false, 1.0
      from opps o
      anti join milestones ms on ms.opportunity_id = o.opportunity_id
      cross join ${ref('agreement_attribution_models')} m
    )
    select
      a.opportunity_id, o.person_key, a.model::${category(ctx, 'model')} as model, a.touch_id, a.touched_at::timestamp as touched_at,
      a.source_system, a.touch_kind::${category(ctx, 'touch_kind')} as touch_kind,
      a.channel::${category(ctx, 'channel')} as channel, a.campaign::${category(ctx, 'campaign')} as campaign, a.is_first_touch, a.is_lead_creation, a.is_opportunity_creation, a.is_closed_won,
      concat_ws('+', case when a.is_first_touch then 'FT' end, case when a.is_lead_creation then 'LC' end,
        case when a.is_opportunity_creation then 'OC' end, case when a.is_closed_won then 'CW' end)::${category(ctx, 'milestones')} as milestones,
      round(a.share, 14)::double as share,
      (round(a.share, 14) * o.amount)::double as attributed_pipeline,
      (case when o.outcome = 'won' then round(a.share, 14) * o.amount else 0 end)::double as attributed_revenue,
      o.outcome::${category(ctx, 'outcome')} as outcome, o.amount, o.oc_at as opportunity_created_at, o.closed_at,
      o.segment::${category(ctx, 'segment')} as segment, o.region::${category(ctx, 'region')} as region,
      o.team::${category(ctx, 'team')} as team, o.owner::${category(ctx, 'owner')} as owner
    from attributed a
    join opps o using (opportunity_id)`,
};
