// The typical days from MQL to SQL and from SQL to won, over all the data (not the filters: the
// yardstick for whether a cohort has had time to convert should not move with a channel filter).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { TypicalDays } from '../../../lib/maturity';
import { FUNNEL } from './members';

export const typicalDaysQuery: Query = { measures: [FUNNEL.medianDaysMqlToSql, FUNNEL.medianDaysSqlToWon] };

export async function getTypicalDays(signal?: AbortSignal): Promise<TypicalDays> {
  const [row] = await loadRows(typicalDaysQuery, signal);
  return { mqlToSql: toNumber(row?.[FUNNEL.medianDaysMqlToSql]), sqlToWon: toNumber(row?.[FUNNEL.medianDaysSqlToWon]) };
}

export const typicalDaysQueryOptions = () =>
  queryOptions({ queryKey: ['funnel', 'typical-days'], queryFn: ({ signal }) => getTypicalDays(signal), staleTime: 5 * 60_000 });

/** Maturity marks are a hint: while this loads or if it fails, nothing is marked. */
export function useTypicalDays() {
  return useQuery(typicalDaysQueryOptions());
}
