// The HubSpot dataset (a second business unit on HubSpot): contacts and deals exports with
// HubSpot's column labels. Files start with a UTF-8 BOM and use CRLF line endings.
// Times: contacts use portal-local "YYYY-MM-DD HH:mm" (America/New_York, no seconds, no offset);
// deals use ISO 8601 with the New York offset of the instant ("2026-03-04T10:22:10-05:00").
import { join } from 'node:path';
import { openCsvFile } from './csv';
import { HUBSPOT_HEADERS } from './headers';
import { hubspotConversions } from './hubspot-conversions';
import { makeJourney, type Journey, type OwnerPool } from './journey';
import { createRng, mixSeed, type Rng } from './prng';
import type { DatasetOptions, FileSummary } from './salesforce-marketo';
import { HOUR, hubspotIsoOffset, hubspotLocal } from './timestamps';
import { HUBSPOT_OWNERS } from './world';

export const HUBSPOT_DIR = 'hubspot';
const DEAL_STAGES = ['Appointment Scheduled', 'Qualified To Buy', 'Presentation Scheduled', 'Decision Maker Bought-In', 'Contract Sent'];

function hubspotOwners(): OwnerPool {
  const all = HUBSPOT_OWNERS.map((_o, idx) => idx);
  return {
    pickRep: (rng) => rng.pick(all),
    pickAe: (rng, _c, rep) => (rng.chance(0.7) ? rep : rng.pick(all)),
    responseMedianHours: (idx) => HUBSPOT_OWNERS[idx]?.responseMedianHours ?? 4,
  };
}

export function writeHubspot(o: DatasetOptions): FileSummary[] {
  const dir = join(o.outDir, HUBSPOT_DIR);
  const rel = (name: string): string => `${HUBSPOT_DIR}/${name}`;
  const options = { bom: true, eol: '\r\n' } as const;
  const contacts = openCsvFile(join(dir, 'hubspot-contacts.csv'), HUBSPOT_HEADERS.contacts, options);
  const deals = openCsvFile(join(dir, 'hubspot-deals.csv'), HUBSPOT_HEADERS.deals, options);
  const w = o.window;
  const owners = hubspotOwners();
  const ctx = {
    seed: o.seed, window: w, persons: o.persons, companyOffset: o.companyOffset, companyCount: o.companyCount,
    companyCounts: o.companyCounts, owners,
    salesCreatedShare: (c: { channel: string }) => (c.channel === 'Direct' || c.channel === 'Partner/Referral' ? 0.3 : 0.02),
  };
  let contactSeq = 0;
  let dealSeq = 0;
  const contactBase = 1000 + (mixSeed(o.seed, 21) % 9000) * 50;
  const dealBase = 9_800_000_000 + (mixSeed(o.seed, 22) % 100_000_000);
  const ownerName = (idx: number | null): string => (idx === null ? '' : (HUBSPOT_OWNERS[idx]?.name ?? ''));
  const ownerTeam = (idx: number | null): string => (idx === null ? '' : (HUBSPOT_OWNERS[idx]?.team ?? ''));
  const local = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '' : hubspotLocal(ms));

  for (let i = 0; i < o.persons; i++) {
    const rng = createRng(mixSeed(o.seed, 0x4b5b07 + i));
    const j = makeJourney(ctx, rng, i);
    writeContact(j, rng, i);
  }

  function writeContact(j: Journey, rng: Rng, i: number): void {
    const recordId = contactBase + contactSeq++ * 50 + 1;
    const opp = j.opp;
    const wonAt = opp?.outcome === 'won' ? opp.steps[opp.steps.length - 1]?.at ?? null : null;
    const lifecycle =
      wonAt !== null ? 'Customer'
      : opp ? 'Opportunity'
      : j.salAt !== null ? 'Sales Qualified Lead'
      : j.mqlAt !== null ? 'Marketing Qualified Lead'
      : rng.chance(0.2) ? 'Subscriber' : 'Lead';
    const leadStatus =
      opp ? 'OPEN_DEAL'
      : j.rejectedAt !== null ? (j.rejectReason === 'Bad timing' || j.rejectReason === 'No budget' ? 'BAD_TIMING' : 'UNQUALIFIED')
      : j.salAt !== null ? (rng.chance(0.5) ? 'IN_PROGRESS' : 'CONNECTED')
      : j.touches.length > 0 ? 'ATTEMPTED_TO_CONTACT'
      : j.handoffAt !== null ? 'OPEN'
      : lifecycle === 'Subscriber' ? '' : 'NEW';
    const ownerAssigned = j.salesCreated ? j.createdAt : j.handoffAt;
    // First Contacted = the first completed sales activity (the SLA's first touch); Last Contacted = the last.
    const firstTouch = j.touches[0];
    const lastTouch = j.touches[j.touches.length - 1];
    const owned = ownerAssigned !== null;
    const companyId = 8_000_000_000 + j.company.index * 13;
    const conversions = hubspotConversions(o.seed, i, j, w);
    contacts.row([
      recordId, j.name.first, j.name.last, j.email ?? '', j.company.name, lifecycle, leadStatus,
      owned ? ownerName(j.ownerIndex) : '', local(j.createdAt), j.channel.hubspotSource,
      rng.pick(j.channel.hubspotDrillDowns), local(j.mqlAt), local(j.salAt), local(opp ? j.convertedAt : null),
      local(wonAt), local(ownerAssigned), local(lastTouch), j.touches.length, companyId, j.company.employees ?? '',
      j.company.countryValue, local(firstTouch), owned ? ownerTeam(j.ownerIndex) : '',
      conversions.first?.name ?? '', local(conversions.first?.at), conversions.recent?.name ?? '', local(conversions.recent?.at),
    ]);
    if (!opp) return;
    const id = String(dealBase + dealSeq++ * 37);
    const last = opp.steps[opp.steps.length - 1];
    if (!last) return;
    const stage = last.stage === -1 ? 'Closed Won' : last.stage === -2 ? 'Closed Lost' : (DEAL_STAGES[last.stage] ?? DEAL_STAGES[0]);
    let amount = String(last.amount);
    let closeDate = opp.outcome === 'open' ? hubspotIsoOffset(last.closeDate + 17 * HOUR) : hubspotIsoOffset(last.at);
    if (opp.outcome === 'won' && o.defects.take('hubspot-deal-amount-thousands-separator', i, o.persons)) {
      amount = last.amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      o.defects.record({ kind: 'hubspot-deal-amount-thousands-separator', file: rel('hubspot-deals.csv'), line: deals.nextLine, row: deals.rowCount + 1, recordId: id, value: amount });
    } else if (opp.outcome === 'open' && o.defects.take('hubspot-deal-close-date-unparsable', i, o.persons)) {
      closeDate = 'TBD';
      o.defects.record({ kind: 'hubspot-deal-close-date-unparsable', file: rel('hubspot-deals.csv'), line: deals.nextLine, row: deals.rowCount + 1, recordId: id, value: closeDate });
    }
    deals.row([
      id, `${j.company.name} - ${opp.product}`, stage, closeDate, ownerName(opp.ownerIndex), amount, 'Sales Pipeline',
      hubspotIsoOffset(opp.createdAt), rng.chance(0.03) ? '' : String(recordId),
    ]);
  }

  contacts.close();
  deals.close();
  return [
    { file: rel('hubspot-contacts.csv'), rows: contacts.rowCount },
    { file: rel('hubspot-deals.csv'), rows: deals.rowCount },
  ];
}
