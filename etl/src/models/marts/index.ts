import type { Model } from '../model';
import { agreementTerms } from './agreement-terms';
import { buildInfo } from './build-info';
import { fileReconciliation } from './file-reconciliation';
import { goalPacing } from './goal-pacing';
import { attribution } from './attribution';
import { attributionModels } from './attribution-models';
import { campaignPerformance } from './campaign-performance';
import { leads } from './leads';
import { leaks } from './leaks';
import { mqlEvents } from './mql-events';
import { opportunities } from './opportunities';
import { rejectedRows } from './rejected-rows';
import { revenueGoals } from './revenue-goals';
import { salesActivities } from './sales-activities';
import { slaTargets } from './sla-targets';
import { spend } from './spend';
import { stageEvents } from './stage-events';
import { touchpoints } from './touchpoints';

/** Marts in build order (build_info first: its as_of is the "now" of SLAs and ages). */
/**
 * In build order. The marts that read an intermediate table run as early as their inputs
 * allow (sales_activities before leads; mql_events and touchpoints right after it), so the
 * build drops each intermediate table before the next big mart needs the memory.
 */
export const martModels: readonly Model[] = [
  buildInfo, salesActivities, leads, mqlEvents, touchpoints, opportunities, stageEvents, slaTargets, leaks,
  rejectedRows, fileReconciliation, revenueGoals, goalPacing, agreementTerms, attribution, attributionModels, spend, campaignPerformance,
];
