/**
 * SLA clock macros over the agreement settings columns in scope (sla_hours, sla_hours_type,
 * sla_time_zone, business_start_minute, business_end_minute, business_days — 0 = Sunday).
 *
 * Business hours are counted with a "business second" number: B(t) = business seconds
 * from the (local) epoch to t. Hours between a and b are (B(b) − B(a)) / 3600; the due time
 * is the inverse of B at B(handoff) + hours × 3600. Days count in the SLA time zone; 1970-01-01
 * was a Thursday (day-of-week 4). No holidays.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';

const dayLength = sql`((business_end_minute - business_start_minute) * 60)`;
const weekLength = sql`(len(business_days) * ${dayLength})`;

/** Local (SLA time zone) wall-clock time of a UTC timestamp, as epoch seconds. */
function localEpoch(ts: Expression<Date | null>): RawBuilder<number> {
  return sql<number>`epoch(timezone(sla_time_zone, timezone('UTC', ${ts})))`;
}

/** Business days among the first `n` days (0 … n−1) of an epoch-aligned week. */
function businessDaysBefore(n: Expression<unknown>): RawBuilder<number> {
  return sql<number>`len(list_filter(range(${n}), i -> list_contains(business_days, ((i + 4) % 7)::integer)))`;
}

function businessSeconds(ts: Expression<Date | null>): RawBuilder<number> {
  const secs = localEpoch(ts);
  const day = sql`floor(${secs} / 86400)::bigint`;
  const inWeek = sql`(${day} % 7)`;
  const secondOfDay = sql`(${secs} - ${day} * 86400)`;
  return sql<number>`(
    (${day} // 7) * ${weekLength}
    + ${businessDaysBefore(inWeek)} * ${dayLength}
    + case when list_contains(business_days, ((${inWeek} + 4) % 7)::integer)
        then least(greatest(${secondOfDay} - business_start_minute * 60, 0), ${dayLength}) else 0 end)`;
}

/** Hours from a to b: clock hours, or business hours when the agreement says so. */
export function businessHoursBetween(a: Expression<Date | null>, b: Expression<Date | null>): RawBuilder<number | null> {
  return sql<number | null>`case when sla_hours_type = 'business'
    then (${businessSeconds(b)} - ${businessSeconds(a)}) / 3600.0
    else (epoch(${b}) - epoch(${a})) / 3600.0 end`;
}

/** handoff_at + sla_hours, in clock or business hours. */
export function slaDueAt(): RawBuilder<Date | null> {
  const target = sql`(${businessSeconds(sql`handoff_at`)} + sla_hours * 3600)`;
  const weeks = sql`(ceil(${target} / ${weekLength})::bigint - 1)`;
  const rem = sql`(${target} - ${weeks} * ${weekLength})`;
  const cum = (j: RawBuilder<unknown>) => sql`(${businessDaysBefore(j)} * ${dayLength})`;
  const day = sql`list_filter(range(7), j -> list_contains(business_days, ((j + 4) % 7)::integer)
      and ${cum(sql`j`)} < ${rem} and ${rem} <= ${cum(sql`j`)} + ${dayLength})[1]`;
  const localSeconds = sql`((${weeks} * 7 + ${day}) * 86400 + business_start_minute * 60 + ${rem} - ${businessDaysBefore(day)} * ${dayLength})`;
  return sql<Date | null>`case when sla_hours_type = 'business'
    then timezone('UTC', timezone(sla_time_zone, make_timestamp((${localSeconds} * 1000000)::bigint)))
    else handoff_at + to_microseconds((sla_hours * 3600000000)::bigint) end`;
}
