/** Validation of `goals:` and `definitions:` in agreement.yml (same messages as the rest: file, line, key, expectation). */
import { SQL_DEFINITIONS, type Definitions, type FixedRates, type Goals, type RevenueGoal } from './goals';
import type { Validator } from './load-agreement';

const PERIOD = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

function periodBounds(period: string): { start: string; end: string } | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const firstMonth = m[2] ? Number(m[2]) : (Number(m[3]) - 1) * 3 + 1;
  const months = m[2] ? 1 : 3;
  const iso = (y: number, month: number) => `${y + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-01`;
  return { start: iso(year, firstMonth), end: iso(year, firstMonth + months) };
}

export function parseGoals(v: Validator, value: unknown, segments: readonly string[], regions: readonly string[]): Goals {
  const root = v.object(value ?? {}, ['goals'], ['revenue', 'fixed_rates']);
  const list = v.array(root['revenue'] ?? [], ['goals', 'revenue']);
  const revenue: RevenueGoal[] = list.map((item, i) => {
    const path = ['goals', 'revenue', i];
    const o = v.object(item, path, ['period', 'amount', 'segment', 'region']);
    const period = typeof o['period'] === 'string' ? o['period'].trim() : o['period'];
    const bounds = typeof period === 'string' ? periodBounds(period) : null;
    if (typeof period !== 'string' || !bounds) v.fail([...path, 'period'], 'a month written YYYY-MM or a quarter written YYYY-Qn (e.g. 2026-Q4)', o['period']);
    const amount = v.positiveNumber(o['amount'], [...path, 'amount']);
    const segment = o['segment'] === undefined ? null : v.oneOf(o['segment'], [...path, 'segment'], segments);
    if (o['region'] !== undefined && regions.length === 0) v.fail([...path, 'region'], 'no region: the agreement defines none under regions', o['region']);
    const region = o['region'] === undefined ? null : v.oneOf(o['region'], [...path, 'region'], regions);
    return { period, ...bounds, amount, segment, region };
  });
  // Goals whose periods overlap must split the same way (all company-wide, or all by segment,
  // …) and name each segment/region once, or a total would count a goal twice.
  revenue.forEach((g, i) => {
    for (const other of revenue.slice(0, i)) {
      if (g.start >= other.end || other.start >= g.end) continue;
      const path = ['goals', 'revenue', i];
      if ((g.segment === null) !== (other.segment === null) || (g.region === null) !== (other.region === null)) {
        v.fail(path, `goals for overlapping periods split the same way: ${other.period} is ${scope(other)}, so this one must be too`, { period: g.period, segment: g.segment, region: g.region });
      }
      if (g.segment === other.segment && g.region === other.region) {
        v.fail(path, `one goal per period and scope (${other.period} already sets ${scope(other)} for these months)`, { period: g.period, segment: g.segment, region: g.region });
      }
    }
  });

  const ratesRoot = v.object(root['fixed_rates'] ?? {}, ['goals', 'fixed_rates'], ['average_won_deal', 'close_rate', 'mql_to_sql_rate']);
  const fraction = (key: string): number | null => {
    const raw = ratesRoot[key];
    if (raw === undefined || raw === null) return null;
    if (typeof raw !== 'number' || !(raw > 0 && raw <= 1)) v.fail(['goals', 'fixed_rates', key], 'a fraction above 0 and at most 1 (e.g. 0.25 for 25%)', raw);
    return raw;
  };
  const fixedRates: FixedRates = {
    averageWonDeal: ratesRoot['average_won_deal'] === undefined || ratesRoot['average_won_deal'] === null ? null : v.positiveNumber(ratesRoot['average_won_deal'], ['goals', 'fixed_rates', 'average_won_deal']),
    closeRate: fraction('close_rate'),
    mqlToSqlRate: fraction('mql_to_sql_rate'),
  };
  return { revenue, fixedRates };
}

function scope(g: RevenueGoal): string {
  const parts = [g.segment === null ? null : 'by segment', g.region === null ? null : 'by region'].filter((p) => p !== null);
  return parts.length === 0 ? 'company-wide' : parts.join(' and ');
}

export function parseDefinitions(v: Validator, value: unknown): Definitions {
  const root = v.object(value ?? {}, ['definitions'], ['sql']);
  return { sql: v.oneOf(root['sql'] ?? 'opportunity', ['definitions', 'sql'], SQL_DEFINITIONS) };
}
