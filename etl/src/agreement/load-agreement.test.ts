import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { AgreementError } from './agreement-error';
import { loadAgreement, parseAgreement } from './load-agreement';

const repoAgreement = fileURLToPath(new URL('../../../agreement.yml', import.meta.url));

describe('loadAgreement', () => {
  it('reads the repository agreement.yml', async () => {
    const a = await loadAgreement(repoAgreement);
    expect(a.salesSla.hours).toBe(24);
    expect(a.salesSla.hoursType).toBe('clock');
    expect(a.leadStatuses.salesforce['closed - not converted']).toBe('rejected');
    expect(a.leadStatuses.marketo['mql']).toBe('mql');
    expect(a.segments.map((s) => s.name)).toEqual(['SMB', 'Mid-Market', 'Enterprise']);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fills defaults for an empty agreement', () => {
    const a = parseAgreement('version: 1\n', 'a.yml');
    expect(a.salesSla).toMatchObject({ hours: 24, hoursType: 'clock', timeZone: 'UTC' });
    expect(a.salesSla.businessHours).toEqual({ startMinute: 540, endMinute: 1020, days: ['mon', 'tue', 'wed', 'thu', 'fri'] });
    expect(a.mql.inferFromLaterStages).toBe(true);
    expect(a.sourceTimeZones).toEqual({ salesforce: 'UTC', marketo: 'UTC', hubspot: 'UTC' });
    expect(a.dateOrder).toBe('month_first');
  });

  it('reads rejection reasons per system (keys lower-cased) and CRM links', () => {
    const a = parseAgreement('version: 1\nrejection_reasons:\n  reasons: [Bad timing]\n  hubspot:\n    BAD_TIMING: Bad timing\ncrm_links:\n  salesforce_instance_url: https://acme.my.salesforce.com/\n  hubspot_portal_id: 1234567\n', 'a.yml');
    expect(a.rejectionReasons).toEqual({ reasons: ['Bad timing'], bySystem: { salesforce: {}, marketo: {}, hubspot: { bad_timing: 'Bad timing' } } });
    expect(a.crmLinks).toEqual({ salesforceInstanceUrl: 'https://acme.my.salesforce.com', hubspotPortalId: '1234567' });
    const none = parseAgreement('version: 1\n', 'a.yml');
    expect(none.rejectionReasons).toBeNull();
    expect(none.crmLinks).toEqual({ salesforceInstanceUrl: null, hubspotPortalId: null });
  });

  it('reads a source time zone for every system and the date order', () => {
    const a = parseAgreement('version: 1\nsource_time_zones:\n  salesforce: Europe/Berlin\n  marketo: America/Chicago\ndate_order: day_first\n', 'a.yml');
    expect(a.sourceTimeZones).toEqual({ salesforce: 'Europe/Berlin', marketo: 'America/Chicago', hubspot: 'UTC' });
    expect(a.dateOrder).toBe('day_first');
  });

  const bad = [
    { name: 'unknown top-level key', text: 'version: 1\nsla: 3\n', message: 'a.yml:2:1: "sla": expected one of the keys version, lead_statuses' },
    { name: 'wrong version', text: 'version: 2\n', message: 'a.yml:1:10: "version": expected the number 1 (found 2)' },
    { name: 'unknown stage', text: 'version: 1\nlead_statuses:\n  salesforce:\n    Working: accepted\n', message: 'a.yml:4:14: "lead_statuses.salesforce.Working": expected one of lead, mql, sal, rejected, sql, recycled (found "accepted")' },
    { name: 'negative SLA hours', text: 'version: 1\nsales_sla:\n  hours: -4\n', message: 'a.yml:3:10: "sales_sla.hours": expected a number above 0 (found -4)' },
    { name: 'bad time zone', text: 'version: 1\nsales_sla:\n  time_zone: Mars/Base\n', message: '"sales_sla.time_zone": expected an IANA time zone such as Europe/Berlin (found "Mars/Base")' },
    { name: 'bad weekday', text: 'version: 1\nsales_sla:\n  business_hours:\n    days: [mon, funday]\n', message: '"sales_sla.business_hours.days.1": expected one of sun, mon' },
    { name: 'end before start', text: 'version: 1\nsales_sla:\n  business_hours:\n    start: "17:00"\n    end: "09:00"\n', message: '"sales_sla.business_hours.end": expected a time after business_hours.start' },
    { name: 'commitment for an unknown segment', text: 'version: 1\nmql_commitments:\n  monthly:\n    Giant: 5\n', message: 'a.yml:4:5: "mql_commitments.monthly.Giant": expected a segment named in segments (SMB, Mid-Market, Enterprise)' },
    { name: 'bad month key', text: 'version: 1\nmql_commitments:\n  months:\n    2026-13: {SMB: 1}\n', message: '"mql_commitments.months.2026-13": expected a month key written YYYY-MM' },
    { name: 'fractional commitment', text: 'version: 1\nmql_commitments:\n  monthly:\n    SMB: 2.5\n', message: '"mql_commitments.monthly.SMB": expected a whole number ≥ 0 (found 2.5)' },
    { name: 'source in two channels', text: 'version: 1\nchannels:\n  A: [Web]\n  B: [web]\n', message: '"channels.B.0": expected each lead source under one key only (also under A) (found "web")' },
    { name: 'descending segment bands', text: 'version: 1\nsegments:\n  - {name: A, max_employees: 100}\n  - {name: B, max_employees: 50}\n', message: '"segments.1.max_employees": expected a max_employees above 100' },
    { name: 'unknown date order', text: 'version: 1\ndate_order: dmy\n', message: 'a.yml:2:13: "date_order": expected one of month_first, day_first (found "dmy")' },
    { name: 'bad Salesforce source zone', text: 'version: 1\nsource_time_zones:\n  salesforce: CET+1\n', message: '"source_time_zones.salesforce": expected an IANA time zone' },
    { name: 'unknown system for a source zone', text: 'version: 1\nsource_time_zones:\n  pipedrive: UTC\n', message: '"source_time_zones.pipedrive": expected one of the keys salesforce, marketo, hubspot' },
    { name: 'invalid YAML', text: 'version: 1\nchannels: [a\n', message: 'a.yml:3:1: agreement: expected valid YAML' },
    { name: 'duplicate key', text: 'version: 1\nversion: 1\n', message: 'expected valid YAML (found "Map keys must be unique")' },
    { name: 'attribution weights not summing to 1', text: 'version: 1\nattribution:\n  weights:\n    w_shaped: {first_touch: 0.3, lead_creation: 0.3, opportunity_creation: 0.3}\n', message: 'a.yml:4:15: "attribution.weights.w_shaped": expected weights summing to 1 (they sum to 0.8999999999999999)' },
    { name: 'unknown milestone', text: 'version: 1\nattribution:\n  weights:\n    u_shaped: {first_touch: 0.5, lead_created: 0.5}\n', message: '"attribution.weights.u_shaped.lead_created": expected one of the keys first_touch, lead_creation, opportunity_creation, closed_won, middle' },
    { name: 'only a middle weight', text: 'version: 1\nattribution:\n  weights:\n    full_path: {middle: 1}\n', message: '"attribution.weights.full_path": expected some weight on first_touch, lead_creation or opportunity_creation' },
    { name: 'unknown touch kind', text: 'version: 1\nattribution:\n  touch_kinds: [form_fill, page_view]\n', message: '"attribution.touch_kinds.1": expected one of campaign_response, form_fill' },
    { name: 'negative lookback', text: 'version: 1\nattribution:\n  lookback_days: 0\n', message: 'a.yml:3:18: "attribution.lookback_days": expected a number above 0 (found 0)' },
    { name: 'rejection reasons without the agreed list', text: 'version: 1\nrejection_reasons:\n  hubspot:\n    BAD_TIMING: Bad timing\n', message: 'a.yml:3:3: "rejection_reasons": expected a `reasons:` list of the agreed rejection reasons' },
    { name: 'rejection reason mapped to a reason not agreed', text: 'version: 1\nrejection_reasons:\n  reasons: [Bad timing]\n  hubspot:\n    BAD_TIMING: Bad Timing\n', message: 'a.yml:5:17: "rejection_reasons.hubspot.BAD_TIMING": expected one of Bad timing (found "Bad Timing")' },
    { name: 'rejection reason listed twice for a system', text: 'version: 1\nrejection_reasons:\n  reasons: [Bad timing]\n  salesforce:\n    Bad timing: Bad timing\n    BAD TIMING: Bad timing\n', message: '"rejection_reasons.salesforce.BAD TIMING": expected each reason listed once (matching ignores case)' },
    { name: 'rejection reasons for an unknown system', text: 'version: 1\nrejection_reasons:\n  reasons: [Bad timing]\n  pipedrive: {}\n', message: '"rejection_reasons.pipedrive": expected one of the keys reasons, salesforce, marketo, hubspot' },
    { name: 'the unmapped label as an agreed reason', text: 'version: 1\nrejection_reasons:\n  reasons: [Other (unmapped)]\n', message: '"rejection_reasons.reasons.0": expected a reason other than "Other (unmapped)"' },
    { name: 'a Salesforce instance that is not https', text: 'version: 1\ncrm_links:\n  salesforce_instance_url: http://acme.my.salesforce.com\n', message: 'a.yml:3:28: "crm_links.salesforce_instance_url": expected the https address of your Salesforce org' },
    { name: 'a Salesforce instance with a path', text: 'version: 1\ncrm_links:\n  salesforce_instance_url: https://acme.my.salesforce.com/lightning\n', message: '"crm_links.salesforce_instance_url": expected the https address' },
    { name: 'a HubSpot portal id that is not a number', text: 'version: 1\ncrm_links:\n  hubspot_portal_id: acme\n', message: 'a.yml:3:22: "crm_links.hubspot_portal_id": expected the HubSpot portal (hub) id: digits, such as 1234567 (found "acme")' },
    { name: 'an unknown CRM link key', text: 'version: 1\ncrm_links:\n  pipedrive_url: x\n', message: '"crm_links.pipedrive_url": expected one of the keys salesforce_instance_url, hubspot_portal_id' },
    { name: 'campaign mapped to an unknown channel', text: 'version: 1\nchannels:\n  Events: [Webinar]\nattribution:\n  campaign_channels:\n    Expo: Fairs\n', message: '"attribution.campaign_channels.Expo": expected one of Events, Other (found "Fairs")' },
  ];
  for (const c of bad) {
    it(`rejects ${c.name} with a message naming the key`, () => {
      let error: unknown;
      try {
        parseAgreement(c.text, 'a.yml');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AgreementError);
      expect((error as Error).message).toContain(c.message);
    });
  }
});
