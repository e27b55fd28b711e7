/**
 * npm run publish -- [--warehouse <file.duckdb>] --to postgres://user@host:port/db [--schema closedloop]
 * Thin shell over publishToPostgres (etl/src/publish/publish-to-postgres.ts).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SCHEMA, publishToPostgres } from './src/publish/publish-to-postgres';

const USAGE = `Usage: npm run publish -- [--warehouse <file.duckdb>] --to postgres://user@host:port/db [--schema ${DEFAULT_SCHEMA}]

  --warehouse <file>  DuckDB warehouse built by \`npm run etl\` (default: data/warehouse.duckdb)
  --to <url>          the Postgres database; a password comes from the URL or PGPASSWORD / ~/.pgpass,
                      missing parts from PGHOST, PGPORT, PGUSER, PGDATABASE
  --schema <name>     schema the marts are served from (default: ${DEFAULT_SCHEMA}; the server's
                      CLOSEDLOOP_PG_SCHEMA)
  --verbose           print the stack of an error, not just its message`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      warehouse: { type: 'string', default: 'data/warehouse.duckdb' },
      to: { type: 'string' },
      schema: { type: 'string', default: DEFAULT_SCHEMA },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.to) throw new Error(`--to <postgres://user@host:port/db> is required.\n\n${USAGE}`);
  const result = await publishToPostgres({
    warehousePath: values.warehouse,
    url: values.to,
    schema: values.schema,
    log: (message) => console.log(message),
  });
  const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Published ${values.warehouse} as schema ${result.schema}: ${result.tables.length} tables, ${rows} rows, ${result.dataTests} data tests passed, ` +
      `${(result.elapsedMs / 1000).toFixed(1)} s${result.replacedPrevious ? ' (the previous build was replaced)' : ''}.`,
  );
}

main().catch((error: unknown) => {
  const verbose = process.argv.includes('--verbose');
  console.error(error instanceof Error ? (verbose ? error.stack : error.message) : String(error));
  process.exitCode = 1;
});
