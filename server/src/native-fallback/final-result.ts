/**
 * A JavaScript stand-in for the final-result transform of `@cubejs-backend/native`
 * (`getFinalQueryResult`, `getFinalQueryResultMulti`), used only when the native module
 * cannot load. It follows the semantics of Cube's Rust `query_result_transform`: rows keyed
 * by member name (or `members` + `dataset` for `responseFormat: "compact"`), time values as
 * `YYYY-MM-DDTHH:mm:ss.sss`, the deprecated time dimension without granularity, the
 * `compareDateRange` column, the `time.<granularity>` key of blending queries and the multi
 * response's `pivotQuery`. The result is a Buffer of JSON, as the native functions return.
 */

type Primitive = string | number | boolean | null;
type JsonObject = { readonly [key: string]: unknown };

export interface TimeDimensionQuery {
  readonly dimension: string;
  readonly granularity?: string;
  readonly dateRange?: readonly string[] | string;
  readonly compareDateRange?: unknown;
}

export interface NormalizedQueryLike {
  readonly measures?: readonly unknown[];
  readonly dimensions?: readonly unknown[];
  readonly timeDimensions?: readonly TimeDimensionQuery[];
  readonly [key: string]: unknown;
}

export interface TransformData {
  readonly aliasToMemberNameMap: Readonly<Record<string, string>>;
  readonly annotation: Readonly<Record<string, { readonly type?: string } | undefined>>;
  readonly query: NormalizedQueryLike;
  readonly queryType?: string;
  readonly resType?: string;
}

interface ColumnarData {
  readonly members: readonly string[];
  readonly columns: readonly (readonly unknown[])[];
}

const COMPARE_DATE_RANGE_QUERY = 'compareDateRangeQuery';
const BLENDING_QUERY = 'blendingQuery';
const GRANULARITY_LEVELS: Readonly<Record<string, number>> = {
  second: 1, minute: 2, hour: 3, day: 4, week: 5, month: 6, quarter: 7, year: 8,
};
const UNKNOWN_GRANULARITY_LEVEL = 10;

function hiddenMemberError(name: string): Error {
  return new Error(
    `You requested hidden member: '${name}'. Please make it visible using \`public: true\`. ` +
      'Please note primaryKey fields are `public: false` by default: ' +
      'https://cube.dev/docs/schema/reference/joins#setting-a-primary-key.',
  );
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?: ?(Z|[+-]\d{2}:?\d{2}|UTC))?$/;

/** Cube's `transform_value` for time members: a timestamp string as `YYYY-MM-DDTHH:mm:ss.sss`. */
export function formatTimeValue(value: string): string {
  const match = ISO_LIKE.exec(value);
  if (!match) return value;
  const [, y, mo, d, h, mi, s, fraction = ''] = match;
  const millis = pad(Number((fraction + '000').slice(0, 3)), 3);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.${millis}`;
}

function toPrimitive(value: unknown): Primitive {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

function transformValue(value: unknown, type: string | undefined): Primitive {
  const primitive = toPrimitive(value);
  if (typeof primitive === 'string' && type === 'time') return formatTimeValue(primitive);
  return primitive;
}

function parseRawData(raw: unknown): ColumnarData {
  if (Buffer.isBuffer(raw) || raw instanceof Uint8Array) {
    return JSON.parse(Buffer.from(raw).toString('utf8')) as ColumnarData;
  }
  if (typeof raw === 'string') return JSON.parse(raw) as ColumnarData;
  if (Array.isArray(raw)) {
    // Row objects, as the JS side had them before it pivoted to columnar.
    const rows = raw as readonly Record<string, unknown>[];
    const members = rows[0] ? Object.keys(rows[0]) : [];
    return { members, columns: members.map((m) => rows.map((r) => r[m])) };
  }
  if (raw && typeof raw === 'object' && 'members' in raw && 'columns' in raw) return raw as ColumnarData;
  throw new Error('Unsupported query result passed to the JS result transform (a Cube Store result needs the native module).');
}

function dateRangeValue(query: NormalizedQueryLike): string {
  const td = query.timeDimensions?.[0];
  if (!td) throw new Error('QueryTimeDimension should be specified for the compare date range query.');
  const range = td.dateRange;
  if (!range) throw new Error('Inconsistent QueryTimeDimension configuration: dateRange required.');
  const parts = typeof range === 'string' ? [range] : range;
  if (parts.length === 1) {
    throw new Error(`Inconsistent dateRange configuration for the compare date range query: ${parts[0]}`);
  }
  return parts.join(' - ');
}

function blendingKeys(query: NormalizedQueryLike): { queryKey: string; responseKey: string } {
  const td = query.timeDimensions?.[0];
  if (!td) throw new Error('QueryTimeDimension should be specified for the blending query.');
  if (!td.granularity) {
    throw new Error(`Inconsistent QueryTimeDimension configuration for the blending query, granularity required: ${JSON.stringify(td)}`);
  }
  return { queryKey: `time.${td.granularity}`, responseKey: `${td.dimension}.${td.granularity}` };
}

function queryHasDimension(query: NormalizedQueryLike, name: string): boolean {
  return (query.dimensions ?? []).some((d) => d === name);
}

/** Members of the result in output order, each with the column index it reads (or a special kind). */
interface OutputMember {
  readonly name: string;
  readonly column?: number;
}

function outputMembers(request: TransformData, data: ColumnarData): OutputMember[] {
  const { aliasToMemberNameMap: aliases, annotation, query } = request;
  const members: OutputMember[] = [];
  const finest = new Map<string, { level: number; column: number }>();
  data.members.forEach((alias, column) => {
    const name = aliases[alias];
    if (name === undefined) throw new Error(`Member name not found for alias: '${alias}'`);
    if (!annotation[name]) throw hiddenMemberError(alias);
    members.push({ name, column });
    const path = name.split('.');
    if (path.length === 3) {
      const base = `${path[0]}.${path[1]}`;
      if (!queryHasDimension(query, base)) {
        const level = GRANULARITY_LEVELS[path[2] ?? ''] ?? UNKNOWN_GRANULARITY_LEVEL;
        const existing = finest.get(base);
        if (!existing || existing.level >= level) finest.set(base, { level, column });
      }
    }
  });
  for (const [name, { column }] of finest) members.push({ name, column });
  return members;
}

function transformCompact(request: TransformData, data: ColumnarData): { members: string[]; dataset: Primitive[][] } {
  const { annotation, query, queryType } = request;
  const members = outputMembers(request, data);
  const names = members.map((m) => m.name);
  let blendingColumn: number | undefined;
  if (queryType === COMPARE_DATE_RANGE_QUERY) names.push('compareDateRange');
  if (queryType === BLENDING_QUERY) {
    const { queryKey, responseKey } = blendingKeys(query);
    names.push(queryKey);
    blendingColumn = members.find((m) => m.name === responseKey)?.column;
  }
  const rowCount = data.columns[0]?.length ?? 0;
  const dataset: Primitive[][] = [];
  for (let i = 0; i < rowCount; i += 1) {
    const row: Primitive[] = [];
    for (const m of members) {
      if (m.column === undefined || !annotation[m.name]) continue;
      row.push(transformValue(data.columns[m.column]?.[i], annotation[m.name]?.type));
    }
    if (queryType === COMPARE_DATE_RANGE_QUERY) row.push(dateRangeValue(query));
    if (queryType === BLENDING_QUERY && blendingColumn !== undefined) {
      // Formatted like the member it copies (the Rust version looks the type up by alias and
      // so passes the raw value through; the vanilla format formats it).
      row.push(transformValue(data.columns[blendingColumn]?.[i], 'time'));
    }
    dataset.push(row);
  }
  return { members: names, dataset };
}

function transformVanilla(request: TransformData, data: ColumnarData): Record<string, Primitive>[] {
  const { annotation, query, queryType } = request;
  const members = outputMembers(request, data);
  const compare = queryType === COMPARE_DATE_RANGE_QUERY ? dateRangeValue(query) : undefined;
  const blending = queryType === BLENDING_QUERY ? blendingKeys(query) : undefined;
  const rowCount = data.columns[0]?.length ?? 0;
  const rows: Record<string, Primitive>[] = [];
  for (let i = 0; i < rowCount; i += 1) {
    const row: Record<string, Primitive> = {};
    for (const m of members) {
      if (m.column === undefined) continue;
      const type = annotation[m.name]?.type ?? annotation[m.name.split('.').slice(0, 2).join('.')]?.type;
      row[m.name] = transformValue(data.columns[m.column]?.[i], type);
    }
    if (compare !== undefined) row.compareDateRange = compare;
    if (blending && blending.responseKey in row) row[blending.queryKey] = row[blending.responseKey] ?? null;
    rows.push(row);
  }
  return rows;
}

function transformData(request: TransformData, raw: unknown): unknown {
  const data = parseRawData(raw);
  // Like Cube's Rust transform (get_members): an empty result has no columns, so nothing to
  // validate; asking for members of the query here would reject filter-only time dimensions.
  return request.resType === 'compact' ? transformCompact(request, data) : transformVanilla(request, data);
}

const OPTIONAL_RESULT_FIELDS = [
  'lastRefreshTime', 'refreshKeyValues', 'usedPreAggregations', 'transformedQuery', 'requestId',
] as const;
const OPTIONAL_SOURCE_FIELDS = ['dataSource', 'dbType', 'extDbType', 'external'] as const;

/** One result object with Cube's field order; absent optional fields are left out. */
function resultObject(resultData: JsonObject, data: unknown): JsonObject {
  const out: Record<string, unknown> = { query: resultData.query };
  for (const key of OPTIONAL_RESULT_FIELDS) {
    if (resultData[key] !== undefined && resultData[key] !== null) out[key] = resultData[key];
  }
  out.annotation = resultData.annotation;
  for (const key of OPTIONAL_SOURCE_FIELDS) {
    if (resultData[key] !== undefined && resultData[key] !== null) out[key] = resultData[key];
  }
  out.slowQuery = Boolean(resultData.slowQuery);
  if (resultData.total !== undefined && resultData.total !== null) out.total = resultData.total;
  out.data = data;
  return out;
}

function pivotQuery(queryType: string, queries: readonly NormalizedQueryLike[]): NormalizedQueryLike {
  const first = queries[0];
  if (!first) throw new Error('Queries list cannot be empty');
  const pivot: Record<string, unknown> = { ...first };
  if (queryType === BLENDING_QUERY) {
    const measures = [...new Set(queries.flatMap((q) => q.measures ?? []))];
    const dimensions = [...new Set(queries.flatMap((q) => q.dimensions ?? []))];
    pivot.measures = measures.length ? measures : undefined;
    pivot.dimensions = dimensions.length ? dimensions : undefined;
    const granularity = queries.map((q) => q.timeDimensions?.[0]?.granularity).find(Boolean);
    if (granularity) pivot.timeDimensions = [{ dimension: 'time', granularity }];
  } else if (queryType === COMPARE_DATE_RANGE_QUERY) {
    pivot.dimensions = ['compareDateRange', ...(first.dimensions ?? [])];
  }
  pivot.queryType = queryType;
  return pivot;
}

/** JS version of native `getFinalQueryResult(transformData, rows, resultData)`. */
export function getFinalQueryResult(transform: TransformData, rows: unknown, resultData: JsonObject): Buffer {
  return Buffer.from(JSON.stringify(resultObject(resultData, transformData(transform, rows))));
}

/** JS version of native `getFinalQueryResultMulti(transformDataArr, rows, responseData)`. */
export function getFinalQueryResultMulti(
  transforms: readonly TransformData[],
  rows: readonly unknown[],
  responseData: { readonly queryType: string; readonly results: readonly JsonObject[]; readonly slowQuery?: boolean },
): Buffer {
  const results = responseData.results.map((result, i) => {
    const transform = transforms[i];
    if (!transform) throw new Error(`Missing transform data for result ${i}`);
    return resultObject(result, transformData(transform, rows[i]));
  });
  const response = {
    queryType: responseData.queryType,
    results,
    pivotQuery: pivotQuery(responseData.queryType, responseData.results.map((r) => r.query as NormalizedQueryLike)),
    slowQuery: Boolean(responseData.slowQuery),
  };
  return Buffer.from(JSON.stringify(response));
}
