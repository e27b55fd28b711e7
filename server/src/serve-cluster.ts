/**
 * `npm run serve -- --workers N`: N API processes share the port (node:cluster, round-robin
 * over connections); what else runs depends on where the rollups live.
 * - Postgres: Cube's production topology. The API processes never run the refresh scheduler
 *   (CUBEJS_REFRESH_WORKER=false); one more process is the refresh worker, which builds the
 *   rollups in Postgres (`external: false`, schema `pre_aggregations`), so every API process
 *   finds and reads the same tables. Cube's cache and queue stay in each process's memory:
 *   without Cube Store (or the Redis driver Cube 1.x removed) there is no shared queue, so an
 *   API process asked for a rollup the worker has not built yet builds it itself on demand,
 *   and answers meanwhile with Cube's "Continue wait" (never an error). Two processes building
 *   the same version build one table, and no process drops a table another may be reading
 *   (the Postgres driver, postgres-warehouse.ts).
 * - A DuckDB file: each API process is a whole server, as `npm run serve` alone — the file
 *   attached read-only (DuckDB lets any number of processes read one file), its own refresh
 *   worker and its rollups in its own memory, its own switch to a new build. Each process
 *   builds every rollup (N× the build work and the rollups' memory) in exchange for using
 *   every core: one process answers from one JavaScript thread.
 */
import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';

export type ClusterRole = 'api' | 'refresh';

export interface ClusterOptions {
  readonly workers: number;
  readonly log?: (message: string) => void;
}

/** This process's role when it was started by runClusterPrimary, else undefined. */
export function clusterRole(): ClusterRole | undefined {
  if (cluster.isPrimary) return undefined;
  return process.env.CLOSEDLOOP_CLUSTER_ROLE === 'refresh' ? 'refresh' : 'api';
}

/**
 * Starts the API processes (and the refresh worker), restarts any that die after serving, stops
 * them all on SIGINT/SIGTERM, and stops them all with exit code 1 when one cannot start.
 */
export function runClusterPrimary(options: ClusterOptions): Promise<void> {
  const log = options.log ?? ((message: string) => console.error(message));
  // Over a DuckDB file every API process refreshes its own rollups; no separate worker.
  const sharedRollups = process.env.CUBEJS_DB_TYPE === 'postgres';
  let stopping = false;
  const roles = new Map<Worker, ClusterRole>();
  // Processes that have served (their HTTP server listened): only those are restarted when they die.
  const served = new Set<Worker>();
  const fork = (role: ClusterRole): void => {
    const worker = cluster.fork({ CLOSEDLOOP_CLUSTER_ROLE: role, CUBEJS_REFRESH_WORKER: role === 'refresh' || !sharedRollups ? 'true' : 'false' });
    roles.set(worker, role);
  };
  return new Promise((done) => {
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      for (const worker of roles.keys()) worker.process.kill('SIGTERM');
      // A process that has not closed within 15 s is stopped hard.
      setTimeout(() => {
        for (const worker of roles.keys()) worker.process.kill('SIGKILL');
      }, 15_000).unref();
      const check = setInterval(() => {
        if (roles.size === 0) {
          clearInterval(check);
          done();
        }
      }, 100);
    };
    cluster.on('listening', (worker) => served.add(worker));
    cluster.on('exit', (worker, code, signal) => {
      const role = roles.get(worker) ?? 'api';
      roles.delete(worker);
      if (stopping) return;
      if (!served.delete(worker)) {
        // It failed before serving (it printed why: a missing warehouse, a refused login…);
        // another would fail the same way.
        log(`[closedloop] ${role} process ${worker.process.pid} could not start (${signal ?? code}); stopping the cluster`);
        process.exitCode = 1;
        stop();
        return;
      }
      log(`[closedloop] ${role} process ${worker.process.pid} exited (${signal ?? code}); starting another`);
      fork(role);
    });
    if (sharedRollups) fork('refresh');
    for (let i = 0; i < options.workers; i += 1) fork('api');
    log(
      sharedRollups
        ? `[closedloop] cluster: ${options.workers} API process(es) and 1 refresh worker, pre-aggregations in Postgres`
        : `[closedloop] cluster: ${options.workers} API process(es) over the DuckDB file, each building its own pre-aggregations in memory`,
    );
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
