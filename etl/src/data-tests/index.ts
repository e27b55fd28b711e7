import { sql, type Kysely } from 'kysely';
import { contractColumnTests, contractNotNullTests } from './contract-tests';
import type { DataTestResult } from './data-test';
import type { DataTest } from './generic-tests';
import { goalTests } from './goal-tests';
import { warehouseTests } from './warehouse-tests';

export type { DataTestResult } from './data-test';
export type { DataTest } from './generic-tests';

const SAMPLE_SIZE = 10;

/** Every data test of a build: the column contract first, then the marts' own tests. */
export const buildDataTests: readonly DataTest[] = [...contractColumnTests, ...contractNotNullTests, ...warehouseTests, ...goalTests];

const contractGates = new Set<DataTest>(contractColumnTests);

async function runOne(db: Kysely<unknown>, test: DataTest): Promise<DataTestResult> {
  const counted = await sql<{ n: number }>`select count(*)::integer as n from (${test.failing}) failing`.execute(db);
  const failingCount = Number(counted.rows[0]?.n ?? 0);
  const sample = failingCount > 0 ? (await sql<Record<string, unknown>>`select * from (${test.failing}) failing limit ${sql.lit(SAMPLE_SIZE)}`.execute(db)).rows : [];
  return { name: test.name, model: test.model, passed: failingCount === 0, failingCount, sample };
}

/**
 * Runs data tests (default: every build test) over the marts; one result per test. When a
 * mart's columns break the contract, the tests after the contract's column checks are not
 * run (they would fail on the same column with a binder error instead of saying which).
 */
export async function runDataTests(db: Kysely<unknown>, tests: readonly DataTest[] = buildDataTests): Promise<DataTestResult[]> {
  const gates = tests.filter((test) => contractGates.has(test));
  const results: DataTestResult[] = [];
  for (const test of gates) results.push(await runOne(db, test));
  if (results.some((result) => !result.passed)) return results;
  for (const test of tests) if (!contractGates.has(test)) results.push(await runOne(db, test));
  return results;
}
