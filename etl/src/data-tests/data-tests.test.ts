import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { duckdbDialect } from '../db/duckdb-dialect';
import { openDatabase, type OpenDatabase } from '../db/open-warehouse';
import { acceptedValues, expression, notNull, portableTests, relationships, rowCount, unique } from './generic-tests';
import { contractColumnTests } from './contract-tests';
import { dataTestRun, runDataTests } from './index';

let open: OpenDatabase<unknown> | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function marts() {
  open = await openDatabase<unknown>(':memory:');
  const db = open.db;
  await sql`create table leads as select * from (values
    ('email:a@x.com', 'sal', timestamp '2026-01-02', timestamp '2026-01-03', null::timestamp, 'o1'),
    ('email:a@x.com', 'mql', timestamp '2026-01-02', null, null, null),
    ('email:b@x.com', 'hot', timestamp '2026-01-05', timestamp '2026-01-04', null, 'o9'),
    (null, 'lead', null, null, null, null),
    ('email:c@x.com', 'rejected', timestamp '2026-01-02', timestamp '2026-01-06', timestamp '2026-01-04', null)
  ) t(lead_id, stage, mql_at, sal_at, rejected_at, opportunity_id)`.execute(db);
  await sql`create table opportunities as select * from (values ('o1', 100.0), ('o2', -5.0)) t(opportunity_id, amount)`.execute(db);
  return db;
}

describe('data tests', () => {
  const cases = [
    { test: unique('leads', ['lead_id']), failing: 1, sample: { lead_id: 'email:a@x.com', n: 2 } },
    { test: notNull('leads', 'lead_id'), failing: 1, sample: { stage: 'lead' } },
    { test: acceptedValues('leads', 'stage', ['lead', 'mql', 'sal', 'rejected']), failing: 1, sample: { stage: 'hot' } },
    { test: relationships('leads', 'opportunity_id', 'opportunities', 'opportunity_id'), failing: 1, sample: { opportunity_id: 'o9' } },
    { test: expression('leads', 'mql_at ≤ sal_at', sql<boolean>`sal_at < mql_at`), failing: 1, sample: { lead_id: 'email:b@x.com' } },
    { test: expression('leads', 'never rejected first', sql<boolean>`rejected_at is not null and sal_at > rejected_at`), failing: 1, sample: { lead_id: 'email:c@x.com' } },
    { test: expression('opportunities', 'amount ≥ 0', sql<boolean>`amount < 0`), failing: 1, sample: { opportunity_id: 'o2', amount: -5 } },
    { test: rowCount('opportunities', 1), failing: 1, sample: { n: 2 } },
    { test: unique('opportunities', ['opportunity_id']), failing: 0, sample: undefined },
    // Two columns, a NULL in the key: (a, 2026-01-02) twice; the NULL lead's key (NULL, NULL) once.
    { test: unique('leads', ['lead_id', 'mql_at']), failing: 1, sample: { lead_id: 'email:a@x.com', n: 2 } },
    { test: unique('leads', ['rejected_at', 'opportunity_id']), failing: 1, sample: { rejected_at: null, opportunity_id: null, n: 2 } },
    { test: unique('leads', ['lead_id', 'stage']), failing: 0, sample: undefined },
  ];
  // Each test as the build runs it and in its portable SQL (what Postgres runs after a publish).
  for (const [form, c] of cases.flatMap((c) => [['build', c], ['portable', { ...c, test: portableTests([c.test])[0]! }]] as const)) {
    it(`${c.test.name} on ${c.test.model} (${form} SQL): ${c.failing} failing`, async () => {
      const db = await marts();
      const [result] = await runDataTests(db, [c.test]);
      expect(result).toMatchObject({ name: c.test.name, model: c.test.model, passed: c.failing === 0, failingCount: c.failing });
      if (c.sample) expect(result?.sample[0]).toMatchObject(c.sample);
      else expect(result?.sample).toEqual([]);
    });
  }
});

describe('data tests as jobs (dataTestRun, as the build runs them beside the marts)', () => {
  const gate = contractColumnTests.find((t) => t.model === 'opportunities')!;
  const cases = [
    {
      name: 'no contract gate: results in the order given, whatever order the jobs ran in',
      tests: [unique('leads', ['lead_id']), expression('opportunities', 'amount ≥ 0', sql<boolean>`amount < 0`), notNull('leads', 'lead_id')],
      expected: [{ name: 'unique(lead_id)', failingCount: 1 }, { name: 'amount ≥ 0', failingCount: 1 }, { name: 'not_null(lead_id)', failingCount: 1 }],
    },
    {
      // The fixture's opportunities lack most of the contract's columns: the test on a column
      // it lacks is not run (it would fail with a binder error), nor are the others.
      name: 'a failing contract gate: only the gates are reported, the tests after them are not run',
      tests: [gate, expression('opportunities', 'age ≥ 0', sql<boolean>`age_days < 0`), unique('leads', ['lead_id'])],
      expected: [{ name: 'contract(columns)', model: 'opportunities', passed: false }],
    },
  ];
  it.each(cases)('$name', async ({ tests, expected }) => {
    const db = await marts();
    const other = await open!.connect();
    const otherDb = new Kysely<unknown>({ dialect: duckdbDialect({ connection: other }) });
    try {
      const run = dataTestRun(db, tests);
      // Last job first, on two connections at once: a test waits for its mart's gate itself.
      await Promise.all([...run.jobs].reverse().map((job, i) => job.run(i % 2 === 0 ? db : otherDb)));
      const results = run.results();
      expect(results).toHaveLength(expected.length);
      expected.forEach((e, i) => expect(results[i]).toMatchObject(e));
    } finally {
      await otherDb.destroy();
      other.closeSync();
    }
  });

  it('results() before every job has run says so', async () => {
    const db = await marts();
    expect(() => dataTestRun(db, [notNull('leads', 'lead_id')]).results()).toThrow(/has not run; run every job first/);
  });
});
