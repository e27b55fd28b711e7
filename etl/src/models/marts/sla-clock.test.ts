import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open-warehouse';
import { businessHoursBetween, slaDueAt } from './sla-clock';

// 2026-01-07 is a Wednesday, 2026-01-09 a Friday, 2026-01-12 a Monday.
let open: OpenDatabase<unknown>;
beforeAll(async () => {
  open = await openDatabase<unknown>(':memory:');
  await sql`set TimeZone = 'UTC'`.execute(open.db);
});
afterAll(async () => {
  await open.close();
});

const cases = [
  { name: 'clock hours', type: 'clock', zone: 'UTC', hours: 24, handoff: '2026-01-09T15:00:00Z', touch: '2026-01-10T15:30:00Z', due: '2026-01-10T15:00:00Z', took: 24.5 },
  { name: 'business: Friday afternoon runs into Monday', type: 'business', zone: 'UTC', hours: 8, handoff: '2026-01-09T15:00:00Z', touch: '2026-01-12T10:00:00Z', due: '2026-01-12T15:00:00Z', took: 3 },
  { name: 'business: a weekend handoff starts Monday 09:00', type: 'business', zone: 'UTC', hours: 8, handoff: '2026-01-10T12:00:00Z', touch: '2026-01-12T09:30:00Z', due: '2026-01-12T17:00:00Z', took: 0.5 },
  { name: 'business: before opening, touched after closing', type: 'business', zone: 'UTC', hours: 8, handoff: '2026-01-07T08:00:00Z', touch: '2026-01-07T18:00:00Z', due: '2026-01-07T17:00:00Z', took: 8 },
  { name: 'business: due exactly at closing time', type: 'business', zone: 'UTC', hours: 8, handoff: '2026-01-07T09:00:00Z', touch: '2026-01-08T09:00:00Z', due: '2026-01-07T17:00:00Z', took: 8 },
  { name: 'business: in the agreement time zone', type: 'business', zone: 'America/New_York', hours: 4, handoff: '2026-01-07T13:00:00Z', touch: '2026-01-07T15:00:00Z', due: '2026-01-07T18:00:00Z', took: 1 },
  { name: 'business: 24 hours span three working days', type: 'business', zone: 'UTC', hours: 24, handoff: '2026-01-07T09:00:00Z', touch: '2026-01-12T09:00:00Z', due: '2026-01-09T17:00:00Z', took: 24 },
];

describe('SLA clock', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const r = await sql<{ due: Date; took: number }>`
        select ${slaDueAt()} as due, ${businessHoursBetween(sql`handoff_at`, sql`first_touch_at`)} as took
        from (select
          ${c.hours}::double as sla_hours, ${c.type}::varchar as sla_hours_type, ${c.zone}::varchar as sla_time_zone,
          540 as business_start_minute, 1020 as business_end_minute, [1, 2, 3, 4, 5] as business_days,
          make_timestamp(epoch_us(${c.handoff}::timestamptz)) as handoff_at,
          make_timestamp(epoch_us(${c.touch}::timestamptz)) as first_touch_at)`.execute(open.db);
      expect(r.rows[0]?.due).toEqual(new Date(c.due));
      expect(r.rows[0]?.took).toBeCloseTo(c.took, 6);
    });
  }
});
