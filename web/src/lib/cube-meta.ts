// Cube's /meta: titles, descriptions, formats and drill members of every public member.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TCubeDimension, TCubeMeasure } from '@cubejs-client/core';
import { cubeApi } from './cube-client';
import { CubeQueryError } from './cube-client';
import { formatFromMeta } from './format';
import type { ValueFormat } from './format';

export interface MemberMeta {
  readonly name: string;
  readonly kind: 'measure' | 'dimension';
  readonly type: 'string' | 'number' | 'time' | 'boolean';
  readonly title: string;
  readonly shortTitle: string;
  readonly description: string | null;
  readonly format: ValueFormat;
  readonly drillMembers: readonly string[];
}

export type MetaIndex = ReadonlyMap<string, MemberMeta>;

export async function getMeta(): Promise<MetaIndex> {
  try {
    const meta = await cubeApi.meta();
    const index = new Map<string, MemberMeta>();
    for (const view of meta.meta.cubes) {
      for (const m of view.measures as TCubeMeasure[]) {
        index.set(m.name, {
          name: m.name,
          kind: 'measure',
          type: 'number',
          title: m.title,
          shortTitle: m.shortTitle,
          description: m.description ?? null,
          format: formatFromMeta(m, 'number'),
          drillMembers: m.drillMembers ?? [],
        });
      }
      for (const d of view.dimensions as TCubeDimension[]) {
        index.set(d.name, {
          name: d.name,
          kind: 'dimension',
          type: d.type,
          title: d.title,
          shortTitle: d.shortTitle,
          description: d.description ?? null,
          format: d.type === 'number' ? formatFromMeta(d, 'number') : 'number',
          drillMembers: [],
        });
      }
    }
    return index;
  } catch (error) {
    throw new CubeQueryError(error instanceof Error ? error.message : String(error), null);
  }
}

export const metaQueryOptions = () => queryOptions({ queryKey: ['cube-meta'], queryFn: getMeta, staleTime: 5 * 60_000 });

export function useMeta() {
  return useQuery(metaQueryOptions());
}

/** Title of a member from meta, or a fallback while meta loads. */
export function memberTitle(meta: MetaIndex | undefined, member: string, fallback: string): string {
  return meta?.get(member)?.shortTitle ?? meta?.get(member)?.title ?? fallback;
}

export function memberFormat(meta: MetaIndex | undefined, member: string, fallback: ValueFormat): ValueFormat {
  const m = meta?.get(member);
  return m && m.format !== 'number' ? m.format : fallback;
}
