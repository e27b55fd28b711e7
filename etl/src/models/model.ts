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

export const SCHEMA_BY_LAYER: Readonly<Record<Layer, string>> = { staging: 'staging', intermediate: 'intermediate', marts: 'main' };

/** Reference another model (dbt's `ref`): stg_ → staging, int_ → intermediate, else the marts' `main`. */
export function ref(name: string): RawBuilder<unknown> {
  const schema = name.startsWith('stg_') ? 'staging' : name.startsWith('int_') ? 'intermediate' : name.startsWith('agreement_') ? 'agreement' : 'main';
  return sql`${sql.table(`${schema}.${name}`)}`;
}

/** A raw table (`raw.<format>`), the only thing staging reads. */
export function source(format: string): RawBuilder<unknown> {
  return sql`${sql.table(`raw.${format}`)}`;
}

export async function materialise(ctx: ModelContext, model: Model): Promise<void> {
  const target = sql.table(`${SCHEMA_BY_LAYER[model.layer]}.${model.name}`);
  const query = model.query(ctx);
  if (model.materialized === 'view') {
    await sql`create or replace view ${target} as ${query}`.execute(ctx.db);
  } else {
    await sql`create or replace table ${target} as ${query}`.execute(ctx.db);
  }
}
