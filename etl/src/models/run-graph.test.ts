/**
 * runGraph: which job runs when, on how many workers. Jobs take a number of event-loop turns
 * (`setImmediate`), not wall time, so the interleaving is the same on any machine.
 */
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-warehouse';
import { isOutOfMemory } from './index';
import type { RawDatabase } from './raw-schema';
import { runGraph } from './run-graph';

interface Job {
  readonly name: string;
  readonly after: readonly number[];
  readonly turns: number;
  readonly fails?: boolean;
  /** Fails with an out-of-memory error the first `n` times it runs. */
  readonly outOfMemory?: number;
}

const OOM = 'Out of Memory Error: failed to pin block';

const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/** Runs the jobs; returns the log of starts and ends, and the most jobs running at once. */
async function trace(jobs: readonly Job[], workers: number): Promise<{ log: string[]; peak: number; error?: string }> {
  const log: string[] = [];
  let running = 0;
  let peak = 0;
  const runs = new Map<string, number>();
  try {
    await runGraph(
      jobs,
      workers,
      async (job, _i, worker) => {
        running++;
        peak = Math.max(peak, running);
        log.push(`start ${job.name}@${worker}`);
        runs.set(job.name, (runs.get(job.name) ?? 0) + 1);
        await turns(job.turns);
        running--;
        log.push(`end ${job.name}`);
        if (job.fails) throw new Error(`${job.name} failed`);
        if ((runs.get(job.name) ?? 0) <= (job.outOfMemory ?? 0)) throw new Error(`${job.name}: ${OOM}`);
      },
      { retryAlone: (error) => error instanceof Error && error.message.includes(OOM) },
    );
  } catch (error) {
    return { log, peak, error: (error as Error).message };
  }
  return { log, peak };
}

describe('runGraph', () => {
  it.each([
    {
      case: 'one worker: list order, one at a time',
      workers: 1,
      jobs: [{ name: 'a', after: [], turns: 3 }, { name: 'b', after: [], turns: 1 }],
      log: ['start a@0', 'end a', 'start b@0', 'end b'],
      peak: 1,
    },
    {
      case: 'two workers, independent jobs: two at a time, the next free worker takes the next job',
      workers: 2,
      jobs: [{ name: 'a', after: [], turns: 5 }, { name: 'b', after: [], turns: 1 }, { name: 'c', after: [], turns: 1 }],
      log: ['start a@0', 'start b@1', 'end b', 'start c@1', 'end c', 'end a'],
      peak: 2,
    },
    {
      case: 'a job waits for the job it reads even with a worker free',
      workers: 2,
      jobs: [{ name: 'leads', after: [], turns: 4 }, { name: 'leaks', after: [0], turns: 1 }, { name: 'spend', after: [], turns: 1 }],
      log: ['start leads@0', 'start spend@1', 'end spend', 'end leads', 'start leaks@0', 'end leaks'],
      peak: 2,
    },
    {
      case: 'a worker with nothing ready waits, then takes the job that became ready',
      workers: 2,
      jobs: [{ name: 'a', after: [], turns: 2 }, { name: 'b', after: [0], turns: 1 }, { name: 'c', after: [0, 1], turns: 1 }],
      log: ['start a@0', 'end a', 'start b@0', 'end b', 'start c@0', 'end c'],
      peak: 1,
    },
    {
      case: 'more workers than jobs',
      workers: 4,
      jobs: [{ name: 'a', after: [], turns: 1 }],
      log: ['start a@0', 'end a'],
      peak: 1,
    },
  ])('$case', async ({ workers, jobs, log, peak }) => {
    const result = await trace(jobs, workers);
    expect(result).toEqual({ log, peak });
  });

  it('after a failure starts nothing, lets the running job finish, then throws the error', async () => {
    const result = await trace(
      [
        { name: 'long', after: [], turns: 6 },
        { name: 'bad', after: [], turns: 1, fails: true },
        { name: 'never', after: [], turns: 1 },
      ],
      2,
    );
    expect(result).toEqual({ log: ['start long@0', 'start bad@1', 'end bad', 'end long'], peak: 2, error: 'bad failed' });
  });

  it('a job out of memory runs again alone: after the running jobs end, with none beside it', async () => {
    const result = await trace(
      [
        { name: 'long', after: [], turns: 6 },
        { name: 'big', after: [], turns: 1, outOfMemory: 1 },
        { name: 'next', after: [], turns: 1 },
        { name: 'last', after: [], turns: 1 },
      ],
      2,
    );
    expect(result.error).toBeUndefined();
    expect(result.log).toEqual(['start long@0', 'start big@1', 'end big', 'end long', 'start big@1', 'end big', 'start next@1', 'start last@0', 'end next', 'end last']);
  });

  it('a job out of memory twice fails the run; other errors are not retried', async () => {
    const twice = await trace([{ name: 'big', after: [], turns: 1, outOfMemory: 2 }, { name: 'other', after: [0], turns: 1 }], 2);
    expect(twice).toEqual({ log: ['start big@0', 'end big', 'start big@0', 'end big'], peak: 1, error: `big: ${OOM}` });
    const other = await trace([{ name: 'bad', after: [], turns: 1, fails: true }, { name: 'b', after: [0], turns: 1 }], 1);
    expect(other).toEqual({ log: ['start bad@0', 'end bad'], peak: 1, error: 'bad failed' });
  });

  it('two jobs out of memory at once each run again alone, one after the other', async () => {
    const result = await trace(
      [
        { name: 'a', after: [], turns: 2, outOfMemory: 1 },
        { name: 'b', after: [], turns: 2, outOfMemory: 1 },
        { name: 'c', after: [], turns: 1 },
      ],
      2,
    );
    expect(result.error).toBeUndefined();
    expect(result.log).toEqual(['start a@0', 'start b@1', 'end a', 'end b', 'start a@0', 'end a', 'start b@0', 'end b', 'start c@0', 'end c']);
  });

  it('refuses a job that waits for itself or a later job', async () => {
    await expect(runGraph([{ after: [1] }, { after: [] }], 2, async () => {})).rejects.toThrow(/job 0 waits for job 1/);
  });

  it('no jobs: returns at once', async () => {
    await expect(runGraph([], 2, async () => {})).resolves.toBeUndefined();
  });
});

describe('isOutOfMemory', () => {
  it("recognises DuckDB's out-of-memory error, and nothing else", async () => {
    const open = await openDatabase<RawDatabase>(':memory:', { threads: '1', memory_limit: '20MB' });
    try {
      const db = open.db as unknown as Kysely<unknown>;
      const oom = await sql`select list(i::varchar || repeat('x', 100)) from range(2000000) t(i)`.execute(db).catch((error: unknown) => error);
      expect(isOutOfMemory(oom)).toBe(true);
      const other = await sql`select * from no_such_table`.execute(db).catch((error: unknown) => error);
      expect(isOutOfMemory(other)).toBe(false);
    } finally {
      await open.close();
    }
  });
});
