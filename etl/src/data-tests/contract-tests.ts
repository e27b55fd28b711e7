/**
 * The column contract (etl/src/mart-contract.ts) as data tests, run on every build: per mart,
 * `contract(columns)` selects each column that is missing, extra or of another DuckDB type than
 * the contract says (a row names the mart, column, expected and found type), and
 * `not_null(contract)` each column the contract says is never NULL that has NULLs (with how
 * many rows). Either failing stops the build; the previous warehouse keeps serving.
 */
import { sql } from 'kysely';
import { ANY_ENUM, MART_CONTRACT, duckdbType, type MartContract } from '../mart-contract';
import type { DataTest } from './generic-tests';

function columnsTest(mart: MartContract): DataTest {
  const expected = sql.join(mart.columns.map((c) => sql`(${sql.lit(c.name)}, ${sql.lit(duckdbType(c.type))})`));
  return {
    name: 'contract(columns)',
    model: mart.name,
    failing: sql`
      with expected(column_name, data_type) as (values ${expected}),
      found as (
        select column_name, data_type from information_schema.columns
        where table_catalog = current_database() and table_schema = 'main' and table_name = ${sql.lit(mart.name)}
      )
      select ${sql.lit(mart.name)} as mart, coalesce(e.column_name, f.column_name) as "column",
        coalesce(e.data_type, '(no such column in the contract)') as expected, coalesce(f.data_type, '(missing)') as found
      from expected e full join found f on f.column_name = e.column_name
      where e.data_type is distinct from f.data_type
        -- a category is any ENUM (mart-contract.ts, sameSpelling)
        and not (e.data_type = ${sql.lit(ANY_ENUM)} and f.data_type like 'ENUM(%)')
      order by 2`,
  };
}

function notNullTest(mart: MartContract): DataTest | undefined {
  const required = mart.columns.filter((c) => !c.nullable);
  if (required.length === 0) return undefined;
  const counts = required.map(
    (c) => sql`select ${sql.lit(mart.name)} as mart, ${sql.lit(c.name)} as "column", count(*) as null_rows from ${sql.table(mart.name)} where ${sql.ref(c.name)} is null having count(*) > 0`,
  );
  return { name: 'not_null(contract)', model: mart.name, failing: sql.join(counts, sql` union all `) };
}

/** Columns first: a missing column would make the not-null test fail with a binder error instead. */
export const contractColumnTests: readonly DataTest[] = MART_CONTRACT.map(columnsTest);
export const contractNotNullTests: readonly DataTest[] = MART_CONTRACT.flatMap((mart) => notNullTest(mart) ?? []);
