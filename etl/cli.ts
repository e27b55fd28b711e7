/**
 * `npm run etl -- --input <dir> [--input <dir> ...] --warehouse <file.duckdb> [--agreement agreement.yml] [--verbose]`
 * A thin shell over `buildWarehouse` (etl/src/build.ts).
 */
// First: DuckDB's allocator reads its settings when DuckDB's library loads.
import './src/db/duckdb-allocator';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultAgreement, defaultWarehouse, seedsDirs } from '../scripts/lib/paths';
import { buildWarehouse } from './src/build';
import { createProgressRenderer } from './src/progress/render-progress';

const usage = `Usage: npm run etl [-- --input <dir> [--input <dir> ...] [--warehouse <file.duckdb>] [options]]

Builds the Closedloop warehouse from CRM and marketing-automation CSV exports.

  --input DIR        folder of CSV exports (repeatable; subfolders included). Each file is
                     recognised by its header row (Salesforce, Marketo or HubSpot export);
                     file names do not matter. A single file may be given instead of a folder.
                     Without --input (and --warehouse): the bundled samples in seeds/.
  --warehouse FILE   DuckDB file to build (default: data/warehouse.duckdb). It is replaced only
                     after every data test passes; on failure the previous one stays as it was.
  --agreement FILE   the sales & marketing agreement (default: agreement.yml)
  --accept-drop      publish even if leads, MQLs, SQLs or won amount fall by more than 25%
                     against the warehouse being replaced (otherwise the build stops)
  --verbose          list every model (with its own time) and data test; print stack traces on errors
  --help             show this help

Exit code 0 on success, 1 when the build failed (the message names file, line and column).`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        input: { type: 'string', multiple: true },
        warehouse: { type: 'string' },
        agreement: { type: 'string', default: defaultAgreement },
        'accept-drop': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(usage);
    return;
  }
  // No --input and no --warehouse: rebuild the bundled samples into data/warehouse.duckdb.
  // --warehouse alone is refused: it would fill someone's own warehouse with the samples.
  if (!args.input?.length && args.warehouse) {
    console.error(`Missing --input (the folders of your exports for ${args.warehouse}).\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (!args.input?.length) console.log(`No --input: building the sample exports in seeds/ into ${args.warehouse ?? defaultWarehouse}.`);
  args.input = args.input?.length ? args.input : seedsDirs;
  args.warehouse ??= defaultWarehouse;
  await mkdir(dirname(args.warehouse), { recursive: true });
  const progress = createProgressRenderer(process.stderr, { verbose: args.verbose });
  try {
    const report = await buildWarehouse({
      inputs: args.input ?? [],
      warehousePath: args.warehouse ?? '',
      agreementPath: args.agreement ?? 'agreement.yml',
      acceptDrop: args['accept-drop'],
      onProgress: progress.onProgress,
    });
    progress.finish(report);
  } catch (error) {
    process.stderr.write('\n');
    console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
    if (args.verbose && error instanceof Error && error.stack) console.error(error.stack);
    process.exitCode = 1;
  }
}

await main();
