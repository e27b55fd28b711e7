import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/open-warehouse';
import { category, materialise, modelSqlForAnalysis, parseMemoryLimit, type Model, type ModelContext, type Warehouse } from './model';
import type { RawDatabase } from './raw-schema';
import { testAgreement } from './test-support';

describe('parseMemoryLimit', () => {
  it.each([
    ['2.7 GiB', 2.7 * 2 ** 30],
    ['476.8 MiB', 476.8 * 2 ** 20],
    ['3GB', 3e9],
    ['512 KiB', 512 * 1024],
    ['', 3 * 2 ** 30],
    ['unlimited', 3 * 2 ** 30],
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseMemoryLimit(text)).toBeCloseTo(bytes, 0);
  });
});

describe('categories: text columns stored as ENUMs of the values their queries yield', () => {
  let open: OpenDatabase<RawDatabase>;
  let db: Kysely<Warehouse>;
  beforeAll(async () => {
    open = await openDatabase<RawDatabase>(':memory:', { threads: '1' });
    db = open.db as unknown as Kysely<Warehouse>;
    await sql`create table main.src as select * from (values ('b', 'x'), ('a''s', 'y'), (null, 'z'), ('b', null)) t(v, w)`.execute(db);
  });
  afterAll(async () => open.close());
  const ctx = (): ModelContext => ({ db, agreement: testAgreement() });
  const model = (values: string, onlyNull = false): Model => ({
    name: 'categorised',
    layer: 'marts',
    materialized: 'table',
    categories: { v: () => sql.raw(values) },
    query: (c) => (onlyNull ? sql`select null::${category(c, 'v')} as v` : sql`select v::${category(c, 'v')} as v from main.src`),
  });
  const typeOf = async (): Promise<string> =>
    (await sql<{ t: string }>`select data_type as t from information_schema.columns where table_name = 'categorised' and column_name = 'v'`.execute(db)).rows[0]!.t;

  it.each([
    { values: 'select v from main.src', type: "ENUM('a''s', 'b')" },
    { values: "select v from main.src union all select 'Unassigned' union all select 'b'", type: "ENUM('Unassigned', 'a''s', 'b')" },
    { values: 'select null::varchar', type: "ENUM('')" },
  ])('$values → $type (distinct, sorted as text sorts, NULL left out)', async ({ values, type }) => {
    await materialise(ctx(), model(values, values.startsWith('select null')));
    expect(await typeOf()).toBe(type);
  });

  it('keeps the values and sorts them as text', async () => {
    await materialise(ctx(), model("select v from main.src union all select 'Z'"));
    const rows = (await sql<{ v: string | null }>`select v::varchar as v from main.categorised order by categorised.v nulls last`.execute(db)).rows;
    expect(rows.map((r) => r.v)).toEqual(["a's", 'b', 'b', null]);
  });

  it('fails the model, naming the value, when the values query misses one', async () => {
    await expect(materialise(ctx(), model("select 'b'"))).rejects.toThrow(/a's/);
  });

  it('modelSqlForAnalysis shows the query (categories as VARCHAR) and the value queries, for lastUses', () => {
    const text = modelSqlForAnalysis(ctx(), model('select w from main.src'), (q) => sql`${q}`.compile(db).sql);
    expect(text).toContain('select v::varchar as v from main.src');
    expect(text).toContain('select w from main.src');
  });

  it('category() outside materialise says so', () => {
    expect(() => category(ctx(), 'v')).toThrow(/not among the model's categories/);
  });
});
