import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import {
  DATE_ORDERS,
  OPPORTUNITY_OUTCOMES,
  TOUCH_KINDS,
  type AttributionSettings,
  type CrmLinks,
  type RejectionReasons,
  UNMAPPED_LABEL,
  type MilestoneWeights,
  type TouchKind,
  STATUS_STAGES,
  SYSTEMS,
  WEEKDAYS,
  type Agreement,
  type OpportunityOutcome,
  type SegmentBand,
  type StatusStage,
  type System,
  type Weekday,
} from './agreement';
import { formats } from '../formats/index';
import { DEFAULT_QUARANTINE, parseThreshold, type QuarantineRules, type QuarantineThresholds, type Threshold } from '../guards/threshold';
import { AgreementError } from './agreement-error';
import { parseDefinitions, parseGoals } from './parse-goals';

/** Read and validate `agreement.yml`. Throws AgreementError naming file, line, key and expectation. */
export async function loadAgreement(path: string): Promise<Agreement> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AgreementError(path, '', 'a readable YAML file', undefined, undefined, (error as Error).message);
  }
  return parseAgreement(text, path);
}

type Path = readonly (string | number)[];

/** Validate agreement text; `path` is only used in error messages. */
export function parseAgreement(text: string, path = 'agreement.yml'): Agreement {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const message = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new AgreementError(path, '', 'valid YAML', pos?.line, pos?.col, JSON.stringify(message));
  }
  const v = new Validator(path, doc, lineCounter);
  const root = v.object(doc.toJS() as unknown, [], ['version', 'lead_statuses', 'opportunity_stages', 'mql', 'sales_sla', 'mql_commitments', 'channels', 'segments', 'regions', 'source_time_zones', 'date_order', 'quarantine', 'goals', 'definitions', 'attribution', 'rejection_reasons', 'crm_links']);
  if (root['version'] !== 1) v.fail(['version'], 'the number 1', root['version']);

  const statusesRoot = v.object(root['lead_statuses'] ?? {}, ['lead_statuses'], SYSTEMS);
  const leadStatuses = {} as Record<System, Record<string, StatusStage>>;
  for (const system of SYSTEMS) {
    leadStatuses[system] = v.enumMap(statusesRoot[system] ?? {}, ['lead_statuses', system], STATUS_STAGES);
  }

  const oppRoot = v.object(root['opportunity_stages'] ?? {}, ['opportunity_stages'], ['salesforce', 'hubspot']);
  const opportunityStages = {
    salesforce: v.enumMap<OpportunityOutcome>(oppRoot['salesforce'] ?? {}, ['opportunity_stages', 'salesforce'], OPPORTUNITY_OUTCOMES),
    hubspot: v.enumMap<OpportunityOutcome>(oppRoot['hubspot'] ?? {}, ['opportunity_stages', 'hubspot'], OPPORTUNITY_OUTCOMES),
  };

  const mqlRoot = v.object(root['mql'] ?? {}, ['mql'], ['infer_from_later_stages']);
  const inferFromLaterStages = v.boolean(mqlRoot['infer_from_later_stages'] ?? true, ['mql', 'infer_from_later_stages']);

  const slaRoot = v.object(root['sales_sla'] ?? {}, ['sales_sla'], ['hours', 'hours_type', 'time_zone', 'business_hours', 'hours_by_segment']);
  const hours = v.positiveNumber(slaRoot['hours'] ?? 24, ['sales_sla', 'hours']);
  const hoursType = v.oneOf(slaRoot['hours_type'] ?? 'clock', ['sales_sla', 'hours_type'], ['clock', 'business'] as const);
  const slaTimeZone = v.timeZone(slaRoot['time_zone'] ?? 'UTC', ['sales_sla', 'time_zone']);
  const bhRoot = v.object(slaRoot['business_hours'] ?? {}, ['sales_sla', 'business_hours'], ['start', 'end', 'days']);
  const startMinute = v.clockTime(bhRoot['start'] ?? '09:00', ['sales_sla', 'business_hours', 'start']);
  const endMinute = v.clockTime(bhRoot['end'] ?? '17:00', ['sales_sla', 'business_hours', 'end']);
  if (endMinute <= startMinute) v.fail(['sales_sla', 'business_hours', 'end'], 'a time after business_hours.start', bhRoot['end']);
  const daysRaw = bhRoot['days'] ?? ['mon', 'tue', 'wed', 'thu', 'fri'];
  const days = v.array(daysRaw, ['sales_sla', 'business_hours', 'days']).map((d, i) =>
    v.oneOf<Weekday>(typeof d === 'string' ? d.toLowerCase() : d, ['sales_sla', 'business_hours', 'days', i], WEEKDAYS),
  );
  if (days.length === 0) v.fail(['sales_sla', 'business_hours', 'days'], 'at least one weekday', daysRaw);

  const segmentsRaw = v.array(root['segments'] ?? defaultSegments, ['segments']);
  const segments: SegmentBand[] = segmentsRaw.map((s, i) => {
    const o = v.object(s, ['segments', i], ['name', 'max_employees']);
    const name = v.nonEmptyString(o['name'], ['segments', i, 'name']);
    const max = o['max_employees'] ?? null;
    const maxEmployees = max === null ? null : v.positiveNumber(max, ['segments', i, 'max_employees']);
    return { name, maxEmployees };
  });
  segments.forEach((s, i) => {
    const prev = segments[i - 1];
    if (prev && (prev.maxEmployees === null || (s.maxEmployees !== null && s.maxEmployees <= prev.maxEmployees))) {
      v.fail(['segments', i, 'max_employees'], `a max_employees above ${prev.maxEmployees ?? 'the previous band'} (bands ascend; only the last may omit it)`, s.maxEmployees);
    }
  });
  if (segments.length === 0) v.fail(['segments'], 'at least one segment band', segmentsRaw);
  const segmentNames = segments.map((s) => s.name);

  const hoursBySegment = v.numberMap(slaRoot['hours_by_segment'] ?? {}, ['sales_sla', 'hours_by_segment'], segmentNames);

  const commitRoot = v.object(root['mql_commitments'] ?? {}, ['mql_commitments'], ['monthly', 'months']);
  const monthly = v.numberMap(commitRoot['monthly'] ?? {}, ['mql_commitments', 'monthly'], segmentNames, true);
  const monthsRaw = v.object(commitRoot['months'] ?? {}, ['mql_commitments', 'months']);
  const months: Record<string, Record<string, number>> = {};
  for (const [month, bySegment] of Object.entries(monthsRaw)) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) v.fail(['mql_commitments', 'months', month], 'a month key written YYYY-MM', month, 'key');
    months[month] = v.numberMap(bySegment, ['mql_commitments', 'months', month], segmentNames, true);
  }

  const channels = v.listMap(root['channels'] ?? {}, ['channels']);
  const regions = v.listMap(root['regions'] ?? {}, ['regions']);
  v.noDuplicateMembers(channels, ['channels'], 'lead source');
  v.noDuplicateMembers(regions, ['regions'], 'country');

  const tzRoot = v.object(root['source_time_zones'] ?? {}, ['source_time_zones'], SYSTEMS);
  const sourceTimeZones = Object.fromEntries(SYSTEMS.map((system) => [system, v.timeZone(tzRoot[system] ?? 'UTC', ['source_time_zones', system])])) as Record<System, string>;
  // Which of day and month comes first in a date column whose every value is ambiguous
  // (day ≤ 12): the loader detects the order from the values and asks this only then.
  const dateOrder = v.oneOf(root['date_order'] ?? 'month_first', ['date_order'], DATE_ORDERS);

  const attribution = parseAttribution(v, root['attribution'] ?? {}, Object.keys(channels));

  return {
    version: 1,
    leadStatuses,
    opportunityStages,
    mql: { inferFromLaterStages },
    salesSla: { hours, hoursType, timeZone: slaTimeZone, businessHours: { startMinute, endMinute, days }, hoursBySegment },
    mqlCommitments: { monthly, months },
    channels,
    segments,
    regions,
    sourceTimeZones,
    dateOrder,
    quarantine: parseQuarantine(v, root['quarantine']),
    goals: parseGoals(v, root['goals'], segmentNames, Object.keys(regions)),
    definitions: parseDefinitions(v, root['definitions']),
    attribution,
    rejectionReasons: parseRejectionReasons(v, root['rejection_reasons']),
    crmLinks: parseCrmLinks(v, root['crm_links']),
    hash: createHash('sha256').update(text).digest('hex'),
  };
}

/**
 * `quarantine: { warn_if, error_if, percent_min_rows, exports: { <format>: { warn_if, error_if } } }`
 * (conditions as in dbt: "> 0", ">= 50", "> 5%"; null turns one off).
 */
function parseQuarantine(v: Validator, value: unknown): QuarantineThresholds {
  if (value === undefined || value === null) return DEFAULT_QUARANTINE;
  const root = v.object(value, ['quarantine'], ['warn_if', 'error_if', 'exports', 'percent_min_rows']);
  const rules = (o: Record<string, unknown>, path: Path): Partial<QuarantineRules> => {
    const out: { warnIf?: Threshold | null; errorIf?: Threshold | null } = {};
    for (const [key, field] of [['warn_if', 'warnIf'], ['error_if', 'errorIf']] as const) {
      if (!(key in o)) continue;
      const raw = o[key];
      if (raw === null || raw === false) {
        out[field] = null;
        continue;
      }
      const parsed = parseThreshold(raw);
      if (!parsed) v.fail([...path, key], 'a condition such as "> 0", ">= 100" or "> 5%" (quoted), or null to turn it off', raw);
      out[field] = parsed;
    }
    return out;
  };
  const own = rules(root, ['quarantine']);
  const byExport: Record<string, Partial<QuarantineRules>> = {};
  const exportsRoot = v.object(root['exports'] ?? {}, ['quarantine', 'exports'], formats.map((f) => f.name));
  for (const [name, rule] of Object.entries(exportsRoot)) byExport[name] = rules(v.object(rule, ['quarantine', 'exports', name], ['warn_if', 'error_if']), ['quarantine', 'exports', name]);
  const minRows = root['percent_min_rows'] ?? DEFAULT_QUARANTINE.percentMinRows;
  if (typeof minRows !== 'number' || !Number.isInteger(minRows) || minRows < 0) v.fail(['quarantine', 'percent_min_rows'], 'a whole number of rows, 0 or more', minRows);
  return { defaults: { ...DEFAULT_QUARANTINE.defaults, ...own }, byExport, percentMinRows: minRows };
}

/**
 * `rejection_reasons: { reasons: [agreed…], salesforce: { <as exported>: <agreed> }, marketo: …, hubspot: … }`.
 * Raw reasons match ignoring case and surrounding spaces, like lead statuses.
 */
function parseRejectionReasons(v: Validator, value: unknown): RejectionReasons | null {
  if (value === undefined || value === null) return null;
  const root = v.object(value, ['rejection_reasons'], ['reasons', ...SYSTEMS]);
  const reasonsRaw = root['reasons'];
  if (reasonsRaw === undefined) v.fail(['rejection_reasons'], 'a `reasons:` list of the agreed rejection reasons', value);
  const reasons = v.array(reasonsRaw, ['rejection_reasons', 'reasons']).map((r, i) => v.nonEmptyString(r, ['rejection_reasons', 'reasons', i]));
  if (reasons.length === 0) v.fail(['rejection_reasons', 'reasons'], 'at least one agreed reason', reasonsRaw);
  reasons.forEach((r, i) => {
    if (r === UNMAPPED_LABEL) v.fail(['rejection_reasons', 'reasons', i], `a reason other than "${UNMAPPED_LABEL}" (the label of reasons no system maps)`, r);
    if (reasons.indexOf(r) !== i) v.fail(['rejection_reasons', 'reasons', i], 'each agreed reason listed once', r);
  });
  const bySystem = {} as Record<System, Record<string, string>>;
  for (const system of SYSTEMS) bySystem[system] = v.enumMap(root[system] ?? {}, ['rejection_reasons', system], reasons, 'each reason listed once (matching ignores case)');
  return { reasons, bySystem };
}

/** `crm_links: { salesforce_instance_url: https://acme.my.salesforce.com, hubspot_portal_id: 1234567 }` (both optional). */
function parseCrmLinks(v: Validator, value: unknown): CrmLinks {
  if (value === undefined || value === null) return { salesforceInstanceUrl: null, hubspotPortalId: null };
  const root = v.object(value, ['crm_links'], ['salesforce_instance_url', 'hubspot_portal_id']);
  let salesforceInstanceUrl: string | null = null;
  const sf = root['salesforce_instance_url'];
  if (sf !== undefined && sf !== null) {
    const path = ['crm_links', 'salesforce_instance_url'];
    const expected = 'the https address of your Salesforce org, such as https://acme.my.salesforce.com';
    if (typeof sf !== 'string') v.fail(path, expected, sf);
    let url: URL;
    try {
      url = new URL(sf.trim());
    } catch {
      v.fail(path, expected, sf);
    }
    if (url.protocol !== 'https:' || (url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') v.fail(path, expected, sf);
    salesforceInstanceUrl = url.origin;
  }
  let hubspotPortalId: string | null = null;
  const hs = root['hubspot_portal_id'];
  if (hs !== undefined && hs !== null) {
    const text = typeof hs === 'number' ? String(hs) : typeof hs === 'string' ? hs.trim() : '';
    if (!/^\d{1,12}$/.test(text)) v.fail(['crm_links', 'hubspot_portal_id'], 'the HubSpot portal (hub) id: digits, such as 1234567', hs);
    hubspotPortalId = text;
  }
  return { salesforceInstanceUrl, hubspotPortalId };
}

const MILESTONES = ['first_touch', 'lead_creation', 'opportunity_creation', 'closed_won', 'middle'] as const;

/** Marketo Measure's published weights (DOMAIN.md). */
const defaultWeights: Record<'u_shaped' | 'w_shaped' | 'full_path', Record<string, number>> = {
  u_shaped: { first_touch: 0.5, lead_creation: 0.5 },
  w_shaped: { first_touch: 0.3, lead_creation: 0.3, opportunity_creation: 0.3, middle: 0.1 },
  full_path: { first_touch: 0.225, lead_creation: 0.225, opportunity_creation: 0.225, closed_won: 0.225, middle: 0.1 },
};

function parseAttribution(v: Validator, value: unknown, channelNames: readonly string[]): AttributionSettings {
  const root = v.object(value, ['attribution'], ['lookback_days', 'time_decay_half_life_days', 'touch_kinds', 'weights', 'campaign_channels']);
  const lookbackDays = v.positiveNumber(root['lookback_days'] ?? 365, ['attribution', 'lookback_days']);
  const halfLifeDays = v.positiveNumber(root['time_decay_half_life_days'] ?? 7, ['attribution', 'time_decay_half_life_days']);
  const kindsRaw = root['touch_kinds'] ?? [...TOUCH_KINDS];
  const touchKinds = v.array(kindsRaw, ['attribution', 'touch_kinds']).map((k, i) => v.oneOf<TouchKind>(k, ['attribution', 'touch_kinds', i], TOUCH_KINDS));
  if (touchKinds.length === 0) v.fail(['attribution', 'touch_kinds'], 'at least one touch kind', kindsRaw);
  const weightsRoot = v.object(root['weights'] ?? {}, ['attribution', 'weights'], ['u_shaped', 'w_shaped', 'full_path']);
  const weights = (model: 'u_shaped' | 'w_shaped' | 'full_path'): MilestoneWeights => {
    const path = ['attribution', 'weights', model];
    const raw = v.object(weightsRoot[model] ?? defaultWeights[model], path, MILESTONES);
    const w: Record<string, number> = {};
    for (const m of MILESTONES) {
      const x = raw[m] ?? 0;
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 1) v.fail([...path, m], 'a fraction between 0 and 1', x);
      w[m] = x;
    }
    const total = MILESTONES.reduce((sum, m) => sum + (w[m] ?? 0), 0);
    if (Math.abs(total - 1) > 1e-9) v.fail(path, `weights summing to 1 (they sum to ${total})`, raw);
    if ((w['first_touch'] ?? 0) + (w['lead_creation'] ?? 0) + (w['opportunity_creation'] ?? 0) <= 0) {
      v.fail(path, 'some weight on first_touch, lead_creation or opportunity_creation (every deal has those)', raw);
    }
    return { firstTouch: w['first_touch'] ?? 0, leadCreation: w['lead_creation'] ?? 0, opportunityCreation: w['opportunity_creation'] ?? 0, closedWon: w['closed_won'] ?? 0, middle: w['middle'] ?? 0 };
  };
  const campaignRoot = v.object(root['campaign_channels'] ?? {}, ['attribution', 'campaign_channels']);
  const campaignChannels: Record<string, string> = {};
  for (const [campaign, channel] of Object.entries(campaignRoot)) {
    campaignChannels[campaign] = v.oneOf(channel, ['attribution', 'campaign_channels', campaign], [...channelNames, 'Other']);
  }
  return {
    lookbackDays,
    halfLifeDays,
    touchKinds: [...new Set(touchKinds)],
    weights: { uShaped: weights('u_shaped'), wShaped: weights('w_shaped'), fullPath: weights('full_path') },
    campaignChannels,
  };
}

const defaultSegments = [{ name: 'SMB', max_employees: 199 }, { name: 'Mid-Market', max_employees: 999 }, { name: 'Enterprise' }];

/** Checks one value at a path of the document; every failure names file, line, column, key and expectation. */
export class Validator {
  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  fail(path: Path, expected: string, found?: unknown, at: 'value' | 'key' = 'value'): never {
    const keyRange = at === 'key' && path.length > 0 ? this.keyRange(path) : undefined;
    const { line, col } = keyRange ? this.lineCol(keyRange) : this.position(path);
    throw new AgreementError(this.file, path.join('.'), expected, line, col, found === undefined ? undefined : describe(found));
  }

  /** Position of the deepest node on the path that exists (the value, else its key, else a parent). */
  private position(path: Path): { line?: number; col?: number } {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true);
      const range = isNode(node) && node.range ? node.range : n > 0 ? this.keyRange(path.slice(0, n)) : undefined;
      if (range) return this.lineCol(range);
    }
    return {};
  }

  private lineCol(range: readonly number[]): { line: number; col: number } {
    const pos = this.lines.linePos(range[0] ?? 0);
    return { line: pos.line, col: pos.col };
  }

  private keyRange(path: Path): readonly number[] | undefined {
    const parent = this.doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;
    const last = String(path[path.length - 1]);
    for (const item of parent.items) {
      if (isScalar(item.key) && String(item.key.value) === last && item.key.range) return item.key.range;
    }
    return undefined;
  }

  object(value: unknown, path: Path, allowed?: readonly string[]): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(path, 'a mapping (key: value)', value);
    const record = value as Record<string, unknown>;
    if (allowed) {
      for (const key of Object.keys(record)) {
        if (!allowed.includes(key)) this.fail([...path, key], `one of the keys ${allowed.join(', ')}`, key, 'key');
      }
    }
    return record;
  }

  array(value: unknown, path: Path): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'a list', value);
    return value;
  }

  boolean(value: unknown, path: Path): boolean {
    if (typeof value !== 'boolean') this.fail(path, 'true or false', value);
    return value;
  }

  positiveNumber(value: unknown, path: Path): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) this.fail(path, 'a number above 0', value);
    return value;
  }

  nonEmptyString(value: unknown, path: Path): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(path, 'a non-empty text', value);
    return value.trim();
  }

  oneOf<T extends string>(value: unknown, path: Path, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) this.fail(path, `one of ${allowed.join(', ')}`, value);
    return value as T;
  }

  clockTime(value: unknown, path: Path): number {
    const m = typeof value === 'string' ? /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value) : null;
    if (!m) this.fail(path, 'a time written "HH:MM" (quoted)', value);
    const minutes = Number(m[1]) * 60 + Number(m[2]);
    if (minutes > 24 * 60) this.fail(path, 'a time no later than "24:00"', value);
    return minutes;
  }

  timeZone(value: unknown, path: Path): string {
    if (typeof value !== 'string') this.fail(path, 'an IANA time zone such as Europe/Berlin', value);
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
    } catch {
      this.fail(path, 'an IANA time zone such as Europe/Berlin', value);
    }
    return value;
  }

  enumMap<T extends string>(value: unknown, path: Path, allowed: readonly T[], once = 'each status listed once (matching ignores case)'): Record<string, T> {
    const record = this.object(value, path);
    const out: Record<string, T> = {};
    for (const [key, v] of Object.entries(record)) {
      const norm = key.trim().toLowerCase();
      if (norm in out) this.fail([...path, key], once, key);
      out[norm] = this.oneOf(v, [...path, key], allowed);
    }
    return out;
  }

  numberMap(value: unknown, path: Path, keys: readonly string[], allowZero = false): Record<string, number> {
    const record = this.object(value, path);
    const out: Record<string, number> = {};
    for (const [key, v] of Object.entries(record)) {
      if (!keys.includes(key)) this.fail([...path, key], `a segment named in segments (${keys.join(', ')})`, key, 'key');
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0) || (allowZero && !Number.isInteger(v))) {
        this.fail([...path, key], allowZero ? 'a whole number ≥ 0' : 'a number above 0', v);
      }
      out[key] = v;
    }
    return out;
  }

  listMap(value: unknown, path: Path): Record<string, string[]> {
    const record = this.object(value, path);
    const out: Record<string, string[]> = {};
    for (const [key, v] of Object.entries(record)) {
      out[key] = this.array(v, [...path, key]).map((item, i) => {
        if (typeof item !== 'string' && typeof item !== 'number') this.fail([...path, key, i], 'a text value', item);
        return String(item);
      });
    }
    return out;
  }

  noDuplicateMembers(map: Record<string, readonly string[]>, path: Path, what: string): void {
    const seen = new Map<string, string>();
    for (const [key, members] of Object.entries(map)) {
      members.forEach((m, i) => {
        const norm = m.trim().toLowerCase();
        const other = seen.get(norm);
        if (other !== undefined && other !== key) this.fail([...path, key, i], `each ${what} under one key only (also under ${other})`, m);
        seen.set(norm, key);
      });
    }
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}
