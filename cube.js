// Cube configuration for Closedloop. The server (server/src/start-server.ts) runs Cube
// in-process and merges these options with what only it knows: the driver over the current
// warehouse build, the orchestrator id per build, and JWT checking. This file holds what an
// analyst may want to change: where the model lives, and who may see which rows.
import { CubejsHandlerError, UserError } from '@cubejs-backend/api-gateway';

/**
 * Row restriction per public view: a token's `region` / `team` claims become filters on these
 * members. Views not listed here cannot be queried with a restricted token.
 */
export const ROW_SCOPES = {
  // Every public view must be listed here.
  funnel: { region: 'funnel.region', team: 'funnel.team' },
  pipeline: { region: 'pipeline.region', team: 'pipeline.team' },
  velocity: { region: 'velocity.region', team: 'velocity.team' },
  sla: { region: 'sla.region', team: 'sla.team' },
  data_quality: { region: 'data_quality.leak_region', team: 'data_quality.leak_team' },
  attribution: { region: 'attribution.region', team: 'attribution.team' },
};

/** Members with no region or team: company-wide data a restricted token may not see. */
export const COMPANY_WIDE_MEMBERS = new Set([
  'sla.month', 'sla.segment', 'sla.committed_mqls', 'sla.delivered_mqls', 'sla.attainment',
  'data_quality.file', 'data_quality.line', 'data_quality.format', 'data_quality.column_name',
  'data_quality.raw_text', 'data_quality.reason', 'data_quality.rejected_row_count',
  'attribution.spend', 'attribution.roi', 'attribution.cost_per_mql', 'attribution.cost_per_sql', 'attribution.cost_per_won',
]);

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

/** Members anyone may see, with no row filter: how current the data is. */
export const UNRESTRICTED_MEMBERS = new Set(['data_quality.as_of', 'data_quality.built_at', 'data_quality.agreement_hash']);

const CLAIMS = ['region', 'team'];

function forbidden(message) {
  return new CubejsHandlerError(403, 'Forbidden', message);
}

function claimValues(securityContext, claim) {
  const value = securityContext?.[claim];
  if (value === undefined || value === null) return undefined;
  const values = (Array.isArray(value) ? value : [value]).map(String);
  return values.length > 0 ? values : undefined;
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
  const notPublic = queryMembers(query).find((member) => !ROW_SCOPES[member.split('.')[0]]);
  if (notPublic) {
    throw new UserError(`'${notPublic}' is not a member of a public view. Query the views: ${Object.keys(ROW_SCOPES).join(', ')}.`);
  }
  requireOneModel(query);

  const claims = CLAIMS.map((claim) => [claim, claimValues(securityContext, claim)]).filter(([, v]) => v);
  if (claims.length === 0) return query;

  const scopeMembers = new Map();
  for (const member of queryMembers(query)) {
    if (UNRESTRICTED_MEMBERS.has(member)) continue;
    const view = member.split('.')[0];
    const restriction = claims.map(([claim, values]) => `${claim} ${values.join(', ')}`).join(' and ');
    if (COMPANY_WIDE_MEMBERS.has(member)) {
      throw forbidden(`${member} is company-wide data, not available to a token restricted to ${restriction}.`);
    }
    const scope = ROW_SCOPES[view];
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
