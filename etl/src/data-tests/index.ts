import { sql, type Kysely } from 'kysely';
import type { DataTestResult } from './data-test';
import type { DataTest } from './generic-tests';
import { goalTests } from './goal-tests';
import { warehouseTests } from './warehouse-tests';

export type { DataTestResult } from './data-test';
export type { DataTest } from './generic-tests';

const SAMPLE_SIZE = 10;

/** Runs data tests (default: every warehouse test) over the marts; one result per test. */
export async function runDataTests(db: Kysely<unknown>, tests: readonly DataTest[] = [...warehouseTests, ...goalTests]): Promise<DataTestResult[]> {
  const results: DataTestResult[] = [];
  for (const test of tests) {
    const counted = await sql<{ n: number }>`select count(*)::integer as n from (${test.failing}) failing`.execute(db);
    const failingCount = Number(counted.rows[0]?.n ?? 0);
    const sample = failingCount > 0 ? (await sql<Record<string, unknown>>`select * from (${test.failing}) failing limit ${sql.lit(SAMPLE_SIZE)}`.execute(db)).rows : [];
    results.push({ name: test.name, model: test.model, passed: failingCount === 0, failingCount, sample });
  }
  return results;
}
