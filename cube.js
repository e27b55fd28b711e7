// Cube configuration for Closedloop. The server (server/src/start-server.ts) runs Cube
// in-process and merges these options with what only it knows: the driver over the current
// warehouse build, the orchestrator id per build, and JWT checking. This file holds what an
// analyst may want to change: where the model lives, and who may see which rows.
import { CubejsHandlerError, UserError } from '@cubejs-backend/api-gateway';

/**
 * Who may read each public view (every public view must be listed; a view not listed cannot be
 * queried at all):
 * - `{ region, team }`: row-scoped — a token's `region` / `team` claims become filters on these members;
 * - `'company-wide'`: no region or team, so a token restricted to some gets a 403;
 * - `'unrestricted'`: anyone may read it, with no row filter (how current the data is).
 */
export const VIEW_ACCESS = {
  funnel: { region: 'funnel.region', team: 'funnel.team' },
  pipeline: { region: 'pipeline.region', team: 'pipeline.team' },
  velocity: { region: 'velocity.region', team: 'velocity.team' },
  leakage: { region: 'leakage.region', team: 'leakage.team' },
  marketing_sla: 'company-wide',
  quarantine: 'company-wide',
  freshness: 'unrestricted',
  funnel_period: { region: 'funnel_period.region', team: 'funnel_period.team' },
  mql_events: { region: 'mql_events.region', team: 'mql_events.team' },
  // Goals are set for the company, a segment or a region (never a team); the agreement is everyone's.
  goals: 'company-wide',
  goal_calendar: 'company-wide',
  agreement: 'unrestricted',
  attribution: { region: 'attribution.region', team: 'attribution.team' },
};

/**
 * Members of a row-scoped view that are company-wide all the same: spend has no region or team,
 * so spend, ROI and costs are refused (403) to a token restricted to some.
 */
export const COMPANY_WIDE_MEMBERS = new Set(['attribution.spend', 'attribution.roi', 'attribution.cost_per_mql', 'attribution.cost_per_sql', 'attribution.cost_per_won']);

/** Measures whose rows repeat on every attribution model: a query must pick one model. */
const PER_MODEL_MEASURES = new Set(['attribution.spend', 'attribution.mqls', 'attribution.roi', 'attribution.cost_per_mql', 'attribution.cost_per_sql', 'attribution.cost_per_won']);

function requireOneModel(query) {
  const measure = (query.measures ?? []).find((m) => PER_MODEL_MEASURES.has(m));
  if (!measure) return;
  if ((query.dimensions ?? []).includes('attribution.model')) return;
  const pinned = filterMembers(query.filters, []).some(
    (f) => (f.member ?? f.dimension) === 'attribution.model' && f.operator === 'equals' && (f.values ?? []).length === 1,
  );
  if (!pinned) {
    throw new UserError(`${measure} repeats on every attribution model's rows: filter attribution.model to one model (equals, one value) or group by it.`);
  }
}

const CLAIMS = ['region', 'team'];

function forbidden(message) {
  return new CubejsHandlerError(403, 'Forbidden', message);
}

/**
 * The values a token's claim allows, or undefined when the token does not restrict it. A
 * claim that is present but allows nothing (`[]`, `""`, `[null]`) or is not text is refused:
 * reading it as "no restriction" would show a restricted user every row.
 */
function claimValues(securityContext, claim) {
  const value = securityContext?.[claim];
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  const values = list.filter((v) => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number').map(String);
  if (values.length === 0 || values.length !== list.length) {
    throw forbidden(
      `Your token's "${claim}" claim is ${JSON.stringify(value)}, which allows no rows. ` +
        `Ask for a token naming at least one ${claim} (npm run token -- --${claim} <name>), or one without a "${claim}" claim for every ${claim}.`,
    );
  }
  return values;
}

function filterMembers(filters, out) {
  for (const filter of filters ?? []) {
    if (filter.or) filterMembers(filter.or, out);
    else if (filter.and) filterMembers(filter.and, out);
    else if (filter.member ?? filter.dimension) out.push(filter);
  }
  return out;
}

function queryMembers(query) {
  const order = Array.isArray(query.order)
    ? query.order.map((pair) => pair[0])
    : Object.keys(query.order ?? {});
  return [
    ...(query.measures ?? []),
    ...(query.dimensions ?? []),
    ...(query.segments ?? []),
    ...(query.timeDimensions ?? []).map((td) => td.dimension),
    ...filterMembers(query.filters, []).map((f) => f.member ?? f.dimension),
    ...order,
  ].filter((m) => typeof m === 'string');
}

/**
 * Only members of the public views may be queried (cubes are private). Then narrows every query to the rows a token's `region` / `team` claims allow, and rejects with
 * 403 (not an empty result) a query that asks for other regions or teams, or for company-wide data.
 */
export function queryRewrite(query, { securityContext }) {
  const notPublic = queryMembers(query).find((member) => !VIEW_ACCESS[member.split('.')[0]]);
  if (notPublic) {
    throw new UserError(`'${notPublic}' is not a member of a public view. Query the views: ${Object.keys(VIEW_ACCESS).join(', ')}.`);
  }
  requireOneModel(query);

  const claims = CLAIMS.map((claim) => [claim, claimValues(securityContext, claim)]).filter(([, v]) => v);
  if (claims.length === 0) return query;

  const scopeMembers = new Map();
  for (const member of queryMembers(query)) {
    const scope = VIEW_ACCESS[member.split('.')[0]];
    if (scope === 'unrestricted') continue;
    if (scope === 'company-wide' || COMPANY_WIDE_MEMBERS.has(member)) {
      const restriction = claims.map(([claim, values]) => `${claim} ${values.join(', ')}`).join(' and ');
      throw forbidden(`${member} is company-wide data, not available to a token restricted to ${restriction}.`);
    }
    for (const [claim, values] of claims) scopeMembers.set(scope[claim], { claim, values });
  }

  const requested = filterMembers(query.filters, []);
  const filters = [...(query.filters ?? [])];
  for (const [member, { claim, values }] of scopeMembers) {
    for (const filter of requested) {
      if ((filter.member ?? filter.dimension) !== member || filter.operator !== 'equals') continue;
      const outside = (filter.values ?? []).map(String).filter((v) => !values.includes(v));
      if (outside.length > 0) {
        throw forbidden(`Your token allows ${claim} ${values.join(', ')} only; the query asks for ${claim} ${outside.join(', ')}.`);
      }
    }
    filters.push({ member, operator: 'equals', values });
  }
  return { ...query, filters };
}

export default {
  schemaPath: 'model',
  contextToAppId: () => 'closedloop',
  queryRewrite,
  preAggregationsSchema: 'pre_aggregations',
  telemetry: false,
};
