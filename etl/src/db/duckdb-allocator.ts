/**
 * How DuckDB's memory allocator hands memory back to the system, for the processes that build
 * warehouses. Import this module first in such a process's entry point: it sets an environment
 * variable that jemalloc (DuckDB's allocator, built into `@duckdb/node-api`) reads once, when
 * DuckDB's native library loads. Set later, it has no effect. A value already in the
 * environment is kept.
 *
 * DuckDB's own default returns freed pages to the system after 1 s. The build frees and
 * allocates gigabytes per model, so it faulted the same memory back in again and again.
 * At 1M leads there were 2.7–3.0M minor page faults and 32–39 s of system time in a
 * 77–94 s build (four runs). With a 10–60 s decay there were 1.2–1.5M faults, 16–20 s of
 * system time, and a 56–62 s build (seven runs); the chosen 30 s with `ALLOCATOR_SETTINGS`
 * built in 55.8 and 56.9 s (night of 2026-12-03 to 04, `buildWarehouse` alone, this 2-core
 * VM). Peak RSS went from 3.5 GB to 3.8–4.4 GB at 1M, and was 5.1 GB at 10M: the models'
 * memory stays under DuckDB's `memory_limit`, and jemalloc reuses the freed pages it keeps
 * instead of asking the system for more.
 */
export const ALLOCATOR_ENV = 'DUCKDB_JE_MALLOC_CONF';
export const ALLOCATOR_CONF = 'dirty_decay_ms:30000,muzzy_decay_ms:30000';

/**
 * DuckDB settings that go with it. DuckDB purges a thread's jemalloc arena after each task in
 * which the thread's allocations peaked above `allocator_flush_threshold` (128 MB by default).
 * In the build that is nearly every task. Above any thread's peak, no task purges, and the
 * 30 s decay returns memory instead.
 */
export const ALLOCATOR_SETTINGS: Readonly<Record<string, string>> = { allocator_flush_threshold: '64GB' };

process.env[ALLOCATOR_ENV] ??= ALLOCATOR_CONF;
