/**
 * attribution_models — one row per attribution model, from the agreement (`ord` is the order
 * to list them in): its method and milestone weights, so the semantic layer and the dashboard
 * can list the models and show the weights signed, and spend can be laid beside every model.
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const attributionModels: Model = {
  name: 'attribution_models',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    select model, ord, method, w_first_touch, w_lead_creation, w_opportunity_creation, w_closed_won, w_middle, middle_to_close
    from ${ref('agreement_attribution_models')} order by ord`,
};
