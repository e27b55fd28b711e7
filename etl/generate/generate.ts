// Library API of the sample-data generator: writes a Salesforce + Marketo dataset and a HubSpot
// dataset for one fictional B2B company over the 12 months before `asOf`. Same options → the
// same bytes. Rows are streamed to disk, so memory stays flat however many leads are asked for.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createDefectTracker, type DefectRecord } from './defects';
import { HUBSPOT_DIR, writeHubspot } from './hubspot';
import { SALESFORCE_MARKETO_DIR, writeSalesforceMarketo } from './salesforce-marketo';
import { writeCampaignSpend, writeSourceSpend } from './spend';
import { windowFor } from './timeline';

export interface GenerateOptions {
  readonly outDir: string;
  /** People across both datasets (default 5000). */
  readonly leads?: number;
  /** PRNG seed (default 42). */
  readonly seed?: number;
  /** The data's "now" (default 2026-10-31T23:59:59Z). */
  readonly asOf?: Date;
  /** Share of people in the HubSpot dataset (default 0.3). */
  readonly hubspotShare?: number;
  /** Target mean Marketo activities per Marketo lead (default 10). */
  readonly activitiesPerLead?: number;
}

export const DEFAULTS = {
  leads: 5000,
  seed: 42,
  asOf: new Date('2026-10-31T23:59:59Z'),
  hubspotShare: 0.3,
  activitiesPerLead: 10,
} as const;

export interface GeneratedFile {
  /** Path relative to outDir, with forward slashes. */
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
}

export interface GenerateResult {
  readonly outDir: string;
  readonly salesforceMarketoPeople: number;
  readonly hubspotPeople: number;
  readonly asOf: string;
  readonly seed: number;
  readonly files: readonly GeneratedFile[];
  readonly defects: readonly DefectRecord[];
}

export class GenerateOptionsError extends Error {
  override readonly name = 'GenerateOptionsError';
}

export function validateOptions(o: GenerateOptions): Required<GenerateOptions> {
  const leads = o.leads ?? DEFAULTS.leads;
  const seed = o.seed ?? DEFAULTS.seed;
  const asOf = o.asOf ?? DEFAULTS.asOf;
  const hubspotShare = o.hubspotShare ?? DEFAULTS.hubspotShare;
  const activitiesPerLead = o.activitiesPerLead ?? DEFAULTS.activitiesPerLead;
  if (!Number.isInteger(leads) || leads < 1 || leads > 20_000_000) {
    throw new GenerateOptionsError(`leads must be a whole number from 1 to 20,000,000 (got ${leads})`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new GenerateOptionsError(`seed must be a whole number from 0 to 4294967295 (got ${seed})`);
  }
  if (Number.isNaN(asOf.getTime())) throw new GenerateOptionsError('as-of is not a valid date');
  if (!(hubspotShare >= 0 && hubspotShare <= 1)) {
    throw new GenerateOptionsError(`hubspot share must be between 0 and 1 (got ${hubspotShare})`);
  }
  if (!(activitiesPerLead >= 4 && activitiesPerLead <= 100)) {
    throw new GenerateOptionsError(`activities per lead must be between 4 and 100 (got ${activitiesPerLead})`);
  }
  if (!o.outDir) throw new GenerateOptionsError('an output directory is required');
  return { outDir: o.outDir, leads, seed, asOf, hubspotShare, activitiesPerLead };
}

export function generate(options: GenerateOptions): GenerateResult {
  const o = validateOptions(options);
  const window = windowFor(Math.floor(o.asOf.getTime() / 1000) * 1000);
  const hubspotPeople = Math.round(o.leads * o.hubspotShare);
  const sfPeople = o.leads - hubspotPeople;
  mkdirSync(join(o.outDir, SALESFORCE_MARKETO_DIR), { recursive: true });
  mkdirSync(join(o.outDir, HUBSPOT_DIR), { recursive: true });
  // Monthly activity files depend on the window: drop ones left by an earlier run.
  for (const name of readdirSync(join(o.outDir, SALESFORCE_MARKETO_DIR))) {
    if (/^marketo-activities-\d{4}-\d{2}\.csv$/.test(name)) rmSync(join(o.outDir, SALESFORCE_MARKETO_DIR, name));
  }
  const defects = createDefectTracker([
    'lead-created-date-impossible', 'lead-created-date-us-format', 'opportunity-amount-thousands-separator',
    'opportunity-amount-negative', 'task-unquoted-comma-extra-field', 'marketo-activity-missing-field',
    'hubspot-deal-amount-thousands-separator', 'hubspot-deal-close-date-unparsable',
  ]);
  const sfCompanies = Math.max(20, Math.round(sfPeople / 3));
  const hsCompanies = Math.max(20, Math.round(hubspotPeople / 3));
  const common = { outDir: o.outDir, seed: o.seed, window, activitiesPerLead: o.activitiesPerLead, defects };
  const summaries = [
    ...writeSalesforceMarketo({ ...common, persons: sfPeople, companyOffset: 0, companyCount: sfCompanies, companyCounts: new Int32Array(sfCompanies) }),
    ...writeHubspot({ ...common, persons: hubspotPeople, companyOffset: sfCompanies, companyCount: hsCompanies, companyCounts: new Int32Array(hsCompanies) }),
    writeCampaignSpend(o.outDir, `${SALESFORCE_MARKETO_DIR}/Spend.csv`, o.seed, window, sfPeople),
    writeSourceSpend(o.outDir, `${HUBSPOT_DIR}/spend.csv`, o.seed, window, hubspotPeople),
  ];
  return {
    outDir: o.outDir,
    salesforceMarketoPeople: sfPeople,
    hubspotPeople,
    asOf: new Date(window.asOf).toISOString(),
    seed: o.seed,
    files: summaries.map((s) => ({ ...s, bytes: statSync(join(o.outDir, s.file)).size })),
    defects: defects.applied,
  };
}
