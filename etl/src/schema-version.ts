/**
 * The shape of the marts the Cube model reads. Bump it whenever a mart gains, loses or
 * retypes a column the model (or the server) depends on: the server then refuses a warehouse
 * built by an older ETL with a message that says to rebuild it, instead of failing query by
 * query with DuckDB binder errors, and `npm start` rebuilds the sample warehouse by itself.
 *
 * 1: the first landing (build_info had no schema_version).
 * 2: stage_events gains microseconds_from_previous / microseconds_in_stage; stages are ENUMs.
 */
export const WAREHOUSE_SCHEMA_VERSION = 2;
