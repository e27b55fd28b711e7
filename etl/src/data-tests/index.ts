import type { Kysely } from 'kysely';
import type { DataTestResult } from './data-test';

export type { DataTestResult } from './data-test';

/** Runs every data test over the marts; a result per test (placeholder until the tests land). */
export async function runDataTests(_db: Kysely<unknown>): Promise<DataTestResult[]> {
  return [];
}
