/**
 * dbt's generic tests as functions: each returns a DataTest whose `failing` query selects
 * the rows that break it (zero rows = pass).
 */
import { sql, type RawBuilder } from 'kysely';

export interface DataTest {
  readonly name: string;
  readonly model: string;
  /** Selects the failing rows. */
  readonly failing: RawBuilder<Record<string, unknown>>;
  /** The same selection in SQL Postgres runs too, where `failing` is DuckDB's own for speed (`portableTests`). */
  readonly portable?: RawBuilder<Record<string, unknown>>;
}

/** The tests as another warehouse (Postgres) runs them: each one's portable SQL where it has one. */
export function portableTests(tests: readonly DataTest[]): DataTest[] {
  return tests.map(({ portable, ...test }) => (portable ? { ...test, failing: portable } : test));
}

const table = (model: string) => sql.table(model);

/**
 * Rows sharing `columns`. Grouped first by a hash of the key, an integer (about twice as fast
 * as grouping by text keys: 1M leads, touchpoints' 2.9M touch ids 0.50 → 0.36 s); equal keys
 * have equal hashes, so only the keys of a hash seen twice are then grouped by value, which
 * keeps the test exact when two keys share a hash.
 */
export function unique(model: string, columns: readonly string[]): DataTest {
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  return {
    name: `unique(${columns.join(', ')})`,
    model,
    failing: sql`select ${cols}, count(*) as n from ${table(model)}
      where hash(${cols}) in (select hash(${cols}) from ${table(model)} group by 1 having count(*) > 1)
      group by ${cols} having count(*) > 1`,
    portable: sql`select ${cols}, count(*) as n from ${table(model)} group by ${cols} having count(*) > 1`,
  };
}

export function notNull(model: string, column: string): DataTest {
  return { name: `not_null(${column})`, model, failing: sql`select * from ${table(model)} where ${sql.ref(column)} is null` };
}

export function acceptedValues(model: string, column: string, values: readonly string[], options: { allowNull?: boolean } = {}): DataTest {
  const list = sql.join(values.map((v) => sql.lit(v)));
  const nullClause = options.allowNull ? sql`` : sql` or ${sql.ref(column)} is null`;
  return {
    name: `accepted_values(${column})`,
    model,
    failing: sql`select * from ${table(model)} where ${sql.ref(column)} not in (${list})${nullClause}`,
  };
}

/**
 * Every non-null `column` of `model` exists as `toColumn` of `toModel`. An ANTI JOIN: DuckDB
 * plans it about twice as fast as the same `not exists` (1M leads: stage_events' 2.2M lead
 * ids against leads 0.35 → 0.16 s).
 */
export function relationships(model: string, column: string, toModel: string, toColumn: string): DataTest {
  return {
    name: `relationships(${column} → ${toModel}.${toColumn})`,
    model,
    failing: sql`select m.* from ${table(model)} m anti join ${table(toModel)} t on t.${sql.ref(toColumn)} = m.${sql.ref(column)}
      where m.${sql.ref(column)} is not null`,
    portable: sql`select m.* from ${table(model)} m where m.${sql.ref(column)} is not null
      and not exists (select 1 from ${table(toModel)} t where t.${sql.ref(toColumn)} = m.${sql.ref(column)})`,
  };
}

/** An invariant: rows matching `violation` fail. */
export function expression(model: string, name: string, violation: RawBuilder<boolean>): DataTest {
  return { name, model, failing: sql`select * from ${table(model)} where ${violation}` };
}

/** The model has exactly `n` rows. */
export function rowCount(model: string, n: number): DataTest {
  return { name: `row_count = ${n}`, model, failing: sql`select count(*) as n from ${table(model)} having count(*) <> ${sql.lit(n)}` };
}
