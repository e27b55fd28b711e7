import type { Model } from '../model';
import { intCampaignsNamed } from './int-campaigns-named';
import { intMarketoActivitiesFiltered, intMarketoActivityBounds } from './int-marketo-activities-filtered';
import { intOpportunitiesUnioned } from './int-opportunities-unioned';
import { intPeopleUnifiedByEmail } from './int-people-unified-by-email';
import { intSalesTouches } from './int-sales-touches';
import { intSpendChannelsMapped } from './int-spend-channels-mapped';
import { intStageEventsReconstructed } from './int-stage-events-reconstructed';
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
  intTouchesUnioned,
  intSpendChannelsMapped,
];
