/**
 * `npm run serve -- --workers N`: Cube's production topology on one machine. N API processes
 * share the port (node:cluster) and never run the refresh scheduler (CUBEJS_REFRESH_WORKER=
 * false); one more process is the refresh worker (CUBEJS_REFRESH_WORKER=true), which builds the
 * rollups. Rollups are stored in Postgres (`external: false`, schema `pre_aggregations`), so
 * every API process finds and reads the same tables. Cube's cache and queue stay in each
 * process's memory: without Cube Store (or the Redis driver Cube 1.x removed) there is no
 * shared queue, so an API process asked for a rollup the worker has not built yet builds it
 * itself on demand, and answers meanwhile with Cube's "Continue wait" (never an error).
 * Needs the warehouse in Postgres: a DuckDB file's rollups live in each process's memory.
 */
import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';

export type ClusterRole = 'api' | 'refresh';

export interface ClusterOptions {
  readonly workers: number;
  readonly log?: (message: string) => void;
}

export class ClusterNeedsPostgresError extends Error {
  constructor() {
    super(
      '--workers needs the warehouse in Postgres (CUBEJS_DB_TYPE=postgres with CUBEJS_DB_HOST/PORT/NAME/USER/PASS, after npm run publish): ' +
        "a DuckDB file's rollups live in each process's memory, so API processes could not share them.",
    );
    this.name = 'ClusterNeedsPostgresError';
  }
}

/** This process's role when it was started by runClusterPrimary, else undefined. */
export function clusterRole(): ClusterRole | undefined {
  if (cluster.isPrimary) return undefined;
  return process.env.CLOSEDLOOP_CLUSTER_ROLE === 'refresh' ? 'refresh' : 'api';
}

/** Starts the API processes and the refresh worker, restarts any that die, and stops them all on SIGINT/SIGTERM. */
export function runClusterPrimary(options: ClusterOptions): Promise<void> {
  const log = options.log ?? ((message: string) => console.error(message));
  if (process.env.CUBEJS_DB_TYPE !== 'postgres') throw new ClusterNeedsPostgresError();
  let stopping = false;
  const roles = new Map<Worker, ClusterRole>();
  const fork = (role: ClusterRole): void => {
    const worker = cluster.fork({ CLOSEDLOOP_CLUSTER_ROLE: role, CUBEJS_REFRESH_WORKER: role === 'refresh' ? 'true' : 'false' });
    roles.set(worker, role);
  };
  cluster.on('exit', (worker, code, signal) => {
    const role = roles.get(worker) ?? 'api';
    roles.delete(worker);
    if (stopping) return;
    log(`[closedloop] ${role} process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork(role);
  });
  fork('refresh');
  for (let i = 0; i < options.workers; i += 1) fork('api');
  log(`[closedloop] cluster: ${options.workers} API process(es) and 1 refresh worker, pre-aggregations in Postgres`);
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
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
