// The Salesforce CRM + Marketo dataset: Salesforce object exports (API field names, 18-char ids,
// datetimes like 2026-03-04T15:22:10.000+0000, dates like 2026-03-04) and Marketo lead and bulk
// activity extracts (ISO times with Z, one activity file per calendar month as bulk extract jobs
// cover at most 31 days).
import { join } from 'node:path';
import { csvField, csvRow, openCsvFile, type CsvFile } from './csv';
import type { DefectTracker } from './defects';
import { SALESFORCE_HEADERS, MARKETO_HEADERS } from './headers';
import { makeJourney, OPEN_STAGES, type Journey, type OwnerPool } from './journey';
import { createRng, mixSeed, weightedIndex, type Rng } from './prng';
import { salesforceId } from './salesforce-id';
import { sec, type Window } from './timeline';
import { DAY, HOUR, MINUTE, SECOND, marketoDateTime, salesforceDate, salesforceDateTime } from './timestamps';
import { CAMPAIGNS, SALES_USERS, type Company, type Region } from './world';

export const SALESFORCE_MARKETO_DIR = 'salesforce-marketo';
export const LEAD_QUEUE_NAME = 'Lead Queue - Marketing';
const DOMAIN = 'closedloop-demo.com';

export interface DatasetOptions {
  readonly outDir: string;
  readonly seed: number;
  readonly window: Window;
  readonly persons: number;
  readonly activitiesPerLead: number;
  readonly companyOffset: number;
  readonly companyCount: number;
  readonly companyCounts: Int32Array;
  readonly defects: DefectTracker;
}

export interface FileSummary {
  /** Path relative to the output directory. */
  readonly file: string;
  readonly rows: number;
}

const STAGE_PROBABILITY = [10, 20, 40, 60, 80];
const STAGE_FORECAST = ['Pipeline', 'Pipeline', 'Pipeline', 'BestCase', 'Commit'];
const PROGRAM_STATUS_BY_TYPE: Readonly<Record<string, string>> = {
  Webinar: 'Attended', 'Trade Show': 'Visited Booth', Conference: 'Attended', Email: 'Clicked',
  Advertisement: 'Responded', Website: 'Filled-out Form', Partners: 'Referred', 'Referral Program': 'Referred', Other: 'Filled-out Form',
};
const LIFECYCLE_PROGRAM_ID = 1000;
const LIFECYCLE_PROGRAM = 'Lead Lifecycle';
const LIFECYCLE_STATUS_ID: Readonly<Record<string, number>> = { Known: 11, Engaged: 12, MQL: 13, Recycled: 14 };
const WEBPAGES = ['/', '/pricing', '/product', '/demo', '/customers', '/blog/closed-loop-reporting', '/blog/sales-marketing-sla', '/docs/getting-started'];
const FORMS = [
  [3001, 'Demo Request'],
  [3002, 'Contact Us'],
  [3003, 'Content Download'],
] as const;
const REFERRERS = ['https://www.google.com/', 'https://www.linkedin.com/', '', 'https://www.bing.com/', 'https://news.ycombinator.com/'];
const DEVICES = [
  ['iPhone', 'true', 'iOS'],
  ['Desktop', 'false', 'Windows'],
  ['Desktop', 'false', 'Mac OS'],
  ['Android', 'true', 'Android'],
] as const;
const CALL_SUBJECTS = ['Call', 'Intro call', 'Left voicemail', 'Call: discussed pricing, timeline', 'Discovery call'];
const EMAIL_SUBJECTS = ['Email: Following up on your demo request', 'Email: Re: pricing', 'Email: Resources, as promised', 'Email: Quick question'];
const OTHER_SUBJECTS = ['Research account', 'LinkedIn InMail', 'Send case study'];
const OPP_SUBJECTS = ['Demo', 'Send proposal', 'Negotiation call', 'Security review "SOC 2" questionnaire'];

const userIndexesBy = (pred: (u: (typeof SALES_USERS)[number]) => boolean): number[] =>
  SALES_USERS.flatMap((u, idx) => (pred(u) ? [idx] : []));

export function salesforceOwners(w: Window): OwnerPool {
  const inactiveAfter = w.start + 200 * DAY;
  const reps = new Map<Region, number[]>();
  for (const region of ['NA', 'EMEA', 'APAC', 'LATAM'] as const) {
    reps.set(region, userIndexesBy((u) => (u.role === 'sdr' || u.role === 'inside') && u.regions.includes(region)));
  }
  const enterprise = userIndexesBy((u) => u.department === 'Enterprise AE');
  const midMarket = userIndexesBy((u) => u.department === 'Mid-Market AE');
  return {
    pickRep(rng, region, at) {
      const pool = reps.get(region) ?? [];
      for (;;) {
        const idx = rng.pick(pool);
        if (SALES_USERS[idx]?.isActive || at < inactiveAfter) return idx;
      }
    },
    pickAe(rng, c: Company, repIndex) {
      if ((c.employees ?? 0) >= 1000) return rng.pick(enterprise);
      if (SALES_USERS[repIndex]?.role === 'inside') return repIndex;
      return rng.pick(midMarket);
    },
    responseMedianHours: (idx) => SALES_USERS[idx]?.responseMedianHours ?? 4,
  };
}

interface Activity {
  readonly at: number;
  readonly type: number;
  readonly campaignId: string;
  readonly valueId: string;
  readonly value: string;
  /** JSON text. */
  readonly attributes: string;
}

const json = (o: Readonly<Record<string, string | number | boolean>>): string => JSON.stringify(o);

function ip(rng: Rng): string {
  return rng.pick(['203.0.113.', '198.51.100.', '192.0.2.']) + rng.int(1, 254);
}

function capitalizeEmail(e: string): string {
  return e.replace(/(^|[.@])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
}

/** Writes the dataset into <outDir>/salesforce-marketo/; returns the files written. */
export function writeSalesforceMarketo(o: DatasetOptions): FileSummary[] {
  const dir = join(o.outDir, SALESFORCE_MARKETO_DIR);
  const w = o.window;
  const rel = (name: string): string => `${SALESFORCE_MARKETO_DIR}/${name}`;
  const open = (name: string, header: readonly string[]): CsvFile =>
    openCsvFile(join(dir, name), header, { trailingBlankLine: name === 'Campaign.csv' });
  const files = {
    lead: open('Lead.csv', SALESFORCE_HEADERS.Lead),
    leadHistory: open('LeadHistory.csv', SALESFORCE_HEADERS.LeadHistory),
    opp: open('Opportunity.csv', SALESFORCE_HEADERS.Opportunity),
    oppHistory: open('OpportunityHistory.csv', SALESFORCE_HEADERS.OpportunityHistory),
    task: open('Task.csv', SALESFORCE_HEADERS.Task),
    user: open('User.csv', SALESFORCE_HEADERS.User),
    campaign: open('Campaign.csv', SALESFORCE_HEADERS.Campaign),
    member: open('CampaignMember.csv', SALESFORCE_HEADERS.CampaignMember),
    mktoLeads: open('marketo-leads.csv', MARKETO_HEADERS.leads),
  };
  const activityFiles = new Map<string, CsvFile>();
  const activityFile = (at: number): { file: CsvFile; name: string } => {
    const month = salesforceDate(at).slice(0, 7);
    const name = `marketo-activities-${month}.csv`;
    let f = activityFiles.get(name);
    if (!f) {
      f = open(name, MARKETO_HEADERS.activities);
      activityFiles.set(name, f);
    }
    return { file: f, name };
  };

  const base = (k: number): number => 400_000_000 + (mixSeed(o.seed, k) % 50_000_000);
  let nLead = 0, nHist = 0, nOpp = 0, nOppHist = 0, nTask = 0, nContact = 0, nMember = 0;
  const leadId = (): string => salesforceId('00Q', nLead++, base(1));
  const histId = (): string => salesforceId('017', nHist++, base(2));
  const oppId = (): string => salesforceId('006', nOpp++, base(3));
  const oppHistId = (): string => salesforceId('008', nOppHist++, base(4));
  const taskId = (): string => salesforceId('00T', nTask++, base(5));
  const contactId = (): string => salesforceId('003', nContact++, base(6));
  const memberId = (): string => salesforceId('00v', nMember++, base(7));
  const userId = (idx: number): string => salesforceId('005', idx, base(8));
  const accountId = (companyIndex: number): string => salesforceId('001', companyIndex, base(9));
  const campaignId = (idx: number): string => salesforceId('701', idx, base(10));
  // Journey responses (added later) number their members in a range of their own, so the ids
  // of the first membership rows stayed as they were.
  let nJourneyMember = 0;
  const journeyMemberId = (): string => salesforceId('00v', 1_000_000_000 + nJourneyMember++, base(7));
  const queueId = salesforceId('00G', 0, base(11));
  const opsUser = userId(0);
  const userName = (idx: number): string => {
    const u = SALES_USERS[idx];
    return u ? `${u.firstName} ${u.lastName}` : '';
  };
  let marketoLeadId = 1000 + (mixSeed(o.seed, 12) % 5000);
  let guid = 500_000_000 + (mixSeed(o.seed, 13) % 100_000_000);

  // ---- reference files: users, campaigns ----
  SALES_USERS.forEach((u, idx) => {
    const email = `${u.firstName}.${u.lastName}`.normalize('NFD').replace(/[\u0300-\u036f']/g, '').toLowerCase() + '@' + DOMAIN;
    files.user.row([userId(idx), `${u.firstName} ${u.lastName}`, u.firstName, u.lastName, email, u.title, u.department, u.isActive, u.timeZone]);
  });
  CAMPAIGNS.forEach((c, idx) => {
    const start = w.start + c.startDay * DAY;
    const end = start + c.days * DAY;
    const status = start > w.asOf ? 'Planned' : end < w.asOf ? 'Completed' : 'In Progress';
    files.campaign.row([campaignId(idx), c.name, c.type, status, salesforceDate(start), salesforceDate(end), status === 'In Progress']);
  });

  const owners = salesforceOwners(w);
  const ctx = {
    seed: o.seed, window: w, persons: o.persons, companyOffset: o.companyOffset, companyCount: o.companyCount,
    companyCounts: o.companyCounts, owners,
    salesCreatedShare: (c: { channel: string }) => (c.channel === 'Direct' || c.channel === 'Partner/Referral' ? 0.35 : 0.02),
  };

  for (let i = 0; i < o.persons; i++) {
    const rng = createRng(mixSeed(o.seed, 0x51f15e + i));
    const j = makeJourney(ctx, rng, i);
    writePerson(j, rng, i);
  }

  function history(lead: string, by: string, at: number, field: string, dataType: string, oldValue: string, newValue: string): void {
    files.leadHistory.row([histId(), lead, by, salesforceDateTime(at), field, dataType, oldValue, newValue]);
  }

  function writePerson(j: Journey, rng: Rng, i: number): void {
    const campaignIdx = j.campaignIndex;
    const campaign = CAMPAIGNS[campaignIdx];
    let sfLeadId: string | null = null;
    let oppIdValue: string | null = null;
    let contact: string | null = null;
    // Final CRM status.
    let status = 'Open - Not Contacted';
    if (j.convertedAt !== null) status = 'Closed - Converted';
    else if (j.recycle?.reMqlAt != null) status = 'Open - Not Contacted';
    else if (j.rejectedAt !== null) status = 'Closed - Not Converted';
    else if (j.salAt !== null) status = 'Working - Contacted';
    const previousStatus = j.salAt !== null && status !== 'Working - Contacted' ? 'Working - Contacted' : 'Open - Not Contacted';

    if (j.crmCreatedAt !== null) {
      sfLeadId = leadId();
      const owner = j.ownerIndex !== null ? userId(j.ownerIndex) : queueId;
      const createdBy = j.salesCreated ? owner : opsUser;
      const co = j.company;
      if (j.opp) {
        oppIdValue = oppId();
        contact = contactId();
      }
      let created = salesforceDateTime(j.crmCreatedAt);
      const eligible = j.salesCreated && j.convertedAt === null && j.duplicateAt === null;
      if (eligible && o.defects.take('lead-created-date-impossible', i, o.persons)) {
        created = '2026-02-30T09:15:00.000+0000';
        o.defects.record({ kind: 'lead-created-date-impossible', file: rel('Lead.csv'), line: files.lead.nextLine, row: files.lead.rowCount + 1, recordId: sfLeadId, value: created });
      } else if (eligible && o.defects.take('lead-created-date-us-format', i, o.persons)) {
        const d = new Date(j.crmCreatedAt);
        const h = d.getUTCHours();
        created = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${((h + 11) % 12) + 1}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
        o.defects.record({ kind: 'lead-created-date-us-format', file: rel('Lead.csv'), line: files.lead.nextLine, row: files.lead.rowCount + 1, recordId: sfLeadId, value: created });
      }
      files.lead.row([
        sfLeadId, j.name.first, j.name.last, co.name, j.email ?? '', status, j.leadSource, owner, created,
        j.convertedAt !== null, j.convertedAt !== null ? salesforceDate(j.convertedAt) : '', oppIdValue ?? '',
        j.opp ? accountId(co.index) : '', contact ?? '', co.industry, co.employees ?? '', co.countryValue,
        status === 'Closed - Not Converted' || (j.recycle && j.rejectReason) ? (j.rejectReason ?? '') : '',
      ]);
      // History, in time order.
      history(sfLeadId, createdBy, j.crmCreatedAt, 'created', 'Text', '', '');
      if (j.handoffAt !== null && j.ownerIndex !== null) {
        history(sfLeadId, opsUser, j.handoffAt, 'Owner', 'EntityId', queueId, owner);
        history(sfLeadId, opsUser, j.handoffAt, 'Owner', 'Text', LEAD_QUEUE_NAME, userName(j.ownerIndex));
      }
      const by = owner;
      if (j.salAt !== null) history(sfLeadId, by, j.salAt, 'Status', 'DynamicEnum', 'Open - Not Contacted', 'Working - Contacted');
      if (j.rejectedAt !== null) {
        history(sfLeadId, by, j.rejectedAt, 'Status', 'DynamicEnum', j.salAt !== null ? 'Working - Contacted' : 'Open - Not Contacted', 'Closed - Not Converted');
        if (j.recycle?.reMqlAt != null) {
          history(sfLeadId, opsUser, sec(j.recycle.reMqlAt + 5 * MINUTE), 'Status', 'DynamicEnum', 'Closed - Not Converted', 'Open - Not Contacted');
        }
      }
      if (j.convertedAt !== null) {
        history(sfLeadId, by, j.convertedAt, 'Status', 'DynamicEnum', 'Working - Contacted', 'Closed - Converted');
        history(sfLeadId, by, j.convertedAt, 'leadConverted', 'Text', '', '');
      }
      // Sales touches.
      j.touches.forEach((t, k) => {
        const r = rng.next();
        const subtype = r < 0.5 ? 'Call' : r < 0.9 ? 'Email' : 'Task';
        const subject = subtype === 'Call' ? rng.pick(CALL_SUBJECTS) : subtype === 'Email' ? rng.pick(EMAIL_SUBJECTS) : rng.pick(OTHER_SUBJECTS);
        const description =
          subtype === 'Call' && rng.chance(0.12)
            ? `Spoke with ${j.name.first}.\nBudget owner is the VP, wants a demo next week.`
            : subtype === 'Call' && rng.chance(0.1)
              ? 'Left voicemail, will retry Thursday.'
              : '';
        const createdAt = sec(t - rng.int(0, 300) * SECOND);
        const id = taskId();
        if (k > 0 && subtype !== 'Task' && o.defects.take('task-unquoted-comma-extra-field', i, o.persons)) {
          const value = 'Call back re: pricing, contract terms';
          o.defects.record({ kind: 'task-unquoted-comma-extra-field', file: rel('Task.csv'), line: files.task.nextLine, row: files.task.rowCount + 1, recordId: id, value });
          files.task.rawLine(
            [id, sfLeadId, '', value, 'Completed', 'Normal', 'Call', by, salesforceDateTime(createdAt), salesforceDateTime(t), salesforceDate(t), 'Left voicemail'].join(','),
          );
          return;
        }
        files.task.row([
          id, sfLeadId, '', subject, 'Completed', rng.chance(0.2) ? 'High' : 'Normal', subtype, by,
          salesforceDateTime(createdAt), salesforceDateTime(t), salesforceDate(t), description,
        ]);
      });
      const lastTouch = j.touches[j.touches.length - 1];
      if (lastTouch !== undefined && j.convertedAt === null && j.rejectedAt === null && rng.chance(0.35)) {
        const due = lastTouch + rng.int(2, 10) * DAY;
        files.task.row([taskId(), sfLeadId, '', 'Follow up', 'Not Started', 'Normal', 'Task', by, salesforceDateTime(sec(lastTouch + 10 * MINUTE)), '', salesforceDate(due), '']);
      }
      // Campaign membership.
      files.member.row([memberId(), campaignId(campaignIdx), sfLeadId, campaign ? PROGRAM_STATUS_BY_TYPE[campaign.type] ?? 'Responded' : 'Responded', true, salesforceDateTime(j.crmCreatedAt)]);
      if (rng.chance(0.25)) {
        const at = sec(j.crmCreatedAt + rng.int(1, 40) * DAY);
        if (at <= w.asOf) files.member.row([memberId(), campaignId(5), sfLeadId, 'Sent', false, salesforceDateTime(at)]);
      }
      writeJourneyResponses(j, sfLeadId, i);
      // The opportunity.
      if (j.opp && oppIdValue !== null && contact !== null) {
        writeOpportunity(j, rng, i, oppIdValue, contact);
      }
      // A duplicate record for the same person, created later by a rep.
      if (j.duplicateAt !== null && j.email !== null) {
        const dupId = leadId();
        const rep = owners.pickRep(rng, co.country.region, j.duplicateAt);
        const email = rng.chance(0.5) ? capitalizeEmail(j.email) : j.email;
        files.lead.row([
          dupId, j.name.first, j.name.last, co.name, email, 'Open - Not Contacted', rng.pick(['Phone Inquiry', 'Other', 'Trade Show']), userId(rep),
          salesforceDateTime(j.duplicateAt), false, '', '', '', '', co.industry, co.employees ?? '', co.countryValue, '',
        ]);
        history(dupId, userId(rep), j.duplicateAt, 'created', 'Text', '', '');
      }
    }
    if (j.inMa) writeMarketo(j, rng, i, status, previousStatus);
  }

  /**
   * Further campaign responses over the buyer's journey — after the lead reached Salesforce
   * (its first membership stays its acquisition campaign; Marketo form fills and email clicks
   * come before it) to a few weeks after its conversion — for multi-touch attribution. Their
   * own PRNG stream: every row the rest of the generator writes is unchanged by them.
   */
  function writeJourneyResponses(j: Journey, lead: string, i: number): void {
    const r = createRng(mixSeed(o.seed, 0x70c4e5 + i));
    const n = weightedIndex(r, [26, 26, 21, 15, 12]);
    const from = (j.crmCreatedAt ?? j.createdAt) + HOUR;
    const to = Math.min(w.asOf, (j.opp?.createdAt ?? j.convertedAt ?? (j.crmCreatedAt ?? j.createdAt) + 100 * DAY) + 25 * DAY);
    const times: number[] = [];
    for (let k = 0; k < n; k++) times.push(sec(from + r.next() * (to - from)));
    times.sort((a, b) => a - b);
    for (const t of times) {
      const active = CAMPAIGNS.flatMap((c, idx) => {
        const start = w.start + c.startDay * DAY;
        return start <= t && t <= start + c.days * DAY ? [idx] : [];
      });
      if (active.length === 0) continue;
      const idx = r.pick(active);
      const c = CAMPAIGNS[idx];
      files.member.row([journeyMemberId(), campaignId(idx), lead, c ? PROGRAM_STATUS_BY_TYPE[c.type] ?? 'Responded' : 'Responded', true, salesforceDateTime(t)]);
    }
  }

  function writeOpportunity(j: Journey, rng: Rng, i: number, id: string, contact: string): void {
    const opp = j.opp;
    if (!opp) return;
    const owner = userId(opp.ownerIndex);
    const last = opp.steps[opp.steps.length - 1];
    if (!last) return;
    const stageName = (s: number): string => (s === -1 ? 'Closed Won' : s === -2 ? 'Closed Lost' : (OPEN_STAGES[s] ?? 'Prospecting'));
    for (const st of opp.steps) {
      const closed = st.stage < 0;
      files.oppHistory.row([
        oppHistId(), id, owner, salesforceDateTime(st.at), stageName(st.stage), st.amount,
        st.stage === -1 ? 100 : st.stage === -2 ? 0 : STAGE_PROBABILITY[st.stage],
        closed ? (st.stage === -1 ? 'Closed' : 'Omitted') : STAGE_FORECAST[st.stage], salesforceDate(st.closeDate),
      ]);
    }
    let amount = String(last.amount);
    if (opp.outcome === 'won' && o.defects.take('opportunity-amount-thousands-separator', i, o.persons)) {
      amount = last.amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      o.defects.record({ kind: 'opportunity-amount-thousands-separator', file: rel('Opportunity.csv'), line: files.opp.nextLine, row: files.opp.rowCount + 1, recordId: id, value: amount });
    } else if (opp.outcome === 'lost' && o.defects.take('opportunity-amount-negative', i, o.persons)) {
      amount = `-${last.amount}.00`;
      o.defects.record({ kind: 'opportunity-amount-negative', file: rel('Opportunity.csv'), line: files.opp.nextLine, row: files.opp.rowCount + 1, recordId: id, value: amount });
    }
    files.opp.row([
      id, accountId(j.company.index), `${j.company.name} - ${opp.product}`, stageName(last.stage), amount,
      salesforceDate(last.closeDate), opp.outcome !== 'open', opp.outcome === 'won', j.leadSource,
      campaignId(j.campaignIndex), owner, salesforceDateTime(opp.createdAt),
    ]);
    // The AE's work on the deal.
    for (const st of opp.steps) {
      if (st.stage < 0 || !rng.chance(0.5)) continue;
      const t = sec(st.at + rng.int(1, 72) * 3600 * SECOND);
      if (t > w.asOf) continue;
      files.task.row([
        taskId(), contact, id, rng.pick(OPP_SUBJECTS), 'Completed', 'Normal', rng.chance(0.6) ? 'Call' : 'Email', owner,
        salesforceDateTime(t), salesforceDateTime(t), salesforceDate(t), '',
      ]);
    }
  }

  function writeMarketo(j: Journey, rng: Rng, i: number, crmStatus: string, previousStatus: string): void {
    const id = marketoLeadId;
    marketoLeadId += rng.int(1, 3);
    const programId = 1001 + j.campaignIndex;
    const program = CAMPAIGNS[j.campaignIndex];
    const programName = program?.name ?? '';
    const acts: Activity[] = [];
    const add = (at: number, type: number, campaign: string, valueId: string, value: string, attributes: string): void => {
      if (at <= w.asOf) acts.push({ at, type, campaignId: campaign, valueId, value, attributes });
    };
    const events = program?.type === 'Trade Show' || program?.type === 'Conference';
    add(j.createdAt, 12, '', '', '', events ? json({ 'Source Type': 'List import', 'List ID': 4000 + j.campaignIndex }) : json({ 'Source Type': 'Web form fillout', 'Form Name': 'Demo Request' }));
    add(j.createdAt + SECOND, 104, String(6000 + j.campaignIndex), String(programId), programName,
      json({ 'Acquired By': true, 'New Status': PROGRAM_STATUS_BY_TYPE[program?.type ?? 'Other'] ?? 'Member', 'Old Status': 'Not in Program', Success: true }));
    // Engagement.
    const mult = j.mqlAt !== null ? 1.5 : 0.8;
    const budget = Math.max(0, Math.round(rng.next() * 2 * Math.max(0, o.activitiesPerLead - 4) * mult));
    const span = Math.min(w.asOf, j.createdAt + 200 * DAY) - j.createdAt;
    const times: number[] = [];
    for (let k = 0; k < budget; k++) times.push(sec(j.createdAt + MINUTE + rng.next() * span));
    times.sort((a, b) => a - b);
    let lastEmail: { id: number; name: string } | null = null;
    for (const t of times) {
      const r = rng.next();
      if (r < 0.35 || (r < 0.63 && lastEmail === null)) {
        const k = rng.int(0, 3);
        const emailProgram = rng.chance(0.6) ? 5 : j.campaignIndex;
        lastEmail = { id: 2000 + emailProgram * 10 + k, name: `${CAMPAIGNS[emailProgram]?.name ?? 'Newsletter'}.Email ${k + 1}` };
        add(t, 6, String(6000 + emailProgram), String(lastEmail.id), lastEmail.name, json({ 'Campaign Run ID': String(rng.int(10_000, 99_999)), 'Choice Number': 0, 'Step ID': '1' }));
      } else if (r < 0.55 && lastEmail) {
        const d = rng.pick(DEVICES);
        add(t, 10, '', String(lastEmail.id), lastEmail.name, json({ Device: d[0], 'Is Mobile Device': d[1] === 'true', Platform: d[2] }));
      } else if (r < 0.63 && lastEmail) {
        add(t, 11, '', String(lastEmail.id), lastEmail.name, json({ Link: `https://www.${DOMAIN}/demo?utm_medium=email`, 'Is Mobile Device': false }));
      } else if (r < 0.92) {
        const page = rng.int(0, WEBPAGES.length - 1);
        const attributes = json({ 'Client IP Address': ip(rng), 'Referrer URL': rng.pick(REFERRERS), 'Webpage URL': WEBPAGES[page] ?? '/' });
        if (o.defects.take('marketo-activity-missing-field', i, o.persons)) {
          const { file, name } = activityFile(t);
          const g = String(guid++);
          o.defects.record({ kind: 'marketo-activity-missing-field', file: rel(name), line: file.nextLine, row: file.rowCount + 1, recordId: g, value: 'attributes column missing' });
          file.rawLine([g, id, marketoDateTime(t), 1, '', 100 + page, `www.${DOMAIN}${WEBPAGES[page] ?? '/'}`].join(','));
          continue;
        }
        add(t, 1, '', String(100 + page), `www.${DOMAIN}${WEBPAGES[page] ?? '/'}`, attributes);
      } else if (r < 0.96) {
        const f = rng.pick(FORMS);
        add(t, 2, '', String(f[0]), f[1], json({ 'Client IP Address': ip(rng), 'Webpage ID': rng.int(100, 107) }));
      } else {
        add(t, 13, '', '44', 'Job Title', json({ 'New Value': rng.pick(['VP Marketing', 'Head of Sales', 'RevOps Manager', 'CMO']), 'Old Value': '', Reason: 'Form fill-out', Source: 'Web form fillout' }));
      }
    }
    // Lifecycle (program 1000): Known → Engaged → MQL; recycled leads: MQL → Recycled → MQL.
    const lifecycle = (at: number, from: string, to: string, trigger: number): void =>
      add(at, 104, String(trigger), String(LIFECYCLE_PROGRAM_ID), LIFECYCLE_PROGRAM,
        json({ 'Acquired By': false, 'New Status ID': LIFECYCLE_STATUS_ID[to] ?? 0, 'New Status': to, 'Old Status ID': LIFECYCLE_STATUS_ID[from] ?? 0, 'Old Status': from, Success: to === 'MQL' }));
    let score = j.score;
    if (j.mqlAt !== null) {
      const engagedAt = sec(j.createdAt + (j.mqlAt - j.createdAt) * (0.3 + 0.4 * rng.next()));
      lifecycle(engagedAt, 'Known', 'Engaged', 7001);
      const old = rng.int(70, 95);
      add(sec(j.mqlAt - SECOND), 22, '7003', '', 'Lead Score', json({ 'Change Value': `+${j.score - old}`, 'New Value': j.score, 'Old Value': old, Reason: 'Filled out Demo Request form' }));
      lifecycle(j.mqlAt, 'Engaged', 'MQL', 7002);
      if (j.recycle) {
        lifecycle(j.recycle.recycledAt, 'MQL', 'Recycled', 7004);
        if (j.recycle.reMqlAt !== null) lifecycle(j.recycle.reMqlAt, 'Recycled', 'MQL', 7002);
        else score = rng.int(20, 60);
      }
    } else if (budget > 6) {
      lifecycle(sec(j.createdAt + span / 2), 'Known', 'Engaged', 7001);
    }
    if (j.crmCreatedAt !== null) add(sec(j.crmCreatedAt - 20 * SECOND), 19, '7005', '', '', json({ 'SFDC Type': 'Lead' }));
    if (j.handoffAt !== null && j.ownerIndex !== null) {
      add(sec(j.handoffAt + 3 * MINUTE), 23, '', '', '', json({ 'New Owner': userName(j.ownerIndex), 'Old Owner': LEAD_QUEUE_NAME }));
    }
    acts.sort((a, b) => a.at - b.at || a.type - b.type);
    let updatedAt = j.createdAt;
    for (const a of acts) {
      const { file } = activityFile(a.at);
      file.rawLine(String(guid++) + ',' + id + ',' + marketoDateTime(a.at) + ',' + a.type + ',' + a.campaignId + ',' + a.valueId + ',' + csvField(a.value) + ',' + csvField(a.attributes));
      if (a.at > updatedAt) updatedAt = a.at;
    }
    // The MA lead record. Most share the CRM email exactly; ~4 % differ in case or whitespace.
    let email = j.email ?? '';
    if (j.crmCreatedAt !== null && rng.chance(0.04)) {
      const v = rng.int(0, 2);
      email = v === 0 ? capitalizeEmail(email) : v === 1 ? email.toUpperCase() : ` ${email} `;
    }
    const leadStatus = j.crmCreatedAt === null ? '' : rng.chance(0.06) ? previousStatus : crmStatus;
    files.mktoLeads.rawLine(csvRow([
      id, email, j.name.first, j.name.last, j.company.name, leadStatus, score, j.leadSource,
      marketoDateTime(j.createdAt), marketoDateTime(updatedAt), programId, j.company.countryValue, j.company.employees ?? '',
    ]));
  }

  const summaries: FileSummary[] = [];
  for (const [name, f] of [
    ['Lead.csv', files.lead], ['LeadHistory.csv', files.leadHistory], ['Opportunity.csv', files.opp],
    ['OpportunityHistory.csv', files.oppHistory], ['Task.csv', files.task], ['User.csv', files.user],
    ['Campaign.csv', files.campaign], ['CampaignMember.csv', files.member], ['marketo-leads.csv', files.mktoLeads],
    ...[...activityFiles.entries()].sort(([a], [b]) => a.localeCompare(b)),
  ] as const) {
    f.close();
    summaries.push({ file: rel(name), rows: f.rowCount });
  }
  return summaries;
}
