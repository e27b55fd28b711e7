// The dashboard's pages, in navigation order, and the meeting agenda section each one opens at.
export interface PageDef {
  readonly path: string;
  readonly label: string;
  readonly meetingSection: string;
}

export const PAGES: readonly PageDef[] = [
  { path: '/', label: 'Funnel', meetingSection: 'results' },
  { path: '/sla', label: 'SLA review', meetingSection: 'sla' },
  { path: '/lead-quality', label: 'Lead quality & feedback', meetingSection: 'feedback' },
  { path: '/velocity', label: 'Velocity & leakage', meetingSection: 'metrics' },
  { path: '/agreement', label: 'Agreement', meetingSection: 'metrics' },
  { path: '/attribution', label: 'Attribution & ROI', meetingSection: 'results' },
];
