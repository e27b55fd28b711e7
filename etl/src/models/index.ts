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
import { materialise, type Layer, type Model, type Warehouse } from './model';
import type { RawDatabase } from './raw-schema';
import { seedAgreement } from './seed-agreement';
import { stagingModels } from './staging/index';

export type { RawDatabase } from './raw-schema';

export interface BuildModelsContext {
  readonly agreement: Agreement;
  readonly onModel?: (name: string, layer: Layer) => void;
}

const readsStaging = new Set(['rejected_rows', 'file_reconciliation']);
const [buildInfo, ...otherMarts] = martModels.filter((m) => !readsStaging.has(m.name));
const stagingMarts = martModels.filter((m) => readsStaging.has(m.name));

/**
 * Every model, in the order it runs: rejected_rows, file_reconciliation and build_info are the only marts
 * that read staging, so they run first and staging is dropped before the big marts (memory).
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
      await (kind === 'view' ? sql`drop view if exists ${sql.id('temp', 'main', m.name)}` : sql`drop table if exists ${sql.id('temp', 'main', m.name)}`).execute(db);
    }
  }
}

export async function buildModels(db: Kysely<RawDatabase>, ctx: BuildModelsContext): Promise<void> {
  const wh = db as unknown as Kysely<Warehouse>;
  await sql`set TimeZone = 'UTC'`.execute(wh);
  await seedAgreement(wh, ctx.agreement);
  for (const model of models) {
    await materialise({ db: wh, agreement: ctx.agreement }, model);
    ctx.onModel?.(model.name, model.layer);
    if (model.name === 'build_info') await dropTemporary(wh, stagingModels);
  }
  await dropTemporary(wh, intermediateModels);
}
