import { defineConfig } from 'vitest/config';

// One runner for every test: unit tests beside the code (etl/, server/, web/src/),
// integration and end-to-end tests under test/. Integration tests start real DuckDB,
// Cube and Chromium processes, so they get generous timeouts; they are not timed tests.
export default defineConfig({
  test: {
    include: ['etl/**/*.test.ts', 'shared/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'web/dist/**', 'data/**', 'artifacts/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Each test file's temp folders live under a root removed when the file ends.
    setupFiles: ['test/setup/temp-root.ts'],
    pool: 'forks',
    // Two test files at a time. Vitest's default on a 2-core machine is one (cores − 1), and
    // a test file spends much of its time waiting on the processes it starts (Cube, Chromium,
    // Postgres, tsx): on the 2-core CI machine the suite took 897 s one file at a time and
    // 695–777 s two at a time (2026-12-06). Each file's servers take free ports and its own temp
    // folders, and the shared dashboard and seeds builds are locked (test/e2e/shared-build.ts).
    // Two at a time once showed a server race a busy machine widens (Cube's cached list of
    // rollup tables, fixed in server/src/warehouse: warehouse-driver.ts, catalog-line.ts).
    maxWorkers: 2,
    reporters: ['default'],
  },
});
