// A vitest fixture with a fresh in-memory DuckDB per test (real DuckDB, no mocks).
import { DuckDBInstance } from '@duckdb/node-api';
import { test as base } from 'vitest';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Row = Record<string, Json>;

export interface Db {
  /** Runs a query and returns its rows as plain objects (BIGINT/DECIMAL as strings: cast to INTEGER/DOUBLE in SQL). */
  rows(sql: string): Promise<Row[]>;
  /** The first column of the first row. */
  value(sql: string): Promise<Json>;
  run(sql: string): Promise<void>;
}

export const test = base.extend<{ db: Db }>({
  // eslint-disable-next-line no-empty-pattern
  db: async ({}, use) => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const rows = async (sql: string): Promise<Row[]> => {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJson() as Row[];
    };
    await use({
      rows,
      value: async (sql) => {
        const first = (await rows(sql))[0];
        return first ? (Object.values(first)[0] ?? null) : null;
      },
      run: async (sql) => {
        await connection.run(sql);
      },
    });
    connection.closeSync();
    instance.closeSync();
  },
});

/** A SQL string literal. */
export const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
