// One deal's journey opens over any page from `?deal=<opportunity id>` in the URL, so a link
// (or a drill-down row) reproduces it and Back closes it.
export const DEAL_PARAM = 'deal';

/** The current location's search with the journey of `opportunityId` opened (other parameters kept). */
export function journeySearch(search: string, opportunityId: string): string {
  const params = new URLSearchParams(search);
  params.set(DEAL_PARAM, opportunityId);
  return `?${params.toString()}`;
}

/** The search without the journey (closing it). */
export function withoutJourney(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(DEAL_PARAM);
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

/** Drill-down columns that list deals: their cells link to the deal's journey. */
export function isOpportunityColumn(key: string): boolean {
  return /(^|\.)opportunity_id$/.test(key);
}
