import { sql, type Kysely } from 'kysely';
import type { OpenDatabase } from '../../db/open-warehouse';
import { materialise, type Model, type Warehouse } from '../model';
import type { RawDatabase } from '../raw-schema';
import { seedAgreement } from '../seed-agreement';
import { insertRaw, openRawWarehouse, testAgreement } from '../test-support';

type RawRows = readonly Record<string, string | null>[];

/**
 * Raw rows in, staging models built: returns the db and a closer. A format's rows are one
 * file (`<format>.csv`), or several files given as file name → rows.
 */
export async function buildStaging(
  models: readonly Model[],
  raw: Record<string, RawRows | Readonly<Record<string, RawRows>>>,
): Promise<{ db: Kysely<Warehouse>; open: OpenDatabase<RawDatabase> }> {
  const open = await openRawWarehouse();
  const db = open.db as unknown as Kysely<Warehouse>;
  for (const [format, rows] of Object.entries(raw)) {
    if (isRows(rows)) await insertRaw(open.db, format, rows);
    else for (const [file, fileRows] of Object.entries(rows)) await insertRaw(open.db, format, fileRows, file);
  }
  const agreement = testAgreement();
  await sql`set TimeZone = 'UTC'`.execute(db);
  await seedAgreement(db, agreement);
  for (const m of models) await materialise({ db, agreement }, m);
  return { db, open };
}

function isRows(value: RawRows | Readonly<Record<string, RawRows>>): value is RawRows {
  return Array.isArray(value);
}
