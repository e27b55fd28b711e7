// npm run seeds -- --out <dir> [--leads N] [--seed S] [--as-of 2026-10-31] [--hubspot-share 0.3]
//                  [--activities-per-lead 10] [--verbose]
// Thin shell over generate(): parses and checks arguments, prints the files written.
import { parseArgs } from 'node:util';
import { DEFAULTS, generate, GenerateOptionsError } from './generate';

const USAGE = `Usage: npm run seeds -- --out <dir> [options]

Writes sample CRM/MA exports for a fictional B2B company over the 12 months before --as-of:
  <dir>/salesforce-marketo/  Salesforce Lead, LeadHistory, Opportunity, OpportunityHistory, Task, User,
                             Campaign, CampaignMember; Marketo leads and monthly activity extracts
  <dir>/hubspot/             HubSpot contacts and deals
Same arguments give byte-identical files.

Options:
  --out <dir>                  output directory (required; created if missing)
  --leads <N>                  people across both datasets (default ${DEFAULTS.leads})
  --seed <S>                   PRNG seed, 0..4294967295 (default ${DEFAULTS.seed})
  --as-of <date>               the data's "now": YYYY-MM-DD (end of that UTC day) or an ISO
                               timestamp with Z or offset (default 2026-10-31 = 2026-10-31T23:59:59Z)
  --hubspot-share <F>          share of people in the HubSpot dataset, 0..1 (default ${DEFAULTS.hubspotShare})
  --activities-per-lead <N>    target mean Marketo activities per Marketo lead, 4..100 (default ${DEFAULTS.activitiesPerLead})
  --verbose                    print stack traces on errors
  --help                       show this help

The committed seeds/ are: npm run seeds -- --leads 5000 --seed 42 --as-of 2026-10-31 --out seeds`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function parseWhole(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.replaceAll('_', ''))) throw new UsageError(`--${name} must be a whole number (got "${value}")`);
  return Number(value.replaceAll('_', ''));
}

function parseFraction(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number (got "${value}")`);
  return n;
}

export function parseAsOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = dateOnly ? new Date(`${value}T23:59:59Z`) : /^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/.test(value) ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime()) || (dateOnly && d.toISOString().slice(0, 10) !== value)) {
    throw new UsageError(`--as-of must be a date YYYY-MM-DD or an ISO timestamp with Z or an offset (got "${value}")`);
  }
  return d;
}

function main(argv: readonly string[]): void {
  let verbose = argv.includes('--verbose');
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        out: { type: 'string' },
        leads: { type: 'string' },
        seed: { type: 'string' },
        'as-of': { type: 'string' },
        'hubspot-share': { type: 'string' },
        'activities-per-lead': { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
    verbose = values.verbose ?? false;
    if (values.help) {
      console.log(USAGE);
      return;
    }
    if (!values.out) throw new UsageError('--out <dir> is required');
    const started = performance.now();
    const result = generate({
      outDir: values.out,
      leads: parseWhole('leads', values.leads),
      seed: parseWhole('seed', values.seed),
      asOf: parseAsOf(values['as-of']),
      hubspotShare: parseFraction('hubspot-share', values['hubspot-share']),
      activitiesPerLead: parseFraction('activities-per-lead', values['activities-per-lead']),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Wrote ${result.salesforceMarketoPeople + result.hubspotPeople} people (${result.salesforceMarketoPeople} Salesforce+Marketo, ` +
        `${result.hubspotPeople} HubSpot), as of ${result.asOf}, seed ${result.seed}, to ${result.outDir} in ${seconds.toFixed(1)} s`,
    );
    const width = Math.max(...result.files.map((f) => f.file.length));
    let rows = 0;
    let bytes = 0;
    for (const f of result.files) {
      console.log(`  ${f.file.padEnd(width)}  ${String(f.rows).padStart(10)} rows  ${(f.bytes / 1e6).toFixed(2).padStart(9)} MB`);
      rows += f.rows;
      bytes += f.bytes;
    }
    console.log(`  ${'total'.padEnd(width)}  ${String(rows).padStart(10)} rows  ${(bytes / 1e6).toFixed(2).padStart(9)} MB`);
    console.log(`Deliberate defects (${result.defects.length}):`);
    for (const d of result.defects) console.log(`  ${d.file} line ${d.line} (record ${d.row})  ${d.kind}  ${d.recordId}  ${JSON.stringify(d.value)}`);
  } catch (error) {
    const known = error instanceof UsageError || error instanceof GenerateOptionsError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    const message = error instanceof Error ? error.message : String(error);
    console.error(`error: ${message}`);
    if (known && !verbose) console.error('Run with --help for usage.');
    if (verbose && error instanceof Error && error.stack) console.error(error.stack);
    process.exitCode = known ? 2 : 1;
  }
}

main(process.argv.slice(2));
