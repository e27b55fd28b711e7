/**
 * Marketing spend staging. `Month` is `YYYY-MM` or any date in the month (→ the month's first
 * day); `Amount` may carry a currency sign or thousand separators. Channel and campaign are
 * trimmed here and mapped to the agreement's channels in the `spend` mart.
 */
import { sql } from 'kysely';
import { blankToNull, parseNumber } from '../macros';
import type { Model } from '../model';
import { stagingModels, type RawColumn } from './staging-model';

const month = (r: RawColumn) =>
  sql<Date | null>`date_trunc('month', coalesce(try_strptime(trim(${r('Month')}), '%Y-%m'), try_cast(trim(${r('Month')}) as date)))::date`;

/** stg_marketing__spend: one row per spend row (no id: rows are never de-duplicated). */
export const stgMarketingSpend: Model[] = stagingModels({
  name: 'stg_marketing__spend',
  format: 'marketing__spend',
  id: null,
  required: ['Month', 'Channel', 'Amount'],
  columns: (r) => ({
    channel: blankToNull(r('Channel')),
    campaign: blankToNull(r('Campaign')),
    amount: parseNumber(r('Amount')),
    month: month(r),
  }),
  checks: (r) => [
    { column: 'Month', parsed: month(r), expected: 'a month (YYYY-MM) or a date' },
    { column: 'Amount', parsed: parseNumber(r('Amount')), expected: 'a number' },
  ],
  refusals: (r) => [{ column: 'Amount', output: 'amount', failed: sql<boolean>`${parseNumber(r('Amount'))} < 0`, reason: 'is negative' }],
});
