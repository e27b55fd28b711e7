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

/** Every model, in the order it must run. */
export const models: readonly Model[] = [...stagingModels, ...intermediateModels, ...martModels];

export async function buildModels(db: Kysely<RawDatabase>, ctx: BuildModelsContext): Promise<void> {
  const wh = db as unknown as Kysely<Warehouse>;
  await sql`set TimeZone = 'UTC'`.execute(wh);
  await seedAgreement(wh, ctx.agreement);
  for (const model of models) {
    await materialise({ db: wh, agreement: ctx.agreement }, model);
    ctx.onModel?.(model.name, model.layer);
  }
}
