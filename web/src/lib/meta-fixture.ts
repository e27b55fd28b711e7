// Tests only: a CubeMeta built through `indexMeta` from /meta-shaped members, so data mappers
// are tested against titles and formats as Cube serves them (not against the code's own).
import type { Cube } from '@cubejs-client/core';
import { indexMeta } from './cube-meta';
import type { CubeMeta } from './cube-meta';

export interface FixtureMember {
  readonly title: string;
  /** Measures: Cube's aggregation type (`count`, `sum`, `number`…); dimensions: leave out. */
  readonly aggType?: string;
  readonly type?: 'string' | 'number' | 'time' | 'boolean';
  readonly format?: string;
  readonly description?: string;
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** Members by qualified name (`funnel.mql_count`), grouped into their views. */
export function fixtureMeta(members: Readonly<Record<string, FixtureMember>>): CubeMeta {
  const views = new Map<string, { measures: unknown[]; dimensions: unknown[] }>();
  for (const [name, m] of Object.entries(members)) {
    const viewName = name.split('.')[0] ?? name;
    const view = views.get(viewName) ?? { measures: [], dimensions: [] };
    views.set(viewName, view);
    const member = { name, title: `${viewName} ${m.title}`, shortTitle: m.title, description: m.description, format: m.format, meta: m.meta };
    if (m.aggType) view.measures.push({ ...member, type: 'number', aggType: m.aggType });
    else view.dimensions.push({ ...member, type: m.type ?? 'string' });
  }
  return indexMeta(
    [...views].map(([name, v]) => ({ name, title: name, type: 'view', public: true, segments: [], folders: [], nestedFolders: [], hierarchies: [], ...v }) as unknown as Cube),
  );
}
