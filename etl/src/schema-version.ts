import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The shape of the marts the Cube model reads. Bump it whenever a mart gains, loses or
 * retypes a column the model (or the server) depends on: the server then refuses a warehouse
 * built by an older ETL with a message that says to rebuild it, instead of failing query by
 * query with DuckDB binder errors, and `npm start` rebuilds the sample warehouse by itself.
 *
 * 1: the first landing (build_info had no schema_version).
 * 2: stage_events gains microseconds_from_previous / microseconds_in_stage; stages are ENUMs.
 * 3: goals and the agreement on screen: mql_events, revenue_goals, goal_pacing, agreement_terms.
 * 4: touchpoints, attribution, spend and campaign_performance marts (multi-touch attribution).
 * 5: leads gains rejection_reason_raw, rejection_reason_system, campaign_raw and crm_url (one vocabulary).
 * 6: leaks carries full_name, company and crm_url (the leak list no longer joins leads).
 * 7: leads gains person_key; stage_events, touchpoints, attribution, sales_activities and
 *    mql_events carry it instead of lead_id (the model joins leads for the text ID).
 */
export const WAREHOUSE_SCHEMA_VERSION = 7;

/**
 * `build_info.schema_version` of the warehouse behind `connection` (in `catalog` when it is
 * attached under a name): 1 for builds from before the column existed, null when there is no
 * `build_info` table at all (not a Closedloop warehouse).
 */
export async function readSchemaVersion(connection: DuckDBConnection, catalog?: string): Promise<number | null> {
  const inCatalog = catalog ? `table_catalog = '${catalog.replaceAll("'", "''")}' AND ` : '';
  const columns = await connection.runAndReadAll(
    `SELECT column_name FROM information_schema.columns WHERE ${inCatalog}table_schema = 'main' AND table_name = 'build_info'`,
  );
  const names = columns.getRows().map((row) => String(row[0]));
  if (names.length === 0) return null;
  if (!names.includes('schema_version')) return 1;
  const table = catalog ? `"${catalog.replaceAll('"', '""')}".main.build_info` : 'main.build_info';
  const value = await connection.runAndReadAll(`SELECT max(schema_version) FROM ${table}`);
  return Number(value.getRows()[0]?.[0] ?? 1);
}
