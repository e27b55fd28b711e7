import type { Model } from '../model';
import { buildInfo } from './build-info';
import { fileReconciliation } from './file-reconciliation';
import { leads } from './leads';
import { leaks } from './leaks';
import { opportunities } from './opportunities';
import { rejectedRows } from './rejected-rows';
import { salesActivities } from './sales-activities';
import { slaTargets } from './sla-targets';
import { stageEvents } from './stage-events';

/** Marts in build order (build_info first: its as_of is the "now" of SLAs and ages). */
export const martModels: readonly Model[] = [buildInfo, leads, opportunities, stageEvents, slaTargets, salesActivities, leaks, rejectedRows, fileReconciliation];
