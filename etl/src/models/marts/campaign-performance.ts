/**
 * campaign_performance — one row per attribution model × month × channel × campaign, each
 * figure in its own month (period counts): spend by the spend's month; MQLs by MQL month,
 * counted by the channel and campaign of the lead's first touch (`touchpoints.is_first_touch`);
 * attributed opportunities (sum of shares), pipeline by the opportunity's creation month;
 * attributed won deals (sum of shares) and revenue by the close month.
 *
 * Spend and MQLs do not depend on the model: they are repeated on each model's rows, so a
 * query must pick one model (the Cube view does) — summed over models they would count 8×.
 * Ratios (ROI = attributed revenue ÷ spend; cost per MQL / SQL / won deal) are measures over
 * these sums in the semantic layer, empty where the divisor is 0.
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const campaignPerformance: Model = {
  name: 'campaign_performance',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    with models as (select model from ${ref('agreement_attribution_models')}),
    parts as (
      select m.model, s.month, s.channel, s.campaign, s.amount as spend, 0 as mqls,
        0.0 as attributed_opportunities, 0.0 as attributed_pipeline, 0.0 as attributed_won, 0.0 as attributed_revenue
      from ${ref('spend')} s cross join models m
      union all
      select m.model, date_trunc('month', t.mql_at)::date, t.channel, t.campaign, 0, 1, 0, 0, 0, 0
      from ${ref('touchpoints')} t cross join models m
      where t.is_first_touch and t.mql_at is not null
      union all
      select model, date_trunc('month', opportunity_created_at)::date, channel, campaign, 0, 0, share, attributed_pipeline, 0, 0
      from ${ref('attribution')}
      union all
      select model, date_trunc('month', closed_at)::date, channel, campaign, 0, 0, 0, 0, share, attributed_revenue
      from ${ref('attribution')} where outcome = 'won'
    )
    select model, month, channel, campaign,
      -- Rounded (money to 1e-6, shares to 1e-9): a parallel sum of doubles may differ in its last
      -- bit between runs, and the same inputs must give the same marts.
      round(sum(spend), 6)::double as spend, sum(mqls)::bigint as mqls,
      round(sum(attributed_opportunities), 9)::double as attributed_opportunities, round(sum(attributed_pipeline), 6)::double as attributed_pipeline,
      round(sum(attributed_won), 9)::double as attributed_won, round(sum(attributed_revenue), 6)::double as attributed_revenue
    from parts
    group by all`,
};
