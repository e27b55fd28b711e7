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
export const martModels: readonly Model[] = [buildInfo, leads, opportunities, stageEvents, slaTargets, salesActivities, leaks, rejectedRows, fileReconciliation, mqlEvents, revenueGoals, goalPacing, agreementTerms, touchpoints, attribution, attributionModels, spend, campaignPerformance];
