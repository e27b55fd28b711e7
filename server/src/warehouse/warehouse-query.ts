import { DuckDBQuery } from '@cubejs-backend/duckdb-driver/dist/src/DuckDBQuery.js';

/**
 * Cube's DuckDB dialect, with two changes that follow from the marts storing UTC `TIMESTAMP`s
 * (and every connection running with `TimeZone = 'UTC'`, see warehouse-driver.ts):
 * - time filter parameters become UTC `TIMESTAMP` constants instead of `TIMESTAMPTZ`:
 *   comparing a `TIMESTAMP` column with a `TIMESTAMPTZ` parameter makes DuckDB cast the column
 *   on every row (about 100 ms a query at 1M leads). `timezone('UTC', ?::timestamptz)` keeps
 *   any offset in the parameter exact and is folded to a constant once;
 * - a time dimension asked for in UTC (the default) is the column as stored. Cube's
 *   `timezone('UTC', col::timestamptz)` is the identity there but goes through ICU on every
 *   row (a 2,000-row lead list at 1M leads: ~20 of its ~25 ms). Other time zones still convert.
 */
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);

export class WarehouseQuery extends DuckDBQuery {
  override timeStampCast(value: string): string {
    return `timezone('UTC', ${value}::timestamptz)`;
  }

  override convertTz(field: string): string {
    return UTC_NAMES.has(this.timezone) ? field : super.convertTz(field);
  }
}
