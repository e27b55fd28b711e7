/**
 * The load runs of the cube and cluster cases: `npm run serve -- --workers N` in a child
 * process, waiting until every API process answers from its rollups, and N clients replaying
 * the dashboard's queries for a while.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { Agent, get } from 'node:http';
import { join } from 'node:path';
import { root } from '../../scripts/lib/paths';
import { load } from './cube-rest';
import { percentile } from './result';
import { freePort } from './serve-child';

export interface Cluster {
  readonly url: string;
  /** Peak resident memory of the primary and its processes (sum of VmHWM), MB. */
  peakRssMb(): Promise<number>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  readonly workers: number;
  /** Added to the environment; CUBEJS_DB_TYPE=postgres serves Postgres (one more process, the refresh worker). */
  readonly env?: Readonly<Record<string, string>>;
  /** The DuckDB warehouse file (not used over Postgres). */
  readonly warehouse?: string;
  /** A built dashboard folder to serve; none by default. */
  readonly web?: string;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { workers } = options;
  const port = await freePort();
  const postgres = options.env?.CUBEJS_DB_TYPE === 'postgres';
  const args = ['--import', 'tsx', join(root, 'server', 'cli.ts'), '--workers', String(workers), '--port', String(port)];
  args.push(...(options.web ? ['--web', options.web] : ['--no-web']), ...(options.warehouse ? ['--warehouse', options.warehouse] : []));
  const primary: ChildProcess = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  primary.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  primary.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 240_000;
  while ((output.match(/Cube API process/g) ?? []).length < workers || (postgres && !output.includes('refresh worker'))) {
    if (primary.exitCode !== null) throw new Error(`--workers ${workers} exited with ${primary.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`--workers ${workers} did not start within 240 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const rss = async (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''))?.[1] ?? 0);
  return {
    url: `http://127.0.0.1:${port}`,
    async peakRssMb() {
      const children = execFileSync('pgrep', ['-P', String(primary.pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
      const kb = (await Promise.all([primary.pid!, ...children].map(rss))).reduce((a, b) => a + b, 0);
      return Math.round(kb / 1024);
    },
    async stop() {
      if (primary.exitCode !== null) return;
      const exited = new Promise((r) => primary.once('exit', r));
      primary.kill('SIGTERM');
      const timer = setTimeout(() => primary.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Replays every query until the rollups serve as many of them as they will (stable for two
 * passes), four times each so that every API process gets it (node:cluster hands connections
 * round-robin). Returns how many queries a rollup serves in every process.
 */
export async function waitForRollups(url: string, queries: readonly unknown[]): Promise<number> {
  const deadline = Date.now() + 600_000;
  let previous = -1;
  let stable = 0;
  for (;;) {
    let covered = 0;
    for (const query of queries) {
      const answers = await Promise.all(Array.from({ length: 4 }, () => load(url, query)));
      if (answers.every((a) => a.usedPreAggregations)) covered++;
    }
    stable = covered === previous ? stable + 1 : 0;
    previous = covered;
    if ((stable >= 1 && covered > 0) || Date.now() > deadline) return covered;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

export interface LoadRun {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly errors: number;
  readonly requests: number;
  /** Each distinct error message and how often it came. */
  readonly errorMessages: ReadonlyMap<string, number>;
}

/**
 * `clients` concurrent clients, each replaying the queries in turn (from its own offset) for
 * `seconds`, as the dashboard sends them (Cube's cache on), each on a kept-alive connection of
 * its own. node:http rather than fetch: the clients share the machine's cores with the server,
 * and fetch cost twice the CPU per request (10,000 leads, 50 clients: 680–1,080 µs against
 * 340–480 µs), CPU the server under test did not get.
 */
export async function runLoad(url: string, queries: readonly unknown[], clients: number, seconds: number): Promise<LoadRun> {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  // As @cubejs-client/core sends them (queryType=multi: compareDateRange answers with one result per range).
  const paths = queries.map((query) => `/cubejs-api/v1/load?${new URLSearchParams({ query: JSON.stringify(query), queryType: 'multi' })}`);
  const latencies: number[] = [];
  const errorMessages = new Map<string, number>();
  let errors = 0;
  const started = performance.now();
  const until = Date.now() + seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let i = client; Date.now() < until; i++) {
          const sent = performance.now();
          try {
            // Cube answers "Continue wait" while a query is still running: ask again, as the client does.
            while ((await getJson(hostname, Number(port), paths[i % paths.length]!, agent)) === 'Continue wait');
            latencies.push(performance.now() - sent);
          } catch (error) {
            errors++;
            const message = error instanceof Error ? error.message.slice(0, 200) : String(error);
            errorMessages.set(message, (errorMessages.get(message) ?? 0) + 1);
          }
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const elapsed = (performance.now() - started) / 1000;
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors,
    requests: latencies.length + errors,
    errorMessages,
  };
}

/** GET a Cube REST path; resolves with Cube's "Continue wait" or nothing, rejects with any other error. */
function getJson(host: string, port: number, path: string, agent: Agent): Promise<'Continue wait' | undefined> {
  return new Promise((resolve, reject) => {
    get({ host, port, path, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        let body: { error?: string };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: string };
        } catch {
          reject(new Error(`load failed (${response.statusCode}): not JSON`));
          return;
        }
        if (body.error === 'Continue wait') resolve('Continue wait');
        else if (response.statusCode !== 200 || body.error) reject(new Error(`load failed (${response.statusCode}): ${body.error ?? 'no body'}`));
        else resolve(undefined);
      });
    }).on('error', reject);
  });
}
