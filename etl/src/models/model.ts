import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Agreement } from '../agreement/agreement';

export type Layer = 'staging' | 'intermediate' | 'marts';

/** The warehouse as models see it: tables and views looked up by name, columns loosely typed. */
export type Warehouse = Record<string, Record<string, unknown>>;

export interface ModelContext {
  readonly db: Kysely<Warehouse>;
  readonly agreement: Agreement;
}

/** One dbt-style model: a select materialised as a view or a table under its layer's schema. */
export interface Model {
  readonly name: string;
  readonly layer: Layer;
  readonly materialized: 'view' | 'table';
  readonly query: (ctx: ModelContext) => Expression<unknown>;
}

/**
 * Where each layer lives. Staging and intermediate models are temporary objects of the
 * build's connection (catalog `temp`): only the marts (and the agreement seeds) are
 * written to the warehouse file, which saves compressing and persisting tables nobody
 * reads after the build. Names are unique across layers by their prefixes.
 */
function location(layer: Layer | 'agreement'): readonly string[] {
  return layer === 'marts' ? ['main'] : layer === 'agreement' ? ['agreement'] : ['temp', 'main'];
}

function layerOf(name: string): Layer | 'agreement' {
  return name.startsWith('stg_') ? 'staging' : name.startsWith('int_') ? 'intermediate' : name.startsWith('agreement_') ? 'agreement' : 'marts';
}

/** Reference another model (dbt's `ref`) by name. */
export function ref(name: string): RawBuilder<unknown> {
  return sql`${sql.id(...location(layerOf(name)), name)}`;
}

/** A raw table (`raw.<format>`), the only thing staging reads. */
export function source(format: string): RawBuilder<unknown> {
  return sql`${sql.table(`raw.${format}`)}`;
}

export async function materialise(ctx: ModelContext, model: Model): Promise<void> {
  const target = sql.id(...location(model.layer), model.name);
  const query = model.query(ctx);
  const temp = model.layer === 'marts' ? sql`` : sql`temp `;
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
  }
}
