import { describe, expect, it } from 'vitest';
import { mergePeriodChannels } from './get-period-breakdown';

describe('period channels: counts by entered date and won amount by won date, merged', () => {
  it('by channel, most MQLs first; a channel with only a win keeps it, one with nothing is left out; won amount only where won', () => {
    const counts = [
      { 'funnel_period.channel': 'Email', 'funnel_period.mql_count': '3', 'funnel_period.sql_count': '1', 'funnel_period.won_count': '0' },
      { 'funnel_period.channel': 'Paid Search', 'funnel_period.mql_count': '7', 'funnel_period.sql_count': '2', 'funnel_period.won_count': '1' },
      { 'funnel_period.channel': 'Events', 'funnel_period.mql_count': '0', 'funnel_period.sql_count': '0', 'funnel_period.won_count': '1' },
      // Only new leads or handoffs in the period: nothing to show.
      { 'funnel_period.channel': 'Social', 'funnel_period.mql_count': '0', 'funnel_period.sql_count': '0', 'funnel_period.won_count': '0' },
    ];
    const won = [
      { 'funnel.channel': 'Paid Search', 'funnel.won_amount': '12000' },
      { 'funnel.channel': 'Events', 'funnel.won_amount': '5000' },
    ];
    expect(mergePeriodChannels(counts, won)).toEqual([
      { key: 'Paid Search', values: { 'funnel.mql_count': 7, 'funnel.sql_count': 2, 'funnel.won_count': 1, 'funnel.won_amount': 12000 } },
      { key: 'Email', values: { 'funnel.mql_count': 3, 'funnel.sql_count': 1, 'funnel.won_count': 0, 'funnel.won_amount': null } },
      { key: 'Events', values: { 'funnel.mql_count': 0, 'funnel.sql_count': 0, 'funnel.won_count': 1, 'funnel.won_amount': 5000 } },
    ]);
  });
});
