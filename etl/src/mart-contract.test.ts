import { describe, expect, it } from 'vitest';
import { MART_CONTRACT, MART_TABLES, compareToContract, duckdbType, formatMismatches, postgresType } from './mart-contract';
import type { LogicalType, MartContract } from './mart-contract';
import { createStatements } from './publish/publish-to-postgres';

describe('logical types in each warehouse', () => {
  const cases: { type: LogicalType; duckdb: string; postgres: string }[] = [
    { type: { kind: 'text' }, duckdb: 'VARCHAR', postgres: 'text' },
    { type: { kind: 'category' }, duckdb: 'ENUM(…)', postgres: 'text' },
    { type: { kind: 'enum', name: 'funnel_stage', values: ['lead', "it's"] }, duckdb: "ENUM('lead', 'it''s')", postgres: 'funnel_stage' },
    { type: { kind: 'integer', bits: 32 }, duckdb: 'INTEGER', postgres: 'integer' },
    { type: { kind: 'integer', bits: 64 }, duckdb: 'BIGINT', postgres: 'bigint' },
    { type: { kind: 'double' }, duckdb: 'DOUBLE', postgres: 'double precision' },
    { type: { kind: 'decimal', precision: 18, scale: 3 }, duckdb: 'DECIMAL(18,3)', postgres: 'numeric(18, 3)' },
    { type: { kind: 'timestamp_utc' }, duckdb: 'TIMESTAMP', postgres: 'timestamp without time zone' },
    { type: { kind: 'date' }, duckdb: 'DATE', postgres: 'date' },
    { type: { kind: 'boolean' }, duckdb: 'BOOLEAN', postgres: 'boolean' },
  ];
  it.each(cases)('$type.kind → $duckdb / $postgres', ({ type, duckdb, postgres }) => {
    expect(duckdbType(type)).toBe(duckdb);
    expect(postgresType(type)).toBe(postgres);
  });
});

describe('compareToContract', () => {
  const mart: MartContract = {
    name: 'm',
    grain: 'one row per test',
    columns: [
      { name: 'id', type: { kind: 'text' }, nullable: false },
      { name: 'amount', type: { kind: 'double' }, nullable: true },
    ],
  };
  const cases = [
    { found: [{ name: 'id', type: 'VARCHAR' }, { name: 'amount', type: 'DOUBLE' }], expected: [] },
    { found: [{ name: 'id', type: 'VARCHAR' }, { name: 'amount', type: 'VARCHAR' }], expected: [{ mart: 'm', column: 'amount', expected: 'DOUBLE', found: 'VARCHAR' }] },
    { found: [{ name: 'id', type: 'VARCHAR' }], expected: [{ mart: 'm', column: 'amount', expected: 'DOUBLE', found: '(missing)' }] },
    {
      found: [{ name: 'id', type: 'VARCHAR' }, { name: 'amount', type: 'DOUBLE' }, { name: 'extra', type: 'BIGINT' }],
      expected: [{ mart: 'm', column: 'extra', expected: '(no such column)', found: 'BIGINT' }],
    },
    {
      found: [{ name: 'id', type: 'VARCHAR', nullable: true }, { name: 'amount', type: 'DOUBLE', nullable: true }],
      expected: [{ mart: 'm', column: 'id', expected: 'VARCHAR NOT NULL', found: 'VARCHAR (nullable)' }],
    },
  ];
  it.each(cases)('%j', ({ found, expected }) => {
    expect(compareToContract(mart, found, duckdbType)).toEqual(expected);
  });

  const categoryMart: MartContract = { name: 'c', grain: 'one row per test', columns: [{ name: 'channel', type: { kind: 'category' }, nullable: false }] };
  it.each([
    { found: "ENUM('Email', 'Paid Search')", mismatch: false },
    { found: "ENUM('')", mismatch: false },
    { found: 'VARCHAR', mismatch: true },
    { found: 'ENUM', mismatch: true },
  ])('a category column is any ENUM in DuckDB: $found', ({ found, mismatch }) => {
    expect(compareToContract(categoryMart, [{ name: 'channel', type: found }], duckdbType)).toEqual(
      mismatch ? [{ mart: 'c', column: 'channel', expected: 'ENUM(…)', found }] : [],
    );
  });

  it('formats one line per mismatch naming mart, column, expected and found', () => {
    expect(formatMismatches([{ mart: 'leads', column: 'won_amount', expected: 'DOUBLE', found: 'VARCHAR' }])).toBe('  leads.won_amount: expected DOUBLE, found VARCHAR');
  });
});

describe('the contract itself', () => {
  it('names each mart once and each column once per mart', () => {
    expect(new Set(MART_TABLES).size).toBe(MART_TABLES.length);
    for (const mart of MART_CONTRACT) expect(new Set(mart.columns.map((c) => c.name)).size, mart.name).toBe(mart.columns.length);
  });

  it('publish creates the funnel stage ENUM once, in funnel order, and NOT NULL where the contract says never NULL', () => {
    const statements = createStatements('s');
    expect(statements.filter((s) => s.startsWith('CREATE TYPE'))).toEqual([
      `CREATE TYPE "s"."funnel_stage" AS ENUM ('lead', 'mql', 'handoff', 'sal', 'rejected', 'sql', 'won', 'lost')`,
    ]);
    const stageEvents = statements.find((s) => s.startsWith('CREATE TABLE "s"."stage_events"'));
    expect(stageEvents).toContain('"stage" "s"."funnel_stage" NOT NULL');
    expect(stageEvents).toContain('"previous_stage" "s"."funnel_stage",');
    expect(statements.filter((s) => s.startsWith('CREATE TABLE'))).toHaveLength(MART_TABLES.length);
  });
});
