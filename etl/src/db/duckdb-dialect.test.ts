import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from './open-warehouse';

interface Db {
  people: { id: number; email: string | null; created_at: Date };
}

describe('duckdb dialect', () => {
  let open: OpenDatabase<Db> | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });

  it('compiles Kysely queries to DuckDB SQL with parameters and returns plain rows', async () => {
    open = await openDatabase<Db>(':memory:');
    const { db } = open;
    await db.schema
      .createTable('people')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('email', 'varchar')
      .addColumn('created_at', 'timestamp', (c) => c.notNull())
      .execute();
    await db
      .insertInto('people')
      .values([
        { id: 1, email: 'a@x.com', created_at: new Date('2026-01-01T10:00:00Z') },
        { id: 2, email: null, created_at: new Date('2026-02-01T10:00:00Z') },
      ])
      .execute();
    const rows = await db.selectFrom('people').selectAll().where('email', 'is not', null).execute();
    expect(rows).toEqual([{ id: 1, email: 'a@x.com', created_at: new Date('2026-01-01T10:00:00Z') }]);
    const count = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>', new Date('2026-01-15T00:00:00Z'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('runs transactions and rolls them back on error', async () => {
    open = await openDatabase<Db>(':memory:');
    const { db } = open;
    await sql`create table people (id integer primary key, email varchar, created_at timestamp)`.execute(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('people').values({ id: 1, email: null, created_at: new Date() }).execute();
        await trx.insertInto('people').values({ id: 1, email: null, created_at: new Date() }).execute();
      }),
    ).rejects.toThrow(/constraint/i);
    const { n } = await db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(n).toBe(0);
  });
});
