import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Agreement } from '../agreement/agreement';
import { literal } from '../load/sql-text';

export type Layer = 'staging' | 'intermediate' | 'marts';

/** The warehouse as models see it: tables and views looked up by name, columns loosely typed. */
export type Warehouse = Record<string, Record<string, unknown>>;

export interface ModelContext {
  readonly db: Kysely<Warehouse>;
  readonly agreement: Agreement;
  /** Set while a sliced model runs one of its slices (see `Model.slices`, `inSlice`). */
  readonly slice?: Slice;
  /** Bits of the person key's hash (int_people_unified_by_email; default 63): tests pass a few to force collisions. */
  readonly personKeyBits?: number;
  /** Slice sliced models at this many input rows instead of by the memory limit, and sort `sortedWhenSpilled` tables above it (tests). */
  readonly rowsPerSlice?: number;
  /** The ENUM type of each of the model's `categories`, resolved before its query runs (`materialise`). */
  readonly categories?: Readonly<Record<string, RawBuilder<unknown>>>;
}

/**
 * Slice `index` (0-based) of `count`: the keys in the `index`-th of `count` equal ranges of
 * the input's keys, from `keys.min` to `keys.max` (NULL keys, if any, in the first slice).
 */
export interface Slice {
  readonly index: number;
  readonly count: number;
  readonly keys: KeyRange;
}

/** The input's smallest and largest key (BIGINT), and whether some keys are NULL. */
export interface KeyRange {
  readonly min: bigint;
  readonly max: bigint;
  readonly nulls: boolean;
}

/** One dbt-style model: a select materialised as a view or a table under its layer's schema. */
export interface Model {
  readonly name: string;
  readonly layer: Layer;
  readonly materialized: 'view' | 'table';
  readonly query: (ctx: ModelContext) => Expression<unknown>;
  /**
   * Build the table in slices of its grain, one query per slice appended to the first, when
   * `input` has more rows than one slice may hold: `rowsPerGiB` for each GiB of the
   * connection's `memory_limit` (slices = ⌈rows ÷ (rowsPerGiB × limit)⌉). For aggregates
   * whose per-group states DuckDB does not spill to disk (many `arg_min` over text, `list`):
   * each slice's hash table then holds a bounded share of the groups, so the memory it
   * needs stops growing with the data. The query restricts its input with `inSlice`.
   */
  readonly slices?: { readonly input: string; readonly rowsPerGiB: number; readonly key: string };
  /**
   * Store the table in `by` order when it will not fit in the memory limit (more than
   * `rowsPerGiB` rows per GiB of it): a reader sliced by ranges of `by` then reads each
   * slice's own row groups back from the spilled blocks (DuckDB skips the others by their
   * min/max) instead of every row once per slice. A table that fits is read from memory, and
   * sorting it costs more than it saves. Decided before the table exists, from `rows`, a
   * query of an upper bound of its row count. For tables built in one query (not `slices`:
   * only the first slice's query would be sorted).
   */
  readonly sortedWhenSpilled?: { readonly by: string; readonly rowsPerGiB: number; readonly rows: () => Expression<unknown> };
  /**
   * Text columns stored as ENUMs (the contract's `category`): per column, a query whose one
   * column yields every value the column can take (more is harmless; a value it misses makes
   * the build fail on the cast, naming it). `materialise` runs them first and the query casts
   * with `category(ctx, column)`. The values are sorted, so the column sorts as text does.
   * Writing a mart's low-cardinality text columns was most of the time DuckDB took to store
   * it; an ENUM is stored as a small integer (README, "Performance").
   */
  readonly categories?: Readonly<Record<string, () => Expression<unknown>>>;
  /**
   * Runs once the table is built, before any model reads it: a check of what the fast query
   * may rarely get wrong, fixing the table in place when it does (`table`: the built table).
   */
  readonly repair?: (ctx: ModelContext, table: RawBuilder<unknown>) => Promise<void>;
}

/** The ENUM type of `column`, one of the model's `categories` (resolved by `materialise`). */
export function category(ctx: ModelContext, column: string): RawBuilder<unknown> {
  const type = ctx.categories?.[column];
  if (!type) throw new Error(`category(${column}): not among the model's categories, or the model was not built by materialise().`);
  return type;
}

/** An anonymous ENUM of `values` (sorted as DuckDB sorts text) as a type for `cast`. */
export function enumType(values: readonly string[]): RawBuilder<unknown> {
  return sql.raw(`enum(${values.map(literal).join(', ')})`);
}

/**
 * The model's SQL as text for analysing what it reads (`buildModels`): its query with every
 * category cast to VARCHAR (their values are not known before the build), then its categories'
 * value queries and its `sortedWhenSpilled` row count.
 */
export function modelSqlForAnalysis(ctx: ModelContext, model: Model, compile: (query: Expression<unknown>) => string): string {
  const categories = model.categories ?? {};
  const placeholders = Object.fromEntries(Object.keys(categories).map((column) => [column, sql`varchar`]));
  const sizing = model.sortedWhenSpilled ? [model.sortedWhenSpilled.rows()] : [];
  return [model.query({ ...ctx, categories: placeholders }), ...Object.values(categories).map((values) => values()), ...sizing].map(compile).join(';\n');
}

async function resolveCategories(ctx: ModelContext, model: Model): Promise<ModelContext> {
  if (!model.categories) return ctx;
  const categories: Record<string, RawBuilder<unknown>> = {};
  for (const [column, values] of Object.entries(model.categories)) {
    const rows = (await sql<{ v: string }>`select distinct v::varchar as v from (${values()}) t(v) where v is not null order by v`.execute(ctx.db)).rows;
    // An ENUM needs at least one value; a column that can only be NULL casts to one that never occurs.
    categories[column] = enumType(rows.length > 0 ? rows.map((r) => r.v) : ['']);
  }
  return { ...ctx, categories };
}

/**
 * The in-memory database the intermediate tables live in during a build (`attachScratch`):
 * attached to the instance, so every connection of the build sees them and marts can run on
 * two connections at once (`buildModels`); never written to the warehouse file.
 */
export const SCRATCH_DATABASE = 'build_scratch';

/** Attach the scratch database (idempotent); `buildModels` does, and detaches it after the marts. */
export async function attachScratch(db: Kysely<Warehouse>): Promise<void> {
  await sql`attach if not exists ':memory:' as ${sql.id(SCRATCH_DATABASE)}`.execute(db);
}

/**
 * Where each layer lives. Staging models are temporary objects of the build's connection
 * (catalog `temp`), intermediate tables are in the scratch database (`SCRATCH_DATABASE`):
 * only the marts (and the agreement seeds) are written to the warehouse file, which saves
 * compressing and persisting tables nobody reads after the build. Names are unique across
 * layers by their prefixes.
 */
function location(layer: Layer | 'agreement'): readonly string[] {
  switch (layer) {
    case 'marts':
      return ['main'];
    case 'agreement':
      return ['agreement'];
    case 'intermediate':
      return [SCRATCH_DATABASE, 'main'];
    case 'staging':
      return ['temp', 'main'];
  }
}

function layerOf(name: string): Layer | 'agreement' {
  return name.startsWith('stg_') ? 'staging' : name.startsWith('int_') ? 'intermediate' : name.startsWith('agreement_') ? 'agreement' : 'marts';
}

/** Whether SQL text names `name` as a word: quoted, as `ref` writes it, or plain, as the data tests' expressions do. */
export function namesAsWord(text: string, name: string): boolean {
  return new RegExp(`\\b${name}\\b`).test(text);
}

/** Reference another model (dbt's `ref`) by name. */
export function ref(name: string): RawBuilder<unknown> {
  return sql`${sql.id(...location(layerOf(name)), name)}`;
}

/** A raw table (`raw.<format>`), the only thing staging reads. */
export function source(format: string): RawBuilder<unknown> {
  return sql`${sql.table(`raw.${format}`)}`;
}

/**
 * `true` outside a sliced build; else whether `key` (the model's `slices.key`) falls in the
 * current slice's range. Ranges, not a hash of the key: a constant range is a filter DuckDB
 * applies in the scan, skipping the row groups outside it, so an input stored in key order
 * (`sortedWhenSpilled`) is read once over all slices, not once per slice.
 */
export function inSlice(ctx: ModelContext, key: Expression<unknown>): RawBuilder<boolean> {
  if (!isSliced(ctx)) return sql<boolean>`true`;
  const { lower, upper } = sliceBounds(ctx.slice);
  const conditions = [
    ...(lower === undefined ? [] : [sql`${key} >= ${sql.raw(String(lower))}`]),
    ...(upper === undefined ? [] : [sql`${key} < ${sql.raw(String(upper))}`]),
  ];
  const range = sql.join(conditions, sql` and `);
  return ctx.slice.index === 0 && ctx.slice.keys.nulls ? sql<boolean>`(${range} or ${key} is null)` : sql<boolean>`(${range})`;
}

/** Whether the model runs one slice of several (`ctx.slice`); `inSlice` is `true` otherwise. */
export function isSliced(ctx: ModelContext): ctx is ModelContext & { readonly slice: Slice } {
  return ctx.slice !== undefined && ctx.slice.count > 1;
}

/** The keys of `slice`: from `lower` (inclusive) to `upper` (exclusive); the first and last slices are open-ended. */
export function sliceBounds(slice: Slice): { lower?: bigint; upper?: bigint } {
  const width = (slice.keys.max - slice.keys.min) / BigInt(slice.count) + 1n;
  const lower = slice.keys.min + width * BigInt(slice.index);
  return {
    ...(slice.index > 0 ? { lower } : {}),
    ...(slice.index < slice.count - 1 ? { upper: lower + width } : {}),
  };
}

/** How many slices of `rowsPerGiB` per GiB of the connection's memory limit `rows` rows take. */
async function slicesOf(ctx: ModelContext, rows: bigint | number, rowsPerGiB: number): Promise<number> {
  const { limit } = (await sql<{ limit: string }>`select current_setting('memory_limit') as limit`.execute(ctx.db)).rows[0] ?? { limit: '' };
  const perSlice = ctx.rowsPerSlice ?? Math.max(1, Math.floor(rowsPerGiB * (parseMemoryLimit(limit) / 2 ** 30)));
  return Math.max(1, Math.ceil(Number(rows) / perSlice));
}

/** How many slices `model` is built in (1 unless it is sliced and its input is large), and its input's keys. */
export async function sliceCount(ctx: ModelContext, model: Model): Promise<{ count: number; keys: KeyRange }> {
  const none = { count: 1, keys: { min: 0n, max: 0n, nulls: false } };
  if (!model.slices) return none;
  const key = sql.ref(model.slices.key);
  const row = (await sql<{ rows: bigint | number; min: bigint | null; max: bigint | null; nulls: boolean }>`
    select count(*) as rows, min(${key})::bigint as min, max(${key})::bigint as max, count(*) > count(${key}) as nulls
    from ${ref(model.slices.input)}`.execute(ctx.db)).rows[0];
  if (!row || row.min === null || row.max === null) return none;
  return { count: await slicesOf(ctx, row.rows, model.slices.rowsPerGiB), keys: { min: BigInt(row.min), max: BigInt(row.max), nulls: row.nulls } };
}

/** The model's query, in `sortedWhenSpilled.by` order when the table will not fit in memory. */
async function orderedWhenSpilled(ctx: ModelContext, model: Model, query: Expression<unknown>): Promise<Expression<unknown>> {
  if (!model.sortedWhenSpilled) return query;
  const { by, rowsPerGiB, rows } = model.sortedWhenSpilled;
  const bound = (await sql<{ n: bigint | number }>`select (${rows()}) as n`.execute(ctx.db)).rows[0]?.n ?? 0;
  return (await slicesOf(ctx, bound, rowsPerGiB)) > 1 ? sql`select * from (${query}) ordered order by ${sql.ref(by)}` : query;
}

const UNITS: Readonly<Record<string, number>> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KIB: 2 ** 10, MIB: 2 ** 20, GIB: 2 ** 30, TIB: 2 ** 40 };

/** DuckDB's `memory_limit` as it prints it ("2.7 GiB", "476.8 MiB") in bytes; unparseable: 3 GiB. */
export function parseMemoryLimit(text: string): number {
  const match = /^\s*([\d.]+)\s*([KMGT]?i?B)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2]!.toUpperCase()] : undefined;
  return match && unit ? Number(match[1]) * unit : 3 * 2 ** 30;
}

/** Creates (or replaces) the model's view or table; returns the number of slices it was built in. */
export async function materialise(modelCtx: ModelContext, model: Model): Promise<number> {
  const ctx = await resolveCategories(modelCtx, model);
  const target = sql.id(...location(model.layer), model.name);
  const { count: slices, keys } = model.materialized === 'table' ? await sliceCount(ctx, model) : { count: 1, keys: undefined };
  const sliceCtx = (index: number): ModelContext => (slices > 1 && keys ? { ...ctx, slice: { index, count: slices, keys } } : ctx);
  const query = await orderedWhenSpilled(ctx, model, model.query(sliceCtx(0)));
  const temp = model.layer === 'staging' ? sql`temp ` : sql``;
  if (model.layer === 'marts') {
    // A mart that changed from table to view (or back) since the last build: drop the old kind.
    const existing = await sql<{ table_type: string }>`select table_type from information_schema.tables
      where table_catalog = current_database() and table_schema = 'main' and table_name = ${model.name}`.execute(ctx.db);
    const type = existing.rows[0]?.table_type;
    if (type === 'VIEW' && model.materialized === 'table') await sql`drop view ${target}`.execute(ctx.db);
    if (type === 'BASE TABLE' && model.materialized === 'view') await sql`drop table ${target}`.execute(ctx.db);
  }
  if (model.materialized === 'view') {
    await sql`create or replace ${temp}view ${target} as ${query}`.execute(ctx.db);
  } else {
    await sql`create or replace ${temp}table ${target} as ${query}`.execute(ctx.db);
    for (let index = 1; index < slices; index++) {
      await sql`insert into ${target} ${model.query(sliceCtx(index))}`.execute(ctx.db);
    }
    if (model.repair) await model.repair(ctx, target);
  }
  return slices;
}
