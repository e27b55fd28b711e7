import type { Model } from '../model';
import { intMarketoActivitiesFiltered, intMarketoActivityBounds } from './int-marketo-activities-filtered';
import { intOpportunitiesUnioned } from './int-opportunities-unioned';
import { intPeopleUnifiedByEmail } from './int-people-unified-by-email';
import { intSalesTouches } from './int-sales-touches';
import { intStageEventsReconstructed } from './int-stage-events-reconstructed';

/** Intermediate models in dependency order. */
export const intermediateModels: readonly Model[] = [
  intMarketoActivitiesFiltered,
  intMarketoActivityBounds,
  intPeopleUnifiedByEmail,
  intSalesTouches,
  intOpportunitiesUnioned,
  intStageEventsReconstructed,
];
