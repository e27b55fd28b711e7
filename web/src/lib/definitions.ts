// Where a measure's definition lives on the Agreement page: every rate tile links there.

/** The anchor of a measure's definition on the Agreement page (`definition-funnel-close_rate`). */
export function definitionId(member: string): string {
  return `definition-${member.replace('.', '-')}`;
}

/** The link to a measure's definition on the Agreement page. */
export function definitionHref(member: string): string {
  return `/agreement#${definitionId(member)}`;
}
