/**
 * `npm run etl -- --input <dir> [--input <dir> ...] --warehouse <file.duckdb> [--agreement agreement.yml] [--verbose]`
 * A thin shell over `buildWarehouse` (etl/src/build.ts).
 */
import { parseArgs } from 'node:util';
import { buildWarehouse } from './src/build';
import { createProgressRenderer } from './src/progress/render-progress';

const usage = `Usage: npm run etl -- --input <dir> [--input <dir> ...] --warehouse <file.duckdb> [options]

Builds the Closedloop warehouse from CRM and marketing-automation CSV exports.

  --input DIR        folder of CSV exports (repeatable; subfolders included). Each file is
                     recognised by its header row (Salesforce, Marketo or HubSpot export);
                     file names do not matter. A single file may be given instead of a folder.
  --warehouse FILE   DuckDB file to build. It is replaced only after every data test passes;
                     on failure the previous warehouse stays as it was.
  --agreement FILE   the sales & marketing agreement (default: agreement.yml)
  --accept-drop      publish even if leads, MQLs, SQLs or won amount fall by more than 25%
                     against the warehouse being replaced (otherwise the build stops)
  --verbose          list every model and data test; print stack traces on errors
  --help             show this help

Exit code 0 on success, 1 when the build failed (the message names file, line and column).`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        input: { type: 'string', multiple: true },
        warehouse: { type: 'string' },
        agreement: { type: 'string', default: 'agreement.yml' },
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
  const missing = [args.input?.length ? undefined : '--input', args.warehouse ? undefined : '--warehouse'].filter(Boolean);
  if (missing.length > 0) {
    console.error(`Missing ${missing.join(' and ')}.\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
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
