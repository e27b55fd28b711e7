import { describe, expect, it } from 'vitest';
import { UnsupportedColumnTypeError, postgresType } from './postgres-types';

describe('DuckDB → Postgres column types', () => {
  it.each([
    ['VARCHAR', 'text'],
    ['BOOLEAN', 'boolean'],
    ['INTEGER', 'integer'],
    ['BIGINT', 'bigint'],
    ['HUGEINT', 'numeric(39, 0)'],
    ['DOUBLE', 'double precision'],
    ['DECIMAL(18,3)', 'numeric(18, 3)'],
    ['DATE', 'date'],
    ['TIMESTAMP', 'timestamp'],
    ['TIMESTAMP WITH TIME ZONE', 'timestamptz'],
  ])('%s → %s', (duckdb, postgres) => {
    expect(postgresType('t', 'c', duckdb)).toEqual({ kind: 'plain', sql: postgres });
  });

  it('keeps ENUM labels in their order, quotes included', () => {
    expect(postgresType('t', 'stage', "ENUM('lead', 'mql', 'it''s', 'won')")).toEqual({ kind: 'enum', labels: ['lead', 'mql', "it's", 'won'] });
  });

  it('names the column and what to do for a type it cannot map', () => {
    expect(() => postgresType('leads', 'tags', 'VARCHAR[]')).toThrow(UnsupportedColumnTypeError);
    expect(() => postgresType('leads', 'tags', 'VARCHAR[]')).toThrow(/leads\.tags has DuckDB type VARCHAR\[\]/);
  });
});
