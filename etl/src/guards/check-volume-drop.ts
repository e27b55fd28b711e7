/**
 * Guard (c): a build whose leads, MQLs, SQLs or won amount fall by more than
 * MAX_DROP_SHARE against the warehouse it would replace stops (unless accepted).
 * The previous warehouse is attached read-only; one that cannot be read (missing, from an
 * older ETL, damaged) is not compared, and the build says so.
 */
import { access } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { literal, queryRows } from '../load/sql-text';
import { VolumeDropError, type VolumeDrop } from './guard-errors';

/** A fall of more than this share (of leads, MQLs, SQLs or won amount) stops the build. */
export const MAX_DROP_SHARE = 0.25;

export interface VolumeFigures {
  readonly leads: number;
  readonly mqls: number;
  readonly sqls: number;
  readonly wonAmount: number;
}

const FIGURES = `select count(*)::double as leads, count(mql_at)::double as mqls, count(sql_at)::double as sqls, coalesce(sum(won_amount), 0)::double as won_amount`;

async function figures(connection: DuckDBConnection, table: string): Promise<VolumeFigures> {
  const [row] = await queryRows<{ leads: number; mqls: number; sqls: number; won_amount: number }>(connection, `${FIGURES} from ${table}`);
  return { leads: row?.leads ?? 0, mqls: row?.mqls ?? 0, sqls: row?.sqls ?? 0, wonAmount: row?.won_amount ?? 0 };
}

export function volumeDrops(previous: VolumeFigures, next: VolumeFigures, maxShare = MAX_DROP_SHARE): VolumeDrop[] {
  const measures: [string, keyof VolumeFigures][] = [['leads', 'leads'], ['MQLs', 'mqls'], ['SQLs', 'sqls'], ['won amount', 'wonAmount']];
  return measures
    .map(([measure, key]) => ({ measure, previous: previous[key], next: next[key], share: previous[key] > 0 ? (previous[key] - next[key]) / previous[key] : 0 }))
    .filter((d) => d.share > maxShare);
}

/**
 * Compares the marts just built on `connection` with the warehouse at `previousPath`.
 * Returns a note when no comparison was possible; throws VolumeDropError on a drop.
 */
export async function checkVolumeDrop(connection: DuckDBConnection, previousPath: string, options: { maxShare?: number } = {}): Promise<string | null> {
  try {
    await access(previousPath);
  } catch {
    return null;
  }
  let previous: VolumeFigures;
  try {
    await connection.run(`attach ${literal(previousPath)} as _previous_warehouse (read_only)`);
  } catch (error) {
    return `not compared with the previous warehouse (cannot open it: ${(error as Error).message.split('\n')[0]})`;
  }
  try {
    previous = await figures(connection, '_previous_warehouse.main.leads');
  } catch (error) {
    return `not compared with the previous warehouse (cannot read its leads: ${(error as Error).message.split('\n')[0]})`;
  } finally {
    await connection.run('detach _previous_warehouse').catch(() => {});
  }
  const drops = volumeDrops(previous, await figures(connection, 'main.leads'), options.maxShare);
  if (drops.length > 0) throw new VolumeDropError(previousPath, drops, options.maxShare ?? MAX_DROP_SHARE);
  return null;
}
