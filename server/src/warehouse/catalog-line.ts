/**
 * The order of one process's rollup catalog changes (builds, drops) and its reads of the list
 * of rollup tables, for Cube drivers whose builds may run beside each other (Postgres).
 *
 * Cube caches the list of rollup tables, each read overwriting the cached list (last write
 * wins), and a builder's waiters look their table up in that list after the build. A read that
 * ran beside a build could miss the build's table and be cached after the builder had cached
 * the list with it: the waiters then failed with "Pre-aggregation table is not found … after it
 * was successfully created". Here changes run beside each other, but a read waits for the
 * changes already running, and changes asked for while a read runs wait for it. A read's
 * answer is cached by promise continuations alone, so it is cached before any change that
 * waited for it can finish; a read after a change sees its result.
 */
export interface CatalogLine {
  /** A catalog change: runs beside other changes, never beside a read. */
  change<T>(work: () => Promise<T>): Promise<T>;
  /** A read of the catalog: after the changes running when it is asked for, alone. */
  read<T>(work: () => Promise<T>): Promise<T>;
}

export function catalogLine(): CatalogLine {
  const running = new Set<Promise<unknown>>();
  let reads: Promise<unknown> = Promise.resolve();
  return {
    async change(work) {
      // Until no read is running or asked for before this change.
      for (let last = reads; ; last = reads) {
        await last;
        if (last === reads) break;
      }
      const job = work();
      running.add(job);
      try {
        return await job;
      } finally {
        running.delete(job);
      }
    },
    read(work) {
      const job = reads.then(async () => {
        await Promise.allSettled([...running]);
        return work();
      });
      reads = job.catch(() => undefined);
      return job;
    },
  };
}
