/**
 * Zero-loss figures, computed two ways: independently over CSV exports (plain SQL with
 * DuckDB's read_csv and test/etl/independent-funnel.ts — no etl/src code) and from a built
 * warehouse's marts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { computeIndependentFunnel } from '../independent-funnel';
import { parseCsv } from './csv-text';

export interface Figures {
  readonly leads: number;
  readonly mqls: number;
  readonly sqls: number;
  readonly won: number;
  readonly opportunities: number;
  /** Sum of opportunity amounts (negative amounts are refused: not counted). */
  readonly amount: number;
}

export async function rows<T>(conn: DuckDBConnection, text: string): Promise<T[]> {
  const reader = await conn.runAndReadAll(text);
  return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as T);
}

/** HubSpot dates: ISO with or without an offset, or a date alone (a deal with another Close Date, e.g. "TBD", is quarantined). */
const hubspotTime = (col: string): string => `coalesce(try_cast(${col} as timestamptz), try_cast(${col} as timestamp)) is not null`;

const q = (s: string): string => `'${s.replaceAll("'", "''")}'`;

export async function independentFigures(conn: DuckDBConnection, dir: string, agreementPath: string): Promise<Figures> {
  const sf = join(dir, 'salesforce-marketo');
  const hs = join(dir, 'hubspot');
  await computeIndependentFunnel(conn, sf, hs, agreementPath);
  const [people] = await rows<{ leads: number; mqls: number; sqls: number; won: number }>(
    conn,
    'select count(*)::bigint as leads, count(mql_at)::bigint as mqls, count(sql_at)::bigint as sqls, count(won_at)::bigint as won from ind_people',
  );
  // Plain numbers, or US thousands grouping (12,200.00): README "thousand separators read correctly".
  const number = (col: string): string => `try_cast(case when regexp_full_match(trim(${col}), '\\d{1,3}(,\\d{3})+(\\.\\d+)?') then replace(trim(${col}), ',', '') else trim(${col}) end as double)`;
  const amount = (col: string): string => `case when ${number(col)} >= 0 then ${number(col)} end`;
  const [opps] = await rows<{ n: number; amount: number }>(
    conn,
    `with sfo as (select distinct "Id" as id, ${amount('"Amount"')} as amount from read_csv(${q(join(sf, 'Opportunity.csv'))}, header = true, all_varchar = true, store_rejects = true)
                   where nullif(trim("Id"), '') is not null and try_strptime("CreatedDate", '%Y-%m-%dT%H:%M:%S.%g%z') is not null),
          hsd as (select distinct "Record ID" as id, ${amount('"Amount"')} as amount from read_csv(${q(join(hs, 'hubspot-deals.csv'))}, header = true, all_varchar = true)
                   where nullif(trim("Record ID"), '') is not null and ${hubspotTime('"Create Date"')} and (nullif(trim("Close Date"), '') is null or ${hubspotTime('"Close Date"')}))
     select count(*)::bigint as n, coalesce(sum(amount), 0)::double as amount from (select * from sfo union all select * from hsd)`,
  );
  return { leads: people?.leads ?? -1, mqls: people?.mqls ?? -1, sqls: people?.sqls ?? -1, won: people?.won ?? -1, opportunities: opps?.n ?? -1, amount: opps?.amount ?? -1 };
}

/** The same figures from a warehouse attached as `alias`. */
export async function warehouseFigures(conn: DuckDBConnection, alias: string): Promise<Figures> {
  const [l] = await rows<{ leads: number; mqls: number; sqls: number; won: number }>(
    conn,
    `select count(*)::bigint as leads, count(mql_at)::bigint as mqls, count(sql_at)::bigint as sqls, count(won_at)::bigint as won from ${alias}.main.leads`,
  );
  const [o] = await rows<{ n: number; amount: number }>(conn, `select count(*)::bigint as n, coalesce(sum(amount), 0)::double as amount from ${alias}.main.opportunities`);
  return { leads: l?.leads ?? -1, mqls: l?.mqls ?? -1, sqls: l?.sqls ?? -1, won: l?.won ?? -1, opportunities: o?.n ?? -1, amount: o?.amount ?? -1 };
}

/** Data records per CSV file under `dir` (RFC 4180 records after the header), by absolute path. */
export async function recordCounts(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.csv')) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path, Math.max(0, parseCsv(await readFile(path, 'utf8')).length - 1));
  }
  return out;
}
