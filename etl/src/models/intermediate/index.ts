import type { Model } from '../model';
import { intCampaignsNamed } from './int-campaigns-named';
import { intMarketoActivitiesFiltered, intMarketoActivityBounds } from './int-marketo-activities-filtered';
import { intOpportunitiesUnioned } from './int-opportunities-unioned';
import { intPeopleCollapsed } from './int-people-collapsed';
import { intPeopleUnifiedByEmail } from './int-people-unified-by-email';
import { intSalesTouches } from './int-sales-touches';
import { intSpendChannelsMapped } from './int-spend-channels-mapped';
import { intStageEventsReconstructed } from './int-stage-events-reconstructed';
import { intStageSignalsCollapsed } from './int-stage-signals-collapsed';
import { intTouchesUnioned } from './int-touches-unioned';

/** Intermediate models in dependency order. */
export const intermediateModels: readonly Model[] = [
  intMarketoActivitiesFiltered,
  intMarketoActivityBounds,
  intCampaignsNamed,
  intPeopleUnifiedByEmail,
  intSalesTouches,
  intOpportunitiesUnioned,
  intStageEventsReconstructed,
  intPeopleCollapsed,
  intStageSignalsCollapsed,
  intTouchesUnioned,
  intSpendChannelsMapped,
];
