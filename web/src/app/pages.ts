// The dashboard's pages, in navigation order, and the meeting agenda section each one opens at.
export interface PageDef {
  readonly path: string;
  readonly label: string;
  readonly meetingSection: string;
  /** Whether the dashboard filter bar applies (Explore has its own filters). */
  readonly globalFilters: boolean;
}

export const PAGES: readonly PageDef[] = [
  { path: '/', label: 'Funnel', meetingSection: 'results', globalFilters: true },
  { path: '/sla', label: 'SLA review', meetingSection: 'sla', globalFilters: true },
  { path: '/lead-quality', label: 'Lead quality & feedback', meetingSection: 'feedback', globalFilters: true },
  { path: '/velocity', label: 'Velocity & leakage', meetingSection: 'metrics', globalFilters: true },
  { path: '/agreement', label: 'Agreement', meetingSection: 'metrics', globalFilters: true },
  { path: '/attribution', label: 'Attribution & ROI', meetingSection: 'results', globalFilters: true },
  { path: '/explore', label: 'Explore', meetingSection: 'results', globalFilters: false },
];
