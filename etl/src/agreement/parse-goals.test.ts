import { describe, expect, it } from 'vitest';
import { AgreementError } from './agreement-error';
import { parseAgreement } from './load-agreement';

const goals = (body: string) => `version: 1\ngoals:\n${body}`;

describe('goals and definitions in the agreement', () => {
  it('defaults: no goals, rates from the data, SQL = opportunity', () => {
    const a = parseAgreement('version: 1\n', 'a.yml');
    expect(a.goals).toEqual({ revenue: [], fixedRates: { averageWonDeal: null, closeRate: null, mqlToSqlRate: null } });
    expect(a.definitions).toEqual({ sql: 'opportunity' });
  });

  const good = [
    { name: 'a quarter', text: goals('  revenue:\n    - {period: 2026-Q4, amount: 900000}\n'), expected: [{ period: '2026-Q4', start: '2026-10-01', end: '2027-01-01', amount: 900000, segment: null, region: null }] },
    { name: 'a month by segment and region', text: goals('  revenue:\n    - {period: 2026-02, amount: 5, segment: SMB, region: EMEA}\n') + 'regions:\n  EMEA: [UK]\n', expected: [{ period: '2026-02', start: '2026-02-01', end: '2026-03-01', amount: 5, segment: 'SMB', region: 'EMEA' }] },
    { name: 'December', text: goals('  revenue:\n    - {period: 2026-12, amount: 1}\n'), expected: [{ period: '2026-12', start: '2026-12-01', end: '2027-01-01', amount: 1, segment: null, region: null }] },
    { name: 'a month and its quarter split the same way', text: goals('  revenue:\n    - {period: 2026-Q1, amount: 9, segment: SMB}\n    - {period: 2026-02, amount: 3, segment: Enterprise}\n'), expected: [
      { period: '2026-Q1', start: '2026-01-01', end: '2026-04-01', amount: 9, segment: 'SMB', region: null },
      { period: '2026-02', start: '2026-02-01', end: '2026-03-01', amount: 3, segment: 'Enterprise', region: null },
    ] },
  ];
  for (const c of good) {
    it(`reads ${c.name}`, () => {
      expect(parseAgreement(c.text, 'a.yml').goals.revenue).toEqual(c.expected);
    });
  }

  it('reads fixed rates and the system_stage switch', () => {
    const a = parseAgreement(goals('  fixed_rates: {close_rate: 0.25, mql_to_sql_rate: 0.2, average_won_deal: 60000}\n') + 'definitions:\n  sql: system_stage\n', 'a.yml');
    expect(a.goals.fixedRates).toEqual({ averageWonDeal: 60000, closeRate: 0.25, mqlToSqlRate: 0.2 });
    expect(a.definitions.sql).toBe('system_stage');
  });

  const bad = [
    { name: 'a period that is neither month nor quarter', text: goals('  revenue:\n    - period: 2026-Q5\n      amount: 10\n'), message: 'a.yml:4:15: "goals.revenue.0.period": expected a month written YYYY-MM or a quarter written YYYY-Qn (e.g. 2026-Q4) (found "2026-Q5")' },
    { name: 'a missing amount', text: goals('  revenue:\n    - period: 2026-Q1\n'), message: 'a.yml:4:7: "goals.revenue.0.amount": expected a number above 0' },
    { name: 'an unknown segment', text: goals('  revenue:\n    - {period: 2026-Q1, amount: 1, segment: Giant}\n'), message: 'a.yml:4:45: "goals.revenue.0.segment": expected one of SMB, Mid-Market, Enterprise (found "Giant")' },
    { name: 'an unknown region', text: goals('  revenue:\n    - {period: 2026-Q1, amount: 1, region: Mars}\n'), message: 'a.yml:4:44: "goals.revenue.0.region": expected no region: the agreement defines none under regions (found "Mars")' },
    { name: 'a region not in regions', text: goals('  revenue:\n    - {period: 2026-Q1, amount: 1, region: Mars}\n') + 'regions:\n  EMEA: [UK]\n', message: '"goals.revenue.0.region": expected one of EMEA (found "Mars")' },
    { name: 'an unknown key', text: goals('  revenue:\n    - {period: 2026-Q1, amount: 1, team: A}\n'), message: '"goals.revenue.0.team": expected one of the keys period, amount, segment, region' },
    { name: 'the same period and scope twice', text: goals('  revenue:\n    - {period: 2026-Q1, amount: 1}\n    - {period: 2026-02, amount: 1}\n'), message: 'a.yml:5:7: "goals.revenue.1": expected one goal per period and scope (2026-Q1 already sets company-wide for these months)' },
    { name: 'overlapping goals split differently', text: goals('  revenue:\n    - {period: 2026-Q1, amount: 1}\n    - {period: 2026-03, amount: 1, segment: SMB}\n'), message: '"goals.revenue.1": expected goals for overlapping periods split the same way: 2026-Q1 is company-wide, so this one must be too' },
    { name: 'a close rate written as a percentage', text: goals('  fixed_rates:\n    close_rate: 25\n'), message: 'a.yml:4:17: "goals.fixed_rates.close_rate": expected a fraction above 0 and at most 1 (e.g. 0.25 for 25%) (found 25)' },
    { name: 'an unknown SQL definition', text: 'version: 1\ndefinitions:\n  sql: lifecycle\n', message: 'a.yml:3:8: "definitions.sql": expected one of opportunity, system_stage (found "lifecycle")' },
  ];
  for (const c of bad) {
    it(`rejects ${c.name}, naming file, line and key`, () => {
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
