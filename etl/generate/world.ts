// Reference data of the fictional company ("Closedloop Demo Co", selling B2B software):
// channels and their lead quality, people's names, customer companies, countries, the sales
// team (Salesforce users and HubSpot owners) and the marketing campaigns.
import { mixSeed } from './prng';

// ---------- channels ----------

export type Channel =
  | 'Paid Search'
  | 'Organic Search'
  | 'Email'
  | 'Events'
  | 'Partner/Referral'
  | 'Social'
  | 'Direct';

export interface ChannelProfile {
  readonly channel: Channel;
  /** Share of new leads. */
  readonly weight: number;
  /** Probability a lead becomes an MQL. */
  readonly mqlRate: number;
  /** Probability an accepted (worked) lead converts to an opportunity. */
  readonly convertRate: number;
  /** Probability a closed opportunity is won. */
  readonly winRate: number;
  /** Salesforce/Marketo LeadSource values for this channel (first is most common). */
  readonly leadSources: readonly string[];
  /** HubSpot "Original Source" and "Original Source Drill-Down 1" values. */
  readonly hubspotSource: string;
  readonly hubspotDrillDowns: readonly string[];
}

export const CHANNELS: readonly ChannelProfile[] = [
  { channel: 'Paid Search', weight: 0.22, mqlRate: 0.34, convertRate: 0.26, winRate: 0.2, leadSources: ['Google Ads', 'Bing Ads'], hubspotSource: 'Paid Search', hubspotDrillDowns: ['google', 'bing'] },
  { channel: 'Organic Search', weight: 0.2, mqlRate: 0.3, convertRate: 0.36, winRate: 0.28, leadSources: ['Organic Search', 'Web'], hubspotSource: 'Organic Search', hubspotDrillDowns: ['google', 'bing', 'duckduckgo'] },
  { channel: 'Email', weight: 0.14, mqlRate: 0.26, convertRate: 0.22, winRate: 0.18, leadSources: ['Email'], hubspotSource: 'Email Marketing', hubspotDrillDowns: ['Monthly Newsletter', 'Nurture - Mid-Market'] },
  { channel: 'Events', weight: 0.12, mqlRate: 0.42, convertRate: 0.3, winRate: 0.25, leadSources: ['Trade Show', 'Webinar'], hubspotSource: 'Offline Sources', hubspotDrillDowns: ['IMPORT'] },
  { channel: 'Partner/Referral', weight: 0.08, mqlRate: 0.5, convertRate: 0.48, winRate: 0.36, leadSources: ['Partner Referral', 'Customer Referral'], hubspotSource: 'Referrals', hubspotDrillDowns: ['partner.example.net', 'g2.com'] },
  { channel: 'Social', weight: 0.14, mqlRate: 0.22, convertRate: 0.16, winRate: 0.15, leadSources: ['LinkedIn', 'Social Media'], hubspotSource: 'Paid Social', hubspotDrillDowns: ['LinkedIn', 'Facebook'] },
  { channel: 'Direct', weight: 0.1, mqlRate: 0.36, convertRate: 0.4, winRate: 0.3, leadSources: ['Direct', 'Phone Inquiry'], hubspotSource: 'Direct Traffic', hubspotDrillDowns: [''] },
];

// ---------- people ----------

export const FIRST_NAMES: readonly string[] = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Christopher', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Ashley',
  'Steven', 'Emily', 'Paul', 'Michelle', 'Andrew', 'Amanda', 'Joshua', 'Melissa', 'Kevin', 'Stephanie',
  'Brian', 'Rebecca', 'George', 'Laura', 'Timothy', 'Helen', 'Ryan', 'Amy', 'Jacob', 'Anna',
  'Oliver', 'Olivia', 'Harry', 'Amelia', 'Jack', 'Isla', 'Lukas', 'Mia', 'Jonas', 'Lena',
  'Hugo', 'Chloé', 'Léa', 'Louis', 'Mateo', 'Lucía', 'Sofía', 'Javier', 'Søren', 'Freja',
  'Lars', 'Ingrid', 'Pieter', 'Sanne', 'Giulia', 'Marco', 'Haruto', 'Yui', 'Kenji', 'Sakura',
  'Wei', 'Mei', 'Arjun', 'Priya', 'Rahul', 'Ananya', 'Chen', 'Li', 'João', 'Beatriz',
  'Zoë', 'Renée', 'Björn', 'Małgorzata', 'Tomás', 'Aoife', 'Siobhan', 'Niamh', 'Ethan', 'Noah',
];

export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Dubois', 'Moreau',
  'Laurent', 'Lefèvre', 'García', 'Fernández', 'Jensen', 'Nielsen', 'Hansen', 'Andersson', 'Johansson', 'de Vries',
  'van der Berg', 'Bakker', 'Rossi', 'Russo', 'Ferrari', 'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe',
  'Wang', 'Zhang', 'Liu', 'Chen', 'Patel', 'Sharma', 'Singh', 'Kumar', 'Silva', 'Santos',
  "O'Brien", "O'Connor", 'Murphy', 'Kelly', 'Nowak', 'Kowalski', 'Novák', 'Ødegaard', 'Schäfer', 'Costa',
];

const NAME_COMBOS = FIRST_NAMES.length * LAST_NAMES.length;
const NAME_STEP = 7919; // prime, coprime to NAME_COMBOS

export interface PersonName {
  readonly first: string;
  readonly last: string;
}

/**
 * The k-th person at a company. Distinct k at one company always give distinct names
 * (k < 10,000), so emails built from name + company domain never collide by accident.
 */
export function personName(seed: number, company: number, k: number): PersonName {
  const offset = mixSeed(seed, company + 17) % NAME_COMBOS;
  const combo = (offset + (k % NAME_COMBOS) * NAME_STEP) % NAME_COMBOS;
  return {
    first: FIRST_NAMES[combo % FIRST_NAMES.length] ?? 'Alex',
    last: LAST_NAMES[Math.floor(combo / FIRST_NAMES.length)] ?? 'Doe',
  };
}

/** Lower-case ASCII email local part: "zoë o'brien" → "zoe.obrien". */
export function emailLocalPart(name: PersonName): string {
  const clean = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ø/gi, 'o')
      .replace(/ł/gi, 'l')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return clean(name.first) + '.' + clean(name.last);
}

// ---------- companies ----------

const COMPANY_PREFIXES: readonly string[] = [
  'Blue', 'North', 'Silver', 'Iron', 'Bright', 'Clear', 'Red', 'Green', 'Gold', 'Swift',
  'Oak', 'Pine', 'Cedar', 'Maple', 'Summit', 'Harbor', 'River', 'Lake', 'Stone', 'Star',
  'Sun', 'Moon', 'Cloud', 'Rapid', 'True', 'Prime', 'Nova', 'Vertex', 'Apex', 'Zen',
  'Bold', 'Quant', 'Kite', 'Delta', 'Orbit', 'Pixel', 'Data', 'Meta', 'Omni', 'Terra',
];
const COMPANY_CORES: readonly string[] = [
  'wind', 'field', 'gate', 'bridge', 'path', 'point', 'wave', 'light', 'forge', 'works',
  'line', 'crest', 'ridge', 'brook', 'haven', 'mark', 'view', 'shore', 'port', 'vale',
  'spark', 'leaf', 'root', 'bay', 'hill', 'rock', 'wood', 'well', 'glen', 'dale',
  'loop', 'beam', 'core', 'grid', 'hub', 'lane', 'mill', 'nest', 'peak', 'yard',
];
const COMPANY_SECTORS: readonly string[] = [
  'Analytics', 'Systems', 'Logistics', 'Health', 'Software', 'Labs', 'Energy', 'Capital', 'Foods', 'Media',
  'Robotics', 'Networks', 'Retail', 'Pharma', 'Insurance', 'Motors', 'Security', 'Consulting', 'Learning', 'Cloud',
  'Bank', 'Telecom', 'Materials', 'Travel', 'Industries', 'Solutions', 'Partners', 'Design', 'Devices', 'Biotech',
];
const SECTOR_INDUSTRY: Readonly<Record<string, string>> = {
  Analytics: 'Technology', Systems: 'Technology', Logistics: 'Transportation', Health: 'Healthcare',
  Software: 'Technology', Labs: 'Biotechnology', Energy: 'Energy', Capital: 'Finance', Foods: 'Food & Beverage',
  Media: 'Media', Robotics: 'Manufacturing', Networks: 'Telecommunications', Retail: 'Retail',
  Pharma: 'Biotechnology', Insurance: 'Insurance', Motors: 'Manufacturing', Security: 'Technology',
  Consulting: 'Consulting', Learning: 'Education', Cloud: 'Technology', Bank: 'Banking',
  Telecom: 'Telecommunications', Materials: 'Chemicals', Travel: 'Hospitality', Industries: 'Manufacturing',
  Solutions: 'Technology', Partners: 'Consulting', Design: 'Media', Devices: 'Electronics', Biotech: 'Biotechnology',
};
const COMPANY_COMBOS = COMPANY_PREFIXES.length * COMPANY_CORES.length * COMPANY_SECTORS.length;

export type Region = 'NA' | 'EMEA' | 'APAC' | 'LATAM';

export interface CountryProfile {
  /** The value written to exports (a few US rows say "USA" or "US" instead). */
  readonly name: string;
  readonly region: Region;
  readonly weight: number;
  readonly tld: string;
  readonly legalSuffix: string;
}

export const COUNTRIES: readonly CountryProfile[] = [
  { name: 'United States', region: 'NA', weight: 42, tld: 'com', legalSuffix: ', Inc.' },
  { name: 'Canada', region: 'NA', weight: 5, tld: 'ca', legalSuffix: ' Ltd.' },
  { name: 'United Kingdom', region: 'EMEA', weight: 10, tld: 'co.uk', legalSuffix: ' Ltd' },
  { name: 'Germany', region: 'EMEA', weight: 8, tld: 'de', legalSuffix: ' GmbH' },
  { name: 'France', region: 'EMEA', weight: 5, tld: 'fr', legalSuffix: ' SAS' },
  { name: 'Netherlands', region: 'EMEA', weight: 3, tld: 'nl', legalSuffix: ' B.V.' },
  { name: 'Spain', region: 'EMEA', weight: 2, tld: 'es', legalSuffix: ' S.L.' },
  { name: 'Sweden', region: 'EMEA', weight: 2, tld: 'se', legalSuffix: ' AB' },
  { name: 'Australia', region: 'APAC', weight: 5, tld: 'com.au', legalSuffix: ' Pty Ltd' },
  { name: 'Singapore', region: 'APAC', weight: 3, tld: 'sg', legalSuffix: ' Pte. Ltd.' },
  { name: 'Japan', region: 'APAC', weight: 3, tld: 'jp', legalSuffix: ' K.K.' },
  { name: 'India', region: 'APAC', weight: 3, tld: 'in', legalSuffix: ' Pvt. Ltd.' },
  { name: 'Brazil', region: 'LATAM', weight: 3, tld: 'com.br', legalSuffix: ' Ltda.' },
  { name: 'Mexico', region: 'LATAM', weight: 2, tld: 'mx', legalSuffix: ', S.A. de C.V.' },
];

export interface Company {
  readonly index: number;
  readonly name: string;
  readonly domain: string;
  readonly industry: string;
  readonly country: CountryProfile;
  /** Written country value ('' when unknown; US sometimes as "USA"/"US"). */
  readonly countryValue: string;
  /** Employees; null when unknown. */
  readonly employees: number | null;
}

const COUNTRY_WEIGHT_TOTAL = COUNTRIES.reduce((s, c) => s + c.weight, 0);

/** Company number `index` (0-based). Names and domains are distinct for distinct indexes. */
export function company(seed: number, index: number): Company {
  const h = mixSeed(seed ^ 0x5bd1e995, index);
  const h2 = mixSeed(h, 0x27d4eb2f);
  const combo = (index * 7883 + (seed % COMPANY_COMBOS)) % COMPANY_COMBOS;
  const round = Math.floor(index / COMPANY_COMBOS);
  const prefix = COMPANY_PREFIXES[combo % COMPANY_PREFIXES.length] ?? 'Blue';
  const core = COMPANY_CORES[Math.floor(combo / COMPANY_PREFIXES.length) % COMPANY_CORES.length] ?? 'wind';
  const sector =
    COMPANY_SECTORS[Math.floor(combo / (COMPANY_PREFIXES.length * COMPANY_CORES.length)) % COMPANY_SECTORS.length] ??
    'Systems';
  let r = (h % 100_000) / 100_000 * COUNTRY_WEIGHT_TOTAL;
  let country = COUNTRIES[0] as CountryProfile;
  for (const c of COUNTRIES) {
    r -= c.weight;
    if (r < 0) {
      country = c;
      break;
    }
  }
  const base = prefix + core + ' ' + sector + (round > 0 ? ' ' + (round + 1) : '');
  const legal = h2 % 3 === 0 ? '' : country.legalSuffix;
  const domain = (prefix + core + sector + (round > 0 ? String(round + 1) : '')).toLowerCase() + '.' + country.tld;
  let countryValue = country.name;
  const u = h2 % 1000;
  if (u < 12) countryValue = '';
  else if (country.name === 'United States' && u < 60) countryValue = u < 40 ? 'USA' : 'US';
  // Employees: log-uniform 5 … 50,000, unknown for ~3 %.
  const e = (mixSeed(h2, 3) % 1_000_000) / 1_000_000;
  const employees = u >= 12 && u < 42 ? null : Math.round(Math.exp(Math.log(5) + e * (Math.log(50_000) - Math.log(5))));
  return {
    index,
    name: base + legal,
    domain,
    industry: SECTOR_INDUSTRY[sector] ?? 'Other',
    country,
    countryValue,
    employees,
  };
}

// ---------- the sales team ----------

export interface SalesUser {
  readonly key: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly title: string;
  readonly department: string;
  readonly timeZone: string;
  readonly isActive: boolean;
  /** Median hours from handoff to first touch (a few reps are slow: SLA breaches concentrate there). */
  readonly responseMedianHours: number;
  readonly role: 'sdr' | 'ae' | 'inside' | 'ops';
  readonly regions: readonly Region[];
}

export const SALES_USERS: readonly SalesUser[] = [
  { key: 'ops', firstName: 'Marketo', lastName: 'Integration', title: 'Integration User', department: 'Marketing Operations', timeZone: 'America/New_York', isActive: true, responseMedianHours: 0, role: 'ops', regions: [] },
  { key: 'sdr-e1', firstName: 'Megan', lastName: 'Fox-Harlow', title: 'Sales Development Representative', department: 'SDR East', timeZone: 'America/New_York', isActive: true, responseMedianHours: 2.5, role: 'sdr', regions: ['NA', 'LATAM'] },
  { key: 'sdr-e2', firstName: 'Darnell', lastName: 'Price', title: 'Sales Development Representative', department: 'SDR East', timeZone: 'America/New_York', isActive: true, responseMedianHours: 3, role: 'sdr', regions: ['NA', 'LATAM'] },
  { key: 'sdr-e3', firstName: 'Kevin', lastName: 'Osei', title: 'Senior SDR', department: 'SDR East', timeZone: 'America/New_York', isActive: true, responseMedianHours: 34, role: 'sdr', regions: ['NA', 'LATAM'] },
  { key: 'sdr-e4', firstName: 'Priya', lastName: 'Raman', title: 'Sales Development Representative', department: 'SDR East', timeZone: 'America/New_York', isActive: false, responseMedianHours: 5, role: 'sdr', regions: ['NA'] },
  { key: 'sdr-w1', firstName: 'Tyler', lastName: 'Brooks', title: 'Sales Development Representative', department: 'SDR West', timeZone: 'America/Los_Angeles', isActive: true, responseMedianHours: 2, role: 'sdr', regions: ['NA'] },
  { key: 'sdr-w2', firstName: 'Camila', lastName: 'Reyes', title: 'Sales Development Representative', department: 'SDR West', timeZone: 'America/Los_Angeles', isActive: true, responseMedianHours: 4, role: 'sdr', regions: ['NA', 'LATAM'] },
  { key: 'sdr-w3', firstName: 'Brandon', lastName: 'Kowalczyk', title: 'Sales Development Representative', department: 'SDR West', timeZone: 'America/Los_Angeles', isActive: true, responseMedianHours: 40, role: 'sdr', regions: ['NA'] },
  { key: 'emea-1', firstName: 'Charlotte', lastName: 'Evans', title: 'Inside Sales Representative', department: 'EMEA Inside Sales', timeZone: 'Europe/London', isActive: true, responseMedianHours: 3, role: 'inside', regions: ['EMEA'] },
  { key: 'emea-2', firstName: 'Felix', lastName: 'Wagner', title: 'Inside Sales Representative', department: 'EMEA Inside Sales', timeZone: 'Europe/Berlin', isActive: true, responseMedianHours: 2, role: 'inside', regions: ['EMEA'] },
  { key: 'emea-3', firstName: 'Inès', lastName: 'Morel', title: 'Inside Sales Representative', department: 'EMEA Inside Sales', timeZone: 'Europe/Paris', isActive: true, responseMedianHours: 30, role: 'inside', regions: ['EMEA'] },
  { key: 'apac-1', firstName: 'Hiroshi', lastName: 'Nakamura', title: 'Inside Sales Representative', department: 'APAC Inside Sales', timeZone: 'Asia/Tokyo', isActive: true, responseMedianHours: 3.5, role: 'inside', regions: ['APAC'] },
  { key: 'apac-2', firstName: 'Olivia', lastName: 'Tan', title: 'Inside Sales Representative', department: 'APAC Inside Sales', timeZone: 'Asia/Singapore', isActive: true, responseMedianHours: 2.5, role: 'inside', regions: ['APAC'] },
  { key: 'mm-1', firstName: 'Jordan', lastName: 'Blake', title: 'Account Executive', department: 'Mid-Market AE', timeZone: 'America/Chicago', isActive: true, responseMedianHours: 4, role: 'ae', regions: ['NA', 'LATAM', 'APAC'] },
  { key: 'mm-2', firstName: 'Sofia', lastName: 'Lindqvist', title: 'Account Executive', department: 'Mid-Market AE', timeZone: 'America/New_York', isActive: true, responseMedianHours: 4, role: 'ae', regions: ['NA', 'LATAM', 'APAC'] },
  { key: 'mm-3', firstName: 'Marcus', lastName: 'Hale', title: 'Account Executive', department: 'Mid-Market AE', timeZone: 'America/Denver', isActive: true, responseMedianHours: 4, role: 'ae', regions: ['NA', 'LATAM', 'APAC'] },
  { key: 'ent-1', firstName: 'Rebecca', lastName: "O'Neill", title: 'Enterprise Account Executive', department: 'Enterprise AE', timeZone: 'America/New_York', isActive: true, responseMedianHours: 4, role: 'ae', regions: ['NA', 'LATAM', 'APAC', 'EMEA'] },
  { key: 'ent-2', firstName: 'Daniel', lastName: 'Achterberg', title: 'Enterprise Account Executive', department: 'Enterprise AE', timeZone: 'Europe/Amsterdam', isActive: true, responseMedianHours: 4, role: 'ae', regions: ['NA', 'LATAM', 'APAC', 'EMEA'] },
];

/**
 * HubSpot owners (the HubSpot business unit's smaller team); the export names them "First Last"
 * and gives each owner's HubSpot team (same team names as Salesforce's User.Department).
 */
export const HUBSPOT_OWNERS: readonly { readonly name: string; readonly team: string; readonly responseMedianHours: number }[] = [
  { name: 'Alicia Romero', team: 'SDR East', responseMedianHours: 2 },
  { name: 'Ben Carter', team: 'SDR West', responseMedianHours: 3 },
  { name: 'Chloe Dupont', team: 'EMEA Inside Sales', responseMedianHours: 36 },
  { name: 'Dev Malhotra', team: 'APAC Inside Sales', responseMedianHours: 2.5 },
  { name: 'Erin Walsh', team: 'SDR East', responseMedianHours: 5 },
];

// ---------- campaigns (Salesforce Campaign = Marketo program, same name) ----------

export interface CampaignDef {
  readonly name: string;
  readonly type: string;
  readonly channel: Channel;
  /** Days after the window start (the as-of date minus 365 days) when it starts; may be negative. */
  readonly startDay: number;
  /** Length in days. */
  readonly days: number;
}

export const CAMPAIGNS: readonly CampaignDef[] = [
  { name: 'FY26 Google Ads - Brand', type: 'Advertisement', channel: 'Paid Search', startDay: -60, days: 500 },
  { name: 'FY26 Google Ads - Competitor', type: 'Advertisement', channel: 'Paid Search', startDay: 30, days: 400 },
  { name: 'FY26 Bing Ads', type: 'Advertisement', channel: 'Paid Search', startDay: 90, days: 300 },
  { name: 'Website - Organic', type: 'Website', channel: 'Organic Search', startDay: -400, days: 900 },
  { name: 'SEO Content Hub: Guides, Templates & Benchmarks', type: 'Website', channel: 'Organic Search', startDay: 120, days: 400 },
  { name: 'Monthly Newsletter', type: 'Email', channel: 'Email', startDay: -300, days: 900 },
  { name: 'Nurture - Mid-Market', type: 'Email', channel: 'Email', startDay: 40, days: 400 },
  { name: 'Nurture - "Win-Back" Lost Deals', type: 'Email', channel: 'Email', startDay: 200, days: 300 },
  { name: 'Dreamforce 2025', type: 'Trade Show', channel: 'Events', startDay: 13, days: 4 },
  { name: 'Gartner CX Summit, London', type: 'Conference', channel: 'Events', startDay: 130, days: 3 },
  { name: 'SaaStr Annual 2026', type: 'Trade Show', channel: 'Events', startDay: 195, days: 3 },
  { name: 'Webinar: Pipeline Metrics That Matter', type: 'Webinar', channel: 'Events', startDay: 75, days: 1 },
  { name: 'Webinar: SLA Playbook for Sales & Marketing', type: 'Webinar', channel: 'Events', startDay: 250, days: 1 },
  { name: 'Partner Program - Resellers', type: 'Partners', channel: 'Partner/Referral', startDay: -200, days: 900 },
  { name: 'Customer Referral Program', type: 'Referral Program', channel: 'Partner/Referral', startDay: -100, days: 900 },
  { name: 'LinkedIn Lead Gen - H1', type: 'Advertisement', channel: 'Social', startDay: -20, days: 200 },
  { name: 'LinkedIn Lead Gen - H2', type: 'Advertisement', channel: 'Social', startDay: 180, days: 220 },
  { name: 'Website - Contact Us', type: 'Other', channel: 'Direct', startDay: -400, days: 900 },
];
