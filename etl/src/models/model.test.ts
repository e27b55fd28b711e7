import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/open-warehouse';
import { category, inSlice, materialise, modelSqlForAnalysis, parseMemoryLimit, sliceBounds, type KeyRange, type Model, type ModelContext, type Warehouse } from './model';
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

describe('slices: ranges of the input key, every key in exactly one slice', () => {
  let open: OpenDatabase<RawDatabase>;
  let db: Kysely<Warehouse>;
  beforeAll(async () => {
    open = await openDatabase<RawDatabase>(':memory:', { threads: '1' });
    db = open.db as unknown as Kysely<Warehouse>;
  });
  afterAll(async () => open.close());

  const MAX = 2n ** 63n - 1n;
  it.each([
    { keys: 'hashes of 1…2,000 (63 bits, as person_key)', values: `select (hash(i) & ${MAX}::ubigint)::bigint as k from range(2000) t(i)`, count: 6 },
    { keys: 'hashes with the extremes 0 and 2^63 − 1', values: `select (hash(i) & ${MAX}::ubigint)::bigint from range(500) t(i) union all select 0 union all select ${MAX}`, count: 7 },
    { keys: 'numbered people 1…50 (a repaired collision)', values: 'select i::bigint from range(1, 51) t(i)', count: 3 },
    { keys: 'fewer keys than slices', values: 'select 5::bigint union all select 6', count: 4 },
    { keys: 'one key, repeated', values: 'select 42::bigint from range(10)', count: 2 },
    { keys: 'negative keys and NULLs', values: 'select i::bigint - 20 from range(40) t(i) union all select null from range(3)', count: 5 },
  ])('$keys, in $count slices', async ({ values, count }) => {
    await sql`create or replace table main.keys as select * from (${sql.raw(values)}) t(k)`.execute(db);
    const range = (await sql<{ min: bigint; max: bigint; nulls: boolean }>`select min(k) as min, max(k) as max, count(*) > count(k) as nulls from main.keys`.execute(db)).rows[0]!;
    const keys: KeyRange = { min: BigInt(range.min), max: BigInt(range.max), nulls: range.nulls };
    const slices = Array.from({ length: count }, (_, index) => sql`select ${sql.lit(index)} as slice, k from main.keys where ${inSlice({ db, agreement: testAgreement(), slice: { index, count, keys } }, sql`k`)}`);
    const { rows } = await sql<{ rows: number; missing: number; twice: number }>`
      with sliced as (${sql.join(slices, sql` union all `)}),
      per_key as (select k, count(distinct slice) as n from sliced group by k)
      select (select count(*) from sliced)::integer as rows,
        (select count(*) from main.keys a where not exists (select 1 from sliced b where b.k is not distinct from a.k))::integer as missing,
        (select count(*) from per_key where n > 1)::integer as twice`.execute(db);
    const total = (await sql<{ n: number }>`select count(*)::integer as n from main.keys`.execute(db)).rows[0]!.n;
    expect(rows[0]).toEqual({ rows: total, missing: 0, twice: 0 });
  });

  it('divides the key range evenly, the first and last slices open-ended', () => {
    const keys: KeyRange = { min: 0n, max: 599n, nulls: false };
    expect([0, 1, 2].map((index) => sliceBounds({ index, count: 3, keys }))).toEqual([{ upper: 200n }, { lower: 200n, upper: 400n }, { lower: 400n }]);
  });

  it('a slice is a filter of the scan (DuckDB skips the row groups outside it)', async () => {
    await sql`create or replace table main.keys as select i::bigint as k, i::varchar as v from range(10000) t(i)`.execute(db);
    const slice = { index: 1, count: 3, keys: { min: 0n, max: 9999n, nulls: false } };
    const plan = (await sql<{ explain_value: string }>`explain select v from main.keys where ${inSlice({ db, agreement: testAgreement(), slice }, sql`k`)}`.execute(db)).rows
      .map((r) => r.explain_value).join('\n');
    expect(plan).toMatch(/Filters:[\s│]*k>=3334/);
    expect(plan).not.toMatch(/FILTER/);
  });

  it('sortedWhenSpilled: stored in key order only when it outgrows the memory limit', async () => {
    await sql`create or replace table main.unordered as select (1000 - i)::bigint as k from range(1000) t(i)`.execute(db);
    const model: Model = {
      name: 'ordered_keys',
      layer: 'marts',
      materialized: 'table',
      sortedWhenSpilled: { by: 'k', rowsPerGiB: 1, rows: () => sql`select count(*) from main.unordered` },
      query: () => sql`select k from main.unordered`,
    };
    const stored = async (rowsPerSlice: number): Promise<number[]> => {
      await materialise({ db, agreement: testAgreement(), rowsPerSlice }, model);
      return (await sql<{ k: number }>`select k::integer as k from main.ordered_keys`.execute(db)).rows.map((r) => r.k);
    };
    const descending = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    expect(await stored(5000)).toEqual(descending);
    expect(await stored(100)).toEqual([...descending].reverse());
  });
});
