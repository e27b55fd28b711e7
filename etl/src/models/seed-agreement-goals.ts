/**
 * The agreement's goals and switches as seed tables in schema `agreement` (beside
 * seed-agreement.ts):
 *
 * agreement_revenue_goals  one row per goal: period as written, start (first day), end_exclusive
 *                          (the day after its last), amount, segment / region (NULL: all)
 * agreement_goal_rates     one row: fixed reverse-funnel rates (NULL: from the trailing 12 months)
 * agreement_definitions    one row: sql_definition (`opportunity` or `system_stage`)
 */
import { sql, type Kysely } from 'kysely';
import type { Agreement } from '../agreement/agreement';
import type { Warehouse } from './model';

export async function seedAgreementGoals(db: Kysely<Warehouse>, agreement: Agreement): Promise<void> {
  await sql`create or replace table agreement.agreement_revenue_goals (
    period varchar not null, period_start date not null, period_end_exclusive date not null,
    amount double not null, segment varchar, region varchar)`.execute(db);
  await sql`create or replace table agreement.agreement_goal_rates (average_won_deal double, close_rate double, mql_to_sql_rate double)`.execute(db);
  await sql`create or replace table agreement.agreement_definitions (sql_definition varchar not null)`.execute(db);
  const goals = agreement.goals.revenue.map((g) => ({
    period: g.period,
    period_start: g.start,
    period_end_exclusive: g.end,
    amount: g.amount,
    segment: g.segment,
    region: g.region,
  }));
  if (goals.length > 0) await db.insertInto('agreement.agreement_revenue_goals').values(goals).execute();
  const r = agreement.goals.fixedRates;
  await db.insertInto('agreement.agreement_goal_rates').values({ average_won_deal: r.averageWonDeal, close_rate: r.closeRate, mql_to_sql_rate: r.mqlToSqlRate }).execute();
  await db.insertInto('agreement.agreement_definitions').values({ sql_definition: agreement.definitions.sql }).execute();
}
