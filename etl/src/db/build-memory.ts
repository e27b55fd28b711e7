/**
 * DuckDB's `memory_limit` for a build, and for the bench's `read_csv` reference so the two are
 * compared on equal terms. Its own module, free of DuckDB, so the bench can name it without
 * loading DuckDB's library (`db/duckdb-allocator.ts` must come first wherever it loads).
 * Why 4 GB: `BUILD_SETTINGS` in `build.ts` and etl/src/load/README.md, "Memory and disk".
 */
export const BUILD_MEMORY_LIMIT = '4GB';
