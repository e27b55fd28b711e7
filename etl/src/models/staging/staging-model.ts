/**
 * The shape every staging model shares (dbt's `source` → `renamed` CTEs, generated):
 *
 * - `stg_<x>`: one row per valid record of one raw table: renamed, cast, normalised.
 *   A record whose id is missing or whose typed column fails its cast is left out here and
 *   listed in `stg_<x>__rejected`; so is every duplicate of an id but one. The kept one is
 *   the last file's (files sorted by path: a later export supersedes an earlier one),
 *   first line within it.
 * - `stg_<x>__rejected`: the quarantine rows of that table, in `rejected_rows`' shape
 *   (raw_text: the raw row as JSON; for a duplicate, the staged row as JSON).
 * Underneath, `stg_<x>__checked` (table) is the single pass over the raw table — typed
 *   columns plus each row's first problem — and `stg_<x>__duplicates` (table) lists ids
 *   that occur more than once among good rows with the row kept; `stg_<x>` is a view
 *   over them, so the raw table and its casts are read once.
 *
 * Views reference constants with `sql.lit`: DuckDB views cannot hold query parameters.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';
import { blankToNull, failedCast, isBlank } from '../macros';
import { category, ref, source, type Model, type ModelContext } from '../model';

export type RawColumn = (name: string) => RawBuilder<string | null>;

export interface TypedCheck {
  /** Raw (canonical) column name, reported as `column_name`. */
  readonly column: string;
  /** The parsed value; the row is rejected when the raw text is present but this is NULL. */
  readonly parsed: Expression<unknown>;
  /** What was expected, e.g. "a timestamp". */
  readonly expected: string;
}

export interface StagingSpec {
  readonly name: string;
  readonly format: string;
  /** Raw id column: rows without it are rejected; duplicates of it are quarantined. Null: no id. */
  readonly id: string | null;
  /** The id column may be absent or blank (such rows are kept and never duplicates). */
  readonly idOptional?: boolean;
  /** Also required (besides the id): rows with this blank are rejected. */
  readonly required?: readonly string[];
  readonly materialized?: 'view' | 'table';
  /** Output columns in order (ids, strings, numerics, booleans, timestamps). */
  readonly columns: (raw: RawColumn, ctx: ModelContext) => Record<string, Expression<unknown>>;
  /** Typed columns whose failed cast rejects the row. */
  readonly checks: (raw: RawColumn, ctx: ModelContext) => readonly TypedCheck[];
  /**
   * Values refused without rejecting the record (e.g. a negative amount): the typed column
   * `output` becomes NULL, the record stays, and `rejected_rows` lists it with the reason.
   */
  readonly refusals?: (raw: RawColumn) => readonly {
    readonly column: string;
    readonly output: string;
    readonly failed: Expression<boolean>;
    readonly reason: string;
  }[];
  /** `view` for the largest extracts: read in a few passes instead of copied (default table). */
  readonly checkedMaterialized?: 'view' | 'table';
  /**
   * Find duplicate ids straight from the raw table, without the casts (for extracts whose
   * id names one immutable record, e.g. Marketo's marketoGUID: copies are the same row).
   */
  readonly duplicatesFromRaw?: boolean;
  /** Joined as `s` (one row), e.g. agreement settings for time zones. */
  readonly withSettings?: boolean;
}

/** Ends the reason of a refused value: the record stays loaded (so it is not counted as quarantined). */
export const REFUSED_SUFFIX = ' (value refused, record kept)';

const rawColumn: RawColumn = (name) => sql<string | null>`${sql.ref(`r.${name}`)}`;

/** (column_name, reason) of the first problem of a raw row, or NULLs when the row is good. */
function problem(spec: StagingSpec, ctx: ModelContext): { column: RawBuilder<string | null>; reason: RawBuilder<string | null> } {
  const cases: { when: RawBuilder<boolean>; column: string; reason: RawBuilder<string> }[] = [];
  for (const col of [...(spec.id && !spec.idOptional ? [spec.id] : []), ...(spec.required ?? [])]) {
    cases.push({ when: isBlank(rawColumn(col)), column: col, reason: sql<string>`${sql.lit(`missing ${col}`)}` });
  }
  for (const check of spec.checks(rawColumn, ctx)) {
    cases.push({
      when: failedCast(rawColumn(check.column), check.parsed),
      column: check.column,
      reason: sql<string>`${sql.lit(`${check.column} is not ${check.expected}: `)} || ${rawColumn(check.column)}`,
    });
  }
  return firstOf(cases);
}

/**
 * (column_name, reason) of a raw row's refused values, or NULLs: the first refused column, and
 * every refused value's reason joined by "; " (a row with two refused values is listed once,
 * and neither value is NULLed without a trace).
 */
function refusal(spec: StagingSpec): { column: RawBuilder<string | null>; reason: RawBuilder<string | null> } {
  const cases = (spec.refusals?.(rawColumn) ?? []).map((rule) => ({
    when: sql<boolean>`coalesce(${rule.failed}, false)`,
    column: rule.column,
    reason: sql<string>`${sql.lit(`${rule.column} ${rule.reason}: `)} || ${rawColumn(rule.column)} || ${sql.lit(REFUSED_SUFFIX)}`,
  }));
  if (cases.length <= 1) return firstOf(cases);
  const reasons = cases.map((c) => sql`case when ${c.when} then ${c.reason} end`);
  return { column: firstOf(cases).column, reason: sql<string | null>`nullif(concat_ws('; ', ${sql.join(reasons)}), '')` };
}

function firstOf(cases: readonly { when: RawBuilder<boolean>; column: string; reason: RawBuilder<string> }[]): {
  column: RawBuilder<string | null>;
  reason: RawBuilder<string | null>;
} {
  if (cases.length === 0) return { column: sql`null::varchar`, reason: sql`null::varchar` };
  const column = sql<string | null>`case ${sql.join(cases.map((c) => sql`when ${c.when} then ${sql.lit(c.column)}`), sql` `)} end`;
  const reason = sql<string | null>`case ${sql.join(cases.map((c) => sql`when ${c.when} then ${c.reason}`), sql` `)} end`;
  return { column, reason };
}

function fromRaw(spec: StagingSpec, ctx: ModelContext) {
  const base = ctx.db.selectFrom(source(spec.format).as('r'));
  return spec.withSettings ? base.crossJoin(sql`agreement.agreement_settings`.as('s')) : base;
}

/**
 * One pass over the raw table: typed columns, the row's first problem (or NULL), and for
 * rejected rows only, the raw row as JSON.
 */
function checked(spec: StagingSpec, ctx: ModelContext) {
  const bad = problem(spec, ctx);
  const refused = refusal(spec);
  const cols = { ...spec.columns(rawColumn, ctx) };
  for (const rule of spec.refusals?.(rawColumn) ?? []) {
    const expr = cols[rule.output];
    if (expr) cols[rule.output] = sql`case when coalesce(${rule.failed}, false) then null else ${expr} end`;
  }
  return fromRaw(spec, ctx).select([
    ...Object.entries(cols).map(([name, expr]) => sql`${expr}`.as(name)),
    sql<string>`r._file::${category(ctx, '_file')}`.as('_file'),
    sql<number>`r._line`.as('_line'),
    sql<string | null>`${spec.id ? blankToNull(rawColumn(spec.id)) : sql`null::varchar`}`.as('_id'),
    sql<string | null>`${bad.column}`.as('_reject_column'),
    sql<string | null>`${bad.reason}`.as('_reject_reason'),
    sql<string | null>`${refused.column}`.as('_refused_column'),
    sql<string | null>`${refused.reason}`.as('_refused_reason'),
    sql<string | null>`case when ${bad.reason} is not null or ${refused.reason} is not null then to_json(r)::varchar end`.as('_raw_text'),
  ]);
}

/**
 * Each id of `ids` (columns `_id`, `_file`, `_line`) that occurs more than once, with its count
 * `n` and the row kept (`keep`: the last file by path, first line in it). Two scans: the ids'
 * 64-bit hashes are counted first (a fixed-width key, cheaper to group than text), then only the
 * rows whose hash repeats are grouped by the id itself — the duplicates, and any collision,
 * which `having` drops.
 */
function duplicateRows(ids: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    with ids as not materialized (${ids}),
    dup_hashes as (select hash(_id) as h from ids where _id is not null group by h having count(*) > 1)
    select _id, max({'f': _file, 'l': -_line}) as keep, count(*) as n
    from ids
    where _id is not null and hash(_id) in (select h from dup_hashes)
    group by _id
    having count(*) > 1`;
}

export function stagingModels(spec: StagingSpec): Model[] {
  const name = (suffix: string) => `${spec.name}${suffix}`;
  const checkedModel: Model = {
    name: name('__checked'),
    layer: 'staging',
    materialized: spec.checkedMaterialized ?? 'table',
    // The file's name as an ENUM of the format's files: a one-byte code per record instead of
    // a copy of the path (12M records of a 70-character path: 2.3 s more to store, 0.9 GB).
    categories: { _file: () => sql`select distinct _file from ${source(spec.format)}` },
    query: (ctx) => checked(spec, ctx),
  };
  // Ids that occur more than once among good rows, and the row kept for each
  // (the last file by path — a later export supersedes an earlier one — first line in it).
  const duplicates: Model = {
    name: name('__duplicates'),
    layer: 'staging',
    materialized: 'table',
    // From the ids' 64-bit hashes first (duplicateRows): 67M synthetic ids 20 s grouped as
    // text, 9 s as hashes. The kept row is found in the same scan as the duplicated ids (a
    // third scan, joining the ids back to their rows, read the spilled raw ids once more at ten
    // million leads). `ids` is read twice; `not materialized` keeps DuckDB from copying it into
    // a temporary table first (it would, for any CTE referenced more than once).
    query: () =>
      duplicateRows(
        spec.duplicatesFromRaw && spec.id
          ? sql`select ${blankToNull(sql.ref(spec.id))} as _id, _file, _line from ${source(spec.format)}`
          : sql`select _id, _file, _line from ${ref(name('__checked'))} where _reject_reason is null and _id is not null`,
      ),
  };
  const kept = sql`(d._id is null or (c._file = d.keep.f and c._line = -d.keep.l))`;
  const viewChecked = spec.checkedMaterialized === 'view';
  const valid: Model = {
    name: spec.name,
    layer: 'staging',
    materialized: spec.materialized ?? 'view',
    query: (ctx) => {
      const names = Object.keys(spec.columns(rawColumn, ctx));
      return ctx.db
        .selectFrom(ref(name('__checked')).as('c'))
        .leftJoin(ref(name('__duplicates')).as('d'), (j) => j.on(sql<boolean>`d._id = c._id`))
        .select([...names.map((n) => sql`${sql.ref(`c.${n}`)}`.as(n)), sql`c._file`.as('_file'), sql`c._line`.as('_line')])
        .where(sql<boolean>`c._reject_reason is null and ${kept}`);
    },
  };
  const rejected: Model = {
    name: name('__rejected'),
    layer: 'staging',
    materialized: 'view',
    query: (ctx) => {
      const names = Object.keys(spec.columns(rawColumn, ctx));
      const dupReason = sql`${sql.lit(`duplicate ${spec.id ?? ''} `)} || d._id || ${sql.lit('; kept ')} || d.keep.f || ':' || (-d.keep.l)`;
      // Rejected records and records kept with refused values. With duplicates found on raw
      // ids, a rejected copy is listed here only when it is the kept one: the other copies are
      // listed as duplicates below.
      const problems = sql`
        select c._file, c._line, c._reject_column as column_name, c._reject_reason as reason${viewChecked ? sql`` : sql`, c._raw_text`}
        from ${ref(name('__checked'))} c
        ${spec.duplicatesFromRaw && spec.id ? sql`left join ${ref(name('__duplicates'))} d on d._id = c._id where c._reject_reason is not null and ${kept}` : sql`where c._reject_reason is not null`}
        union all
        select c._file, c._line, c._refused_column, c._refused_reason${viewChecked ? sql`` : sql`, c._raw_text`}
        from ${ref(name('__checked'))} c
        left join ${ref(name('__duplicates'))} d on d._id = c._id
        where c._reject_reason is null and c._refused_reason is not null and ${kept}`;
      // Over a view, `_raw_text` would read every column of every raw row before the filter (at
      // ten million leads, all 66M Marketo activities: ~30 s): the raw row of a problem is read
      // by its file and line instead, and not at all when there is none.
      const listed = viewChecked
        ? sql`
          select p._file::varchar as file, p._line as line, ${sql.lit(spec.format)} as format, p.column_name, to_json(r)::varchar as raw_text, p.reason
          from (${problems}) p join ${source(spec.format)} r on r._file = p._file::varchar and r._line = p._line`
        : sql`
          select p._file::varchar as file, p._line as line, ${sql.lit(spec.format)} as format, p.column_name, p._raw_text as raw_text, p.reason
          from (${problems}) p`;
      if (spec.duplicatesFromRaw && spec.id) {
        // Duplicates were found on the raw id alone: a copy is rejected as a duplicate
        // whatever its casts say, read from the raw table (no second pass of casts).
        return sql`
          ${listed}
          union all
          select r._file, r._line, ${sql.lit(spec.format)}, ${sql.lit(spec.id)}, to_json(r)::varchar, ${dupReason}
          from ${source(spec.format)} r
          join ${ref(name('__duplicates'))} d on d._id = ${blankToNull(sql.ref(`r.${spec.id}`))}
          where not (r._file = d.keep.f and r._line = -d.keep.l)`;
      }
      return sql`
        ${listed}
        union all
        select c._file::varchar, c._line, ${sql.lit(spec.format)}, ${sql.lit(spec.id ?? '')},
          to_json({${sql.join(names.map((n) => sql`${sql.lit(n)}: ${sql.ref(`c.${n}`)}`))}})::varchar,
          ${dupReason}
        from ${ref(name('__checked'))} c
        join ${ref(name('__duplicates'))} d on d._id = c._id
        where c._reject_reason is null and not ${kept}`;
    },
  };
  return [checkedModel, duplicates, valid, rejected];
}
