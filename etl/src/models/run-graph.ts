/**
 * Run a list of jobs on `workers` workers at once, each job after the jobs it depends on.
 *
 * A free worker takes the first job in list order whose dependencies are done (the list
 * order is the preferred order: the build lists its marts so that large intermediate tables
 * are dropped early). Dependencies are positions earlier in the list, so there are no cycles.
 * After a failure no job starts; the jobs already running finish (their connections stay
 * usable for the caller's cleanup), then the first error is thrown.
 *
 * `retryAlone(error)`: a job that failed with such an error (DuckDB out of memory: two large
 * marts at once can pin more than the buffer pool holds) goes back in the list, to run once
 * more alone: when taken, it waits for the running jobs to finish and no job starts beside it.
 * Only its second failure fails the run.
 */
export interface GraphJob {
  /** Positions (in the list given to `runGraph`) of the jobs this one must wait for; all lower than its own. */
  readonly after: readonly number[];
}

export interface RunGraphOptions {
  readonly retryAlone?: (error: unknown) => boolean;
}

export async function runGraph<J extends GraphJob>(
  jobs: readonly J[],
  workers: number,
  run: (job: J, index: number, worker: number) => Promise<void>,
  options: RunGraphOptions = {},
): Promise<void> {
  for (const [i, job] of jobs.entries()) {
    const late = job.after.find((d) => d >= i || d < 0);
    if (late !== undefined) throw new Error(`runGraph: job ${i} waits for job ${late}; a job may only wait for jobs listed before it.`);
  }
  const started = new Set<number>();
  const done = new Set<number>();
  let failure: { error: unknown } | undefined;
  let running = 0;
  /** Jobs that failed once with a `retryAlone` error, and the one of them running (or about to). */
  const toRunAlone = new Set<number>();
  let alone: number | undefined;
  let waiting: (() => void)[] = [];
  const wait = (): Promise<void> => new Promise<void>((resolve) => waiting.push(resolve));
  const wakeAll = (): void => {
    const wake = waiting;
    waiting = [];
    for (const resolve of wake) resolve();
  };
  const nextJob = (): number => (alone === undefined ? jobs.findIndex((job, i) => !started.has(i) && job.after.every((d) => done.has(d))) : -1);

  const worker = async (w: number): Promise<void> => {
    while (!failure && started.size < jobs.length) {
      const i = nextJob();
      if (i < 0) {
        await wait();
        continue;
      }
      started.add(i);
      running++;
      try {
        if (toRunAlone.has(i)) {
          alone = i;
          while (running > 1) await wait();
          if (failure) continue;
        }
        await run(jobs[i]!, i, w);
        done.add(i);
      } catch (error) {
        if (!toRunAlone.has(i) && !failure && options.retryAlone?.(error)) {
          toRunAlone.add(i);
          started.delete(i);
        } else {
          failure ??= { error };
        }
      } finally {
        running--;
        if (alone === i) alone = undefined;
        wakeAll();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, (_, w) => worker(w)));
  if (failure) throw failure.error;
}
