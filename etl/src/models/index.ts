/**
 * Runs every model in dependency order over the raw schema:
 * agreement seeds (schema `agreement`) → staging → intermediate (both temporary objects of
 * this connection) → marts (schema `main`, tables in the warehouse file).
 *
 * The session time zone is set to UTC first: text timestamps without an offset (Salesforce
 * and Marketo never omit it; date-only fields) then read as UTC, and nothing depends on
 * the machine's zone.
 */
import { sql, type Kysely } from 'kysely';
import type { Agreement } from '../agreement/agreement';
import { intermediateModels } from './intermediate/index';
import { martModels } from './marts/index';
import { attachScratch, materialise, modelSqlForAnalysis, namesAsWord, ref, SCRATCH_DATABASE, type Layer, type Model, type Warehouse } from './model';
import type { RawDatabase } from './raw-schema';
import { runGraph } from './run-graph';
import { seedAgreement } from './seed-agreement';
import { stagingModels } from './staging/index';

export type { RawDatabase } from './raw-schema';

export interface BuildModelsContext {
  readonly agreement: Agreement;
  /**
   * Called once no later model reads the raw exports (`raw.<format>`, directly or through a
   * staging view), after the marts of staging (`rejected_rows`, `file_reconciliation`): the
   * build checks the formats there and releases the raw records (`releaseRawFiles`).
   */
  readonly afterRaw?: () => Promise<void>;
  /**
   * Called after each model: `slices` > 1 when it was built in slices (`Model.slices`); `ms`
   * from its start to its end (marts built beside each other overlap).
   */
  readonly onModel?: (name: string, layer: Layer, slices: number, ms: number) => void;
  /** Slice sliced models at this many input rows (tests; default: by the memory limit, `Model.slices`). */
  readonly rowsPerSlice?: number;
  /** Bits of the person key's hash (tests force collisions; default 63, int_people_unified_by_email). */
  readonly personKeyBits?: number;
  /**
   * A second connection to the same database (the caller's session settings applied), so
   * the marts after build_info run two at a time (`buildModels`). Without it every model
   * runs on `db`, one after another.
   */
  readonly connect?: () => Promise<ModelConnection>;
  /**
   * Read-only work run on the marts' connections while the marts are built, each job once
   * every mart its SQL names (as a word) is built; a connection takes one only when no mart
   * is ready for it (the build's data tests, `dataTestRun`, filling a connection that would
   * idle while the last marts run). Every job has run when `buildModels` returns.
   */
  readonly beside?: readonly BesideJob[];
}

/** A job for `BuildModelsContext.beside`: its SQL text (for the marts it reads) and how to run it. */
export interface BesideJob {
  readonly sql: string;
  run(db: Kysely<Warehouse>): Promise<void>;
}

/** A connection `buildModels` borrows for marts built beside the others; it calls `close` when done. */
export interface ModelConnection {
  readonly db: Kysely<Warehouse>;
  close(): Promise<void>;
}

const readsStaging = new Set(['rejected_rows', 'file_reconciliation']);
const [buildInfo, ...otherMarts] = martModels.filter((m) => !readsStaging.has(m.name));
const stagingMarts = martModels.filter((m) => readsStaging.has(m.name));

/**
 * Every model, in the order it runs: rejected_rows, file_reconciliation and build_info are the only marts
 * that read staging, so they run first and staging is dropped before the big marts (memory);
 * each temporary model is dropped once the last model reading it has run (`lastUses`).
 */
export const models: readonly Model[] = [
  ...stagingModels,
  ...stagingMarts,
  ...intermediateModels,
  ...(buildInfo ? [buildInfo] : []),
  ...otherMarts,
];

/** Drop temporary models (views before the tables they read), freeing their memory. */
async function dropTemporary(db: Kysely<Warehouse>, dropped: readonly Model[]): Promise<void> {
  for (const kind of ['view', 'table'] as const) {
    for (const m of [...dropped].reverse()) {
      if (m.materialized !== kind) continue;
      await (kind === 'view' ? sql`drop view if exists ${ref(m.name)}` : sql`drop table if exists ${ref(m.name)}`).execute(db);
    }
  }
}

/**
 * For each temporary (staging, intermediate) model, the position in `order` after which
 * nothing reads it any more — directly, or through a view that a later model reads — so the
 * build can drop it there. At ten million leads the intermediate tables alone are larger
 * than the build's memory limit; each one dropped early is memory the marts can use.
 * Readers are found in each model's SQL text (`ref` quotes every name).
 */
export function lastUses(order: readonly Model[], sqlOf: (model: Model) => string): Map<string, number> {
  const texts = order.map(sqlOf);
  const last = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const model = order[i]!;
    if (model.layer === 'marts') continue;
    let use = i;
    for (let r = i + 1; r < order.length; r++) {
      if (!texts[r]!.includes(`"${model.name}"`)) continue;
      const reader = order[r]!;
      use = Math.max(use, reader.materialized === 'view' && reader.layer !== 'marts' ? (last.get(reader.name) ?? r) : r);
    }
    last.set(model.name, use);
  }
  return last;
}

/**
 * The position in `order` after which no model reads the raw exports (`"raw"."<format>"`;
 * not the loader's own `raw._load_*` tables), directly or through a temporary view (whose
 * reads last as long as the view's, `last` from `lastUses`); -1 when none does.
 */
export function lastRawRead(order: readonly Model[], sqlOf: (model: Model) => string, last: ReadonlyMap<string, number>): number {
  let at = -1;
  for (const [i, model] of order.entries()) {
    if (!/"raw"\."(?!_load_)/.test(sqlOf(model))) continue;
    at = Math.max(at, model.materialized === 'view' && model.layer !== 'marts' ? (last.get(model.name) ?? i) : i);
  }
  return at;
}

/**
 * DuckDB ran out of memory it could not spill: at ten million leads, two large marts (or a mart
 * and the data tests) side by side can pin more than the buffer pool holds (seen once in five
 * 10M builds, 2026-12-05). The query is rolled back; `buildModels` runs it again alone.
 */
export function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('Out of Memory Error');
}

/**
 * Runs every model in `models`' order on `db`, except the marts after build_info: with
 * `ctx.connect`, they run two at a time (each after the marts it reads, `runGraph`) on `db`
 * and a second connection. Most of a mart's time is writing it into the warehouse file, which
 * keeps ~1.4 of 2 cores busy; two at a time fill the rest. They read only intermediate tables
 * (in the scratch database, which both connections see), the agreement and other marts.
 * `ctx.beside` jobs run among them, after the marts they read. One that runs out of memory runs
 * again alone (`isOutOfMemory`).
 * Each temporary model is dropped as soon as every model up to its last reader has finished.
 */
export async function buildModels(db: Kysely<RawDatabase>, ctx: BuildModelsContext): Promise<void> {
  const wh = db as unknown as Kysely<Warehouse>;
  await sql`set TimeZone = 'UTC'`.execute(wh);
  await attachScratch(wh);
  await seedAgreement(wh, ctx.agreement);
  const modelCtx = {
    db: wh, agreement: ctx.agreement,
    ...(ctx.rowsPerSlice ? { rowsPerSlice: ctx.rowsPerSlice } : {}), ...(ctx.personKeyBits ? { personKeyBits: ctx.personKeyBits } : {}),
  };
  // Each model's SQL, compiled once for both analyses of who reads what.
  const texts = new Map(models.map((m) => [m, modelSqlForAnalysis(modelCtx, m, (q) => sql`${q}`.compile(wh).sql)]));
  const sqlOf = (m: Model): string => texts.get(m) ?? '';
  const last = lastUses(models, sqlOf);
  const rawDone = Math.max(lastRawRead(models, sqlOf, last), ...stagingMarts.map((m) => models.indexOf(m)));
  const firstParallel = otherMarts[0] ? models.indexOf(otherMarts[0]) : models.length;
  // Staging objects are the first connection's own (catalog temp): none may outlive the serial part.
  const late = models.find((m, i) => m.layer === 'staging' && (last.get(m.name) ?? i) >= firstParallel);
  if (late || rawDone >= firstParallel) throw new Error(`buildModels: ${late?.name ?? 'the raw exports'} is read by a mart after build_info; read it from an intermediate table.`);

  const finished = new Set<number>();
  const dropped = new Set<string>();
  const run = async (on: Kysely<Warehouse>, model: Model, i: number): Promise<void> => {
    const started = performance.now();
    const slices = await materialise({ ...modelCtx, db: on }, model);
    ctx.onModel?.(model.name, model.layer, slices, Math.round(performance.now() - started));
    finished.add(i);
    let upTo = 0;
    while (finished.has(upTo)) upTo++;
    const due = models.filter((m) => m.layer !== 'marts' && !dropped.has(m.name) && (last.get(m.name) ?? Infinity) < upTo);
    for (const m of due) dropped.add(m.name);
    await dropTemporary(on, due);
  };

  for (const [i, model] of models.slice(0, firstParallel).entries()) {
    await run(wh, model, i);
    if (i === rawDone) await ctx.afterRaw?.();
  }
  const parallel = models.slice(firstParallel);
  const marts = parallel.map((model, j) => ({
    model,
    after: parallel.slice(0, j).flatMap((other, k) => (sqlOf(model).includes(`"${other.name}"`) ? [k] : [])),
  }));
  // After the marts, so a free connection takes a ready mart first.
  const beside = (ctx.beside ?? []).map((job) => ({ job, after: parallel.flatMap((m, k) => (namesAsWord(job.sql, m.name) ? [k] : [])) }));
  const extra = ctx.connect && marts.length + beside.length > 1 ? await ctx.connect() : undefined;
  try {
    const connections = [wh, ...(extra ? [extra.db] : [])];
    const jobs: readonly ({ readonly after: readonly number[] } & ({ readonly model: Model } | { readonly job: BesideJob }))[] = [...marts, ...beside];
    await runGraph(jobs, connections.length, (item, j, worker) => ('model' in item ? run(connections[worker]!, item.model, firstParallel + j) : item.job.run(connections[worker]!)), {
      retryAlone: isOutOfMemory,
    });
  } finally {
    await extra?.close();
  }
  await sql`detach database if exists ${sql.id(SCRATCH_DATABASE)}`.execute(wh);
}
