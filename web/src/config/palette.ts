// Okabe–Ito: a palette distinguishable with the common colour-vision deficiencies.
// Ordered for a white background (the yellow, weakest on white, comes last).
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#000000', '#F0E442'] as const;

/** Meaningful colours, also from Okabe–Ito: good news, bad news, neutral. */
export const STATUS_COLORS = { good: '#009E73', bad: '#D55E00', neutral: '#56B4E9', pending: '#999999' } as const;

export const TEXT_COLOR = '#1d232a';
export const MUTED_TEXT_COLOR = '#5b6672';
export const GRID_LINE_COLOR = '#e3e7ec';
