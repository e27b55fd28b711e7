import { describe, expect, it } from 'vitest';
import { groupModelTimes, modelGroup } from './bench';
import { models } from './models/index';

describe('model groups of the ETL bench', () => {
  const cases = [
    { name: 'touchpoints', group: 'attribution and goals' },
    { name: 'attribution', group: 'attribution and goals' },
    { name: 'int_touches_unioned', group: 'attribution and goals' },
    { name: 'goal_pacing', group: 'attribution and goals' },
    { name: 'stg_marketing__spend__checked', group: 'attribution and goals' },
    { name: 'leads', group: 'funnel (leads, stages, SLA, leaks)' },
    { name: 'stage_events', group: 'funnel (leads, stages, SLA, leaks)' },
    { name: 'int_people_unified_by_email', group: 'staging and the other marts' },
    { name: 'rejected_rows', group: 'staging and the other marts' },
  ] as const;
  it.each(cases)('$name → $group', ({ name, group }) => {
    expect(models.some((m) => m.name === name)).toBe(true);
    expect(modelGroup(name)).toBe(group);
  });

  it('sums each group and divides by the build: 3 + 1 of 20 s = 20 %, 6 = 30 %, 2 = 10 %', () => {
    const times = [
      { name: 'stg_salesforce__leads', layer: 'staging', ms: 2000 },
      { name: 'leads', layer: 'marts', ms: 6000 },
      { name: 'touchpoints', layer: 'marts', ms: 3000 },
      { name: 'attribution', layer: 'marts', ms: 1000 },
    ];
    expect(groupModelTimes(times, 20_000)).toEqual([
      { group: 'attribution and goals', ms: 4000, share: 0.2 },
      { group: 'funnel (leads, stages, SLA, leaks)', ms: 6000, share: 0.3 },
      { group: 'staging and the other marts', ms: 2000, share: 0.1 },
    ]);
  });
});
