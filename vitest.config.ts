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
    reporters: ['default'],
  },
});
