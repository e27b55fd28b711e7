import type { Model } from '../model';
import { attribution } from './attribution';
import { attributionModels } from './attribution-models';
import { buildInfo } from './build-info';
import { campaignPerformance } from './campaign-performance';
import { leads } from './leads';
import { leaks } from './leaks';
import { opportunities } from './opportunities';
import { rejectedRows } from './rejected-rows';
import { salesActivities } from './sales-activities';
import { slaTargets } from './sla-targets';
import { spend } from './spend';
import { stageEvents } from './stage-events';
import { touchpoints } from './touchpoints';

/** Marts in build order (build_info first: its as_of is the "now" of SLAs and ages). */
export const martModels: readonly Model[] = [buildInfo, leads, opportunities, stageEvents, slaTargets, salesActivities, leaks, touchpoints, attribution, attributionModels, spend, campaignPerformance, rejectedRows];
