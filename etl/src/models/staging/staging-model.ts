/**
 * The shape every staging model shares (dbt's `source` → `renamed` CTEs, generated):
 *
 * - `stg_<x>`: one row per valid record of one raw table: renamed, cast, normalised.
 *   A record whose id is missing or whose typed column fails its cast is left out here and
 *   listed in `stg_<x>__rejected`; so is every duplicate of an id but one. The kept one is
 *   the last file's (files sorted by path: a later export supersedes an earlier one),
 *   first line within it.
 * - `stg_<x>__rejected`: the quarantine rows of that table, in `rejected_rows`' shape.
 *
 * Views reference constants with `sql.lit`: DuckDB views cannot hold query parameters.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';
import { failedCast } from '../macros';
import { source, type Model, type ModelContext } from '../model';

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
  /** Also required (besides the id): rows with this blank are rejected. */
  readonly required?: readonly string[];
  readonly materialized?: 'view' | 'table';
  /** Output columns in order (ids, strings, numerics, booleans, timestamps). */
  readonly columns: (raw: RawColumn, ctx: ModelContext) => Record<string, Expression<unknown>>;
  /** Typed columns whose failed cast rejects the row. */
  readonly checks: (raw: RawColumn, ctx: ModelContext) => readonly TypedCheck[];
  /** Other rules whose breach rejects the row (e.g. a negative amount). */
  readonly rules?: (raw: RawColumn) => readonly { readonly column: string; readonly failed: Expression<boolean>; readonly reason: string }[];
  /** Joined as `s` (one row), e.g. agreement settings for time zones. */
  readonly withSettings?: boolean;
}

const rawColumn: RawColumn = (name) => sql<string | null>`${sql.ref(`r.${name}`)}`;

/** (column_name, reason) of the first problem of a raw row, or NULLs when the row is good. */
function problem(spec: StagingSpec, ctx: ModelContext): { column: RawBuilder<string | null>; reason: RawBuilder<string | null> } {
  const cases: { when: RawBuilder<boolean>; column: string; reason: RawBuilder<string> }[] = [];
  for (const col of [...(spec.id ? [spec.id] : []), ...(spec.required ?? [])]) {
    cases.push({ when: sql<boolean>`nullif(trim(${rawColumn(col)}), '') is null`, column: col, reason: sql<string>`${sql.lit(`missing ${col}`)}` });
  }
  for (const check of spec.checks(rawColumn, ctx)) {
    cases.push({
      when: failedCast(rawColumn(check.column), check.parsed),
      column: check.column,
      reason: sql<string>`${sql.lit(`${check.column} is not ${check.expected}: `)} || ${rawColumn(check.column)}`,
    });
  }
  for (const rule of spec.rules?.(rawColumn) ?? []) {
    cases.push({
      when: sql<boolean>`coalesce(${rule.failed}, false)`,
      column: rule.column,
      reason: sql<string>`${sql.lit(`${rule.column} ${rule.reason}: `)} || ${rawColumn(rule.column)}`,
    });
  }
  if (cases.length === 0) return { column: sql`null::varchar`, reason: sql`null::varchar` };
  const column = sql<string | null>`case ${sql.join(cases.map((c) => sql`when ${c.when} then ${sql.lit(c.column)}`), sql` `)} end`;
  const reason = sql<string | null>`case ${sql.join(cases.map((c) => sql`when ${c.when} then ${c.reason}`), sql` `)} end`;
  return { column, reason };
}

function fromRaw(spec: StagingSpec, ctx: ModelContext) {
  const base = ctx.db.selectFrom(source(spec.format).as('r'));
  return spec.withSettings ? base.crossJoin(sql`agreement.agreement_settings`.as('s')) : base;
}

function ranked(spec: StagingSpec, ctx: ModelContext) {
  const bad = problem(spec, ctx);
  const cols = spec.columns(rawColumn, ctx);
  const id = spec.id ? sql`trim(${rawColumn(spec.id)})` : sql`null`;
  return fromRaw(spec, ctx)
    .select([
      ...Object.entries(cols).map(([name, expr]) => sql`${expr}`.as(name)),
      sql<string>`r._file`.as('_file'),
      sql<number>`r._line`.as('_line'),
      sql<number>`row_number() over (partition by ${id} order by r._file desc, r._line)`.as('_dup_rank'),
      sql<string>`first_value(r._file || ':' || r._line) over (partition by ${id} order by r._file desc, r._line)`.as('_kept'),
      sql<string>`${id}`.as('_dup_id'),
    ])
    .where(sql<boolean>`${bad.reason} is null`);
}

export function stagingModels(spec: StagingSpec): Model[] {
  const valid: Model = {
    name: spec.name,
    layer: 'staging',
    materialized: spec.materialized ?? 'table',
    query: (ctx) => {
      const inner = ranked(spec, ctx);
      const names = Object.keys(spec.columns(rawColumn, ctx));
      return ctx.db
        .selectFrom(inner.as('c'))
        .select([...names.map((n) => sql`${sql.ref(`c.${n}`)}`.as(n)), sql`c._file`.as('_file'), sql`c._line`.as('_line')])
        .where(spec.id ? sql<boolean>`c._dup_rank = 1` : sql<boolean>`true`);
    },
  };
  const rejected: Model = {
    name: `${spec.name}__rejected`,
    layer: 'staging',
    materialized: 'view',
    query: (ctx) => {
      const bad = problem(spec, ctx);
      const castFailures = fromRaw(spec, ctx)
        .select([
          sql<string>`r._file`.as('file'),
          sql<number>`r._line`.as('line'),
          sql<string>`${sql.lit(spec.format)}`.as('format'),
          sql<string | null>`${bad.column}`.as('column_name'),
          sql<string>`to_json(r)::varchar`.as('raw_text'),
          sql<string>`${bad.reason}`.as('reason'),
        ])
        .where(sql<boolean>`${bad.reason} is not null`);
      if (!spec.id) return castFailures;
      const dups = ctx.db
        .selectFrom(ranked(spec, ctx).as('c'))
        .innerJoin(source(spec.format).as('r'), (j) => j.on(sql<boolean>`r._file = c._file and r._line = c._line`))
        .select([
          sql<string>`r._file`.as('file'),
          sql<number>`r._line`.as('line'),
          sql<string>`${sql.lit(spec.format)}`.as('format'),
          sql<string>`${sql.lit(spec.id)}`.as('column_name'),
          sql<string>`to_json(r)::varchar`.as('raw_text'),
          sql<string>`${sql.lit(`duplicate ${spec.id} `)} || c._dup_id || ${sql.lit('; kept ')} || c._kept`.as('reason'),
        ])
        .where(sql<boolean>`c._dup_rank > 1`);
      return castFailures.unionAll(dups);
    },
  };
  return [valid, rejected];
}
