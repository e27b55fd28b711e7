/**
 * DuckDB column types (as `information_schema.columns.data_type` spells them) to Postgres
 * column types. ENUMs become Postgres ENUM types with their labels in the same order (the
 * funnel order of `stage`), so sorting by them stays the funnel order.
 */
export type PostgresColumnType =
  | { readonly kind: 'plain'; readonly sql: string }
  | { readonly kind: 'enum'; readonly labels: readonly string[] };

const PLAIN: Readonly<Record<string, string>> = {
  VARCHAR: 'text',
  BOOLEAN: 'boolean',
  TINYINT: 'smallint',
  SMALLINT: 'smallint',
  INTEGER: 'integer',
  BIGINT: 'bigint',
  UTINYINT: 'smallint',
  USMALLINT: 'integer',
  UINTEGER: 'bigint',
  HUGEINT: 'numeric(39, 0)',
  UBIGINT: 'numeric(20, 0)',
  FLOAT: 'real',
  DOUBLE: 'double precision',
  DATE: 'date',
  TIME: 'time',
  TIMESTAMP: 'timestamp',
  'TIMESTAMP_NS': 'timestamp',
  'TIMESTAMP_MS': 'timestamp',
  'TIMESTAMP_S': 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamptz',
  INTERVAL: 'interval',
  UUID: 'uuid',
};

export class UnsupportedColumnTypeError extends Error {
  constructor(readonly table: string, readonly column: string, readonly duckdbType: string) {
    super(
      `${table}.${column} has DuckDB type ${duckdbType}, which has no Postgres mapping in etl/src/publish/postgres-types.ts. ` +
        'Store it as one of the mapped types in the mart (VARCHAR, BOOLEAN, integers, DOUBLE, DECIMAL, DATE, TIMESTAMP, ENUM), or add a mapping.',
    );
    this.name = 'UnsupportedColumnTypeError';
  }
}

/** The labels of `ENUM('a', 'it''s')`, in order. */
function enumLabels(duckdbType: string): string[] {
  const body = duckdbType.slice('ENUM('.length, -1);
  return [...body.matchAll(/'((?:[^']|'')*)'/g)].map((match) => (match[1] ?? '').replaceAll("''", "'"));
}

export function postgresType(table: string, column: string, duckdbType: string): PostgresColumnType {
  const type = duckdbType.trim().toUpperCase();
  if (type.startsWith('ENUM(') && type.endsWith(')')) return { kind: 'enum', labels: enumLabels(duckdbType.trim()) };
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(type);
  if (decimal) return { kind: 'plain', sql: `numeric(${decimal[1]}, ${decimal[2]})` };
  const plain = PLAIN[type];
  if (!plain) throw new UnsupportedColumnTypeError(table, column, duckdbType);
  return { kind: 'plain', sql: plain };
}

/** A Postgres identifier, quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A Postgres string literal. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
