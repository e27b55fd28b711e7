import { sql, type Kysely, type QueryExecutorProvider } from 'kysely';
import { MART_TABLES } from '../mart-tables';
import { namesAsWord } from '../models/model';
import { contractColumnTests, contractNotNullTests } from './contract-tests';
import type { DataTestResult } from './data-test';
import type { DataTest } from './generic-tests';
import { goalTests } from './goal-tests';
import { warehouseTests } from './warehouse-tests';

export type { DataTestResult } from './data-test';
export type { DataTest } from './generic-tests';
export { portableTests } from './generic-tests';

const SAMPLE_SIZE = 10;

/** Every data test of a build: the column contract first, then the marts' own tests. */
export const buildDataTests: readonly DataTest[] = [...contractColumnTests, ...contractNotNullTests, ...warehouseTests, ...goalTests];

const contractGates = new Set<DataTest>(contractColumnTests);

async function runOne(db: QueryExecutorProvider, test: DataTest): Promise<DataTestResult> {
  const counted = await sql<{ n: number }>`select count(*)::integer as n from (${test.failing}) failing`.execute(db);
  const failingCount = Number(counted.rows[0]?.n ?? 0);
  const sample = failingCount > 0 ? (await sql<Record<string, unknown>>`select * from (${test.failing}) failing limit ${sql.lit(SAMPLE_SIZE)}`.execute(db)).rows : [];
  return { name: test.name, model: test.model, passed: failingCount === 0, failingCount, sample };
}

/** One data test as a job for the build's scheduler (`BuildModelsContext.beside`). */
export interface DataTestJob {
  /** The test's SQL, for finding the marts it reads (every table it names, quoted or not). */
  readonly sql: string;
  run(db: QueryExecutorProvider): Promise<void>;
}

export interface DataTestRun {
  /** One job per test, in the order given; each may run on any connection, after the marts it reads. */
  readonly jobs: readonly DataTestJob[];
  /** Once every job has run: one result per test, in the order given (only the contract's column checks when one of them failed). */
  results(): DataTestResult[];
}

/** The marts of the contract a test's SQL names (unquoted in `expression` tests, so by word). */
function contractMartsNamed(text: string): string[] {
  return MART_TABLES.filter((name) => namesAsWord(text, name));
}

/**
 * The data tests as jobs that may run in any order the marts allow, on any connection. A
 * test runs after the contract's column check of every mart it reads has passed (run then by
 * whichever job needs it first); when a column check fails, the tests of that mart, and of
 * every mart once the failure is known, are not run: they would fail on the same column with
 * a binder error instead of saying which.
 */
export function dataTestRun(db: QueryExecutorProvider, tests: readonly DataTest[] = buildDataTests): DataTestRun {
  const results = new Map<DataTest, DataTestResult>();
  const gateOf = new Map(tests.filter((t) => contractGates.has(t)).map((t) => [t.model, t]));
  const gateRuns = new Map<string, Promise<boolean>>();
  let gateFailed = false;
  const gate = (mart: string, on: QueryExecutorProvider): Promise<boolean> => {
    const test = gateOf.get(mart);
    if (!test) return Promise.resolve(true);
    let running = gateRuns.get(mart);
    if (!running) {
      running = runOne(on, test).then((result) => {
        results.set(test, result);
        if (!result.passed) gateFailed = true;
        return result.passed;
      });
      gateRuns.set(mart, running);
    }
    return running;
  };
  const jobs = tests.map((test): DataTestJob => {
    const text = test.failing.compile(db).sql;
    const reads = [...new Set([test.model, ...contractMartsNamed(text)])];
    return {
      sql: text,
      async run(on) {
        if (contractGates.has(test)) {
          await gate(test.model, on);
          return;
        }
        const passed = await Promise.all(reads.map((mart) => gate(mart, on)));
        if (gateFailed || passed.includes(false)) return;
        results.set(test, await runOne(on, test));
      },
    };
  });
  return {
    jobs,
    results() {
      const ran = (t: DataTest): DataTestResult => {
        const result = results.get(t);
        if (!result) throw new Error(`dataTestRun: ${t.name} on ${t.model} has not run; run every job first.`);
        return result;
      };
      return gateFailed ? tests.filter((t) => contractGates.has(t)).map(ran) : tests.map(ran);
    },
  };
}

/**
 * Runs data tests (default: every build test) over the marts, one after another; one result
 * per test. When a mart's columns break the contract, only the contract's column checks are
 * reported (`dataTestRun`).
 */
export async function runDataTests(db: Kysely<unknown>, tests: readonly DataTest[] = buildDataTests): Promise<DataTestResult[]> {
  const run = dataTestRun(db, tests);
  const gatesFirst = [...run.jobs.filter((_, i) => contractGates.has(tests[i]!)), ...run.jobs.filter((_, i) => !contractGates.has(tests[i]!))];
  for (const job of gatesFirst) await job.run(db);
  return run.results();
}
