/**
 * lastUses: after which model each temporary model can be dropped. Hand-made model lists;
 * the SQL text of each is given directly, quoted as `ref` quotes names.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { lastRawRead, lastUses } from './index';
import type { Layer, Model } from './model';

const model = (name: string, layer: Layer, materialized: 'view' | 'table', reads: string[]): Model & { reads: string[] } => ({
  name, layer, materialized, reads, query: () => sql`select 1`,
});
const text = (m: Model): string => (m as Model & { reads: string[] }).reads.map((r) => `select * from "temp"."main"."${r}"`).join(' union all ');

describe('lastUses', () => {
  it.each([
    {
      case: 'a table is dropped after its last reader',
      order: [model('stg_a', 'staging', 'table', []), model('int_b', 'intermediate', 'table', ['stg_a']), model('m1', 'marts', 'table', ['int_b']), model('m2', 'marts', 'table', ['int_b'])],
      expected: { stg_a: 1, int_b: 3 },
    },
    {
      case: 'a table read through a view lives until the view’s last reader',
      order: [model('stg_a', 'staging', 'table', []), model('stg_v', 'staging', 'view', ['stg_a']), model('int_b', 'intermediate', 'table', []), model('m1', 'marts', 'table', ['stg_v'])],
      expected: { stg_a: 3, stg_v: 3, int_b: 2 },
    },
    {
      case: 'a model nobody reads is dropped right after it is built',
      order: [model('stg_a', 'staging', 'table', []), model('m1', 'marts', 'table', [])],
      expected: { stg_a: 0 },
    },
    {
      case: 'a name that is the prefix of another is not read by the other’s readers',
      order: [model('stg_a', 'staging', 'view', []), model('stg_a__checked', 'staging', 'table', []), model('m1', 'marts', 'table', ['stg_a__checked'])],
      expected: { stg_a: 0, stg_a__checked: 2 },
    },
  ])('$case', ({ order, expected }) => {
    expect(Object.fromEntries(lastUses(order, text))).toEqual(expected);
  });
});

describe('lastRawRead', () => {
  const raw = (name: string, layer: Layer, materialized: 'view' | 'table', sqlText: string) => ({ model: model(name, layer, materialized, []), sqlText });
  it.each([
    {
      case: 'the last table reading a raw export',
      order: [raw('stg_a__checked', 'staging', 'table', 'select * from "raw"."salesforce__lead"'), raw('stg_b', 'staging', 'table', 'select * from "raw"."marketo__leads"'), raw('m1', 'marts', 'table', 'select 1')],
      expected: 1,
    },
    {
      case: 'a view over the raw export reads it until the view’s last reader',
      order: [
        raw('stg_a__checked', 'staging', 'view', 'select * from "raw"."marketo__activities"'),
        raw('stg_a', 'staging', 'view', 'select * from "temp"."main"."stg_a__checked"'),
        raw('int_b', 'intermediate', 'table', 'select 1'),
        raw('int_c', 'intermediate', 'table', 'select * from "temp"."main"."stg_a"'),
        raw('m1', 'marts', 'table', 'select 1'),
      ],
      expected: 3,
    },
    {
      case: 'the loader’s own tables are not the raw exports',
      order: [raw('stg_a', 'staging', 'table', 'select * from "raw"."salesforce__lead"'), raw('rejected_rows', 'marts', 'table', 'select * from "raw"."_load_rejects"')],
      expected: 0,
    },
    { case: 'nothing reads them', order: [raw('m1', 'marts', 'table', 'select 1')], expected: -1 },
  ])('$case', ({ order, expected }) => {
    const texts = new Map(order.map((o) => [o.model as Model, o.sqlText]));
    const sqlOf = (m: Model): string => texts.get(m) ?? '';
    const models = order.map((o) => o.model);
    expect(lastRawRead(models, sqlOf, lastUses(models, sqlOf))).toBe(expected);
  });
});
