/**
 * The stated resolution of the quantile measures served from duration histograms
 * (model/README.md, "Quantiles"): a served quantile is within 0.1 hour + 5% of the exact
 * (percentile_cont) one, for durations under ten years. Written out here, not imported from
 * the model's generator, so that a change of buckets that loosens it fails these tests.
 */
export const RESOLUTION_HOURS = 0.1;
export const RESOLUTION_RELATIVE = 0.05;

/** Quantile measures served from histograms → hours per unit of the answer. */
export const HISTOGRAM_QUANTILES: Readonly<Record<string, number>> = {
  median_hours_to_first_touch: 1,
  median_days_from_previous: 24,
  p90_days_from_previous: 24,
  median_days_in_stage: 24,
  p90_days_in_stage: 24,
};

/** The largest |served − exact| the resolution allows, in the answer's unit. */
export function allowedError(exact: number, hoursPerUnit: number): number {
  return RESOLUTION_HOURS / hoursPerUnit + RESOLUTION_RELATIVE * Math.abs(exact);
}
