import { sql, type Kysely } from 'kysely';
import type { OpenDatabase } from '../../db/open-warehouse';
import { materialise, type Model, type Warehouse } from '../model';
import type { RawDatabase } from '../raw-schema';
import { seedAgreement } from '../seed-agreement';
import { insertRaw, openRawWarehouse, testAgreement } from '../test-support';

/** Raw rows in, staging models built: returns the db and a closer. */
export async function buildStaging(
  models: readonly Model[],
  raw: Record<string, readonly Record<string, string | null>[]>,
): Promise<{ db: Kysely<Warehouse>; open: OpenDatabase<RawDatabase> }> {
  const open = await openRawWarehouse();
  const db = open.db as unknown as Kysely<Warehouse>;
  for (const [format, rows] of Object.entries(raw)) await insertRaw(open.db, format, rows);
  const agreement = testAgreement();
  await sql`set TimeZone = 'UTC'`.execute(db);
  await seedAgreement(db, agreement);
  for (const m of models) await materialise({ db, agreement }, m);
  return { db, open };
}
