// Cube's /meta, the one source of what the dashboard shows about the model: titles,
// descriptions and formats of every public member, the ordered value labels of enum dimensions
// (`meta.values`: stages, leak kinds), and per view which dashboard filter applies to which
// member (`meta.filters`), its default time dimension and the funnel's stages (`meta`).
import { useCallback } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Cube, TCubeDimension, TCubeMeasure } from '@cubejs-client/core';
import { cubeApi } from './cube-client';
import { CubeQueryError } from './cube-client';
import { FILTER_DIMENSIONS } from './filters';
import type { FilterDimension } from './filters';
import { formatFromMeta } from './format';
import type { ValueFormat } from './format';
import type { ColumnFormat, TableColumn } from './table';

export interface ValueLabel {
  readonly value: string;
  readonly label: string;
}

export interface MemberMeta {
  readonly name: string;
  readonly view: string;
  readonly kind: 'measure' | 'dimension';
  readonly type: 'string' | 'number' | 'time' | 'boolean';
  readonly title: string;
  readonly shortTitle: string;
  readonly description: string | null;
  readonly format: ValueFormat;
  readonly drillMembers: readonly string[];
  /** Known values in their order (e.g. funnel stages), with display labels; empty when not listed. */
  readonly values: readonly ValueLabel[];
  /** A dimension whose values are links (Cube `format: link`, e.g. the lead's CRM record). */
  readonly isLink?: boolean;
  /** What a rate divides by what (`meta.numerator` / `meta.denominator` in the model), else null. */
  readonly ratio?: { readonly numerator: string; readonly denominator: string } | null;
  /** A measure that adds up (Cube `sum` or a count): where no row has it, it is zero, not unknown. */
  readonly additive?: boolean;
}

/** Cube aggregation types whose total over no rows is zero. */
const ADDITIVE_AGG_TYPES: ReadonlySet<string> = new Set(['sum', 'count', 'countDistinct', 'countDistinctApprox']);

export interface FunnelStageMeta {
  readonly measure: string;
  readonly label: string;
}

export interface ViewMeta {
  readonly name: string;
  readonly title: string;
  readonly description: string | null;
  /** Dashboard filter → the view's member it filters; a filter not listed does not apply to the view. */
  readonly filterMembers: Partial<Readonly<Record<FilterDimension, string>>>;
  /** The view's main date (e.g. the MQL date of the funnel), or null. */
  readonly timeDimension: string | null;
  readonly funnelStages: readonly FunnelStageMeta[];
  readonly measures: readonly string[];
  readonly dimensions: readonly string[];
}

export type MetaIndex = ReadonlyMap<string, MemberMeta>;

export interface CubeMeta {
  readonly members: MetaIndex;
  readonly views: ReadonlyMap<string, ViewMeta>;
}

/** Thrown when a view's or member's `meta` is not the shape the dashboard reads. */
export class ModelMetaError extends Error {
  constructor(where: string, expected: string) {
    super(`model meta of ${where}: expected ${expected}. Fix it in model/ (the view or cube YAML).`);
    this.name = 'ModelMetaError';
  }
}

function record(value: unknown): Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function qualify(view: string, member: string): string {
  return member.includes('.') ? member : `${view}.${member}`;
}

function valueLabels(where: string, raw: unknown): ValueLabel[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new ModelMetaError(where, '`values` to be a list of { value, label }');
  return raw.map((item) => {
    const { value, label } = record(item);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new ModelMetaError(where, 'each of `values` to have a `value`');
    return { value: String(value), label: typeof label === 'string' ? label : String(value) };
  });
}

function ratioOf(where: string, meta: unknown): { numerator: string; denominator: string } | null {
  const { numerator, denominator } = record(meta);
  if (numerator === undefined && denominator === undefined) return null;
  if (typeof numerator !== 'string' || typeof denominator !== 'string') throw new ModelMetaError(where, '`numerator` and `denominator` both, as the titles of the measures the rate divides');
  return { numerator, denominator };
}

function filterMembers(view: Cube): Partial<Record<FilterDimension, string>> {
  const raw = record(record(view.meta).filters);
  const out: Partial<Record<FilterDimension, string>> = {};
  for (const [dim, member] of Object.entries(raw)) {
    if (!(FILTER_DIMENSIONS as readonly string[]).includes(dim)) {
      throw new ModelMetaError(`view ${view.name}`, `\`filters\` keys among ${FILTER_DIMENSIONS.join(', ')} (got "${dim}")`);
    }
    if (typeof member !== 'string') throw new ModelMetaError(`view ${view.name}`, `\`filters.${dim}\` to name a member`);
    const name = qualify(view.name, member);
    if (!view.dimensions.some((d) => d.name === name)) throw new ModelMetaError(`view ${view.name}`, `\`filters.${dim}\` to name one of its dimensions (got "${member}")`);
    out[dim as FilterDimension] = name;
  }
  return out;
}

function funnelStages(view: Cube): FunnelStageMeta[] {
  const raw = record(view.meta).funnel_stages;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new ModelMetaError(`view ${view.name}`, '`funnel_stages` to be a list of { measure, label }');
  return raw.map((item) => {
    const { measure, label } = record(item);
    if (typeof measure !== 'string') throw new ModelMetaError(`view ${view.name}`, 'each of `funnel_stages` to name a `measure`');
    return { measure: qualify(view.name, measure), label: typeof label === 'string' ? label : measure };
  });
}

/** Indexes /meta's views (pure; unit-tested). Only public views are indexed. */
export function indexMeta(cubes: readonly Cube[]): CubeMeta {
  const members = new Map<string, MemberMeta>();
  const views = new Map<string, ViewMeta>();
  for (const view of cubes) {
    if (view.public === false) continue;
    for (const m of view.measures as TCubeMeasure[]) {
      members.set(m.name, {
        name: m.name,
        view: view.name,
        kind: 'measure',
        type: 'number',
        title: m.title,
        shortTitle: m.shortTitle,
        description: m.description ?? null,
        format: formatFromMeta(m, 'number'),
        drillMembers: m.drillMembers ?? [],
        values: [],
        ratio: ratioOf(m.name, m.meta),
        additive: ADDITIVE_AGG_TYPES.has(String((m as { aggType?: unknown }).aggType)),
      });
    }
    for (const d of view.dimensions as TCubeDimension[]) {
      members.set(d.name, {
        name: d.name,
        view: view.name,
        kind: 'dimension',
        type: d.type,
        title: d.title,
        shortTitle: d.shortTitle,
        description: d.description ?? null,
        format: d.type === 'number' ? formatFromMeta(d, 'number') : 'number',
        drillMembers: [],
        values: valueLabels(d.name, record(d.meta).values),
        ...((d as { format?: unknown }).format === 'link' ? { isLink: true } : {}),
        ratio: null,
      });
    }
    const timeDimension = record(view.meta).time_dimension;
    views.set(view.name, {
      name: view.name,
      title: view.title,
      description: view.description ?? null,
      filterMembers: filterMembers(view),
      timeDimension: typeof timeDimension === 'string' ? qualify(view.name, timeDimension) : null,
      funnelStages: funnelStages(view),
      measures: view.measures.map((m) => m.name),
      dimensions: view.dimensions.map((d) => d.name),
    });
  }
  return { members, views };
}

export async function getMeta(): Promise<CubeMeta> {
  let cubes: Cube[];
  try {
    cubes = (await cubeApi.meta()).meta.cubes;
  } catch (error) {
    throw new CubeQueryError(error instanceof Error ? error.message : String(error), null);
  }
  return indexMeta(cubes);
}

export const metaQueryOptions = () => queryOptions({ queryKey: ['cube-meta'], queryFn: getMeta, staleTime: 5 * 60_000 });

export function useMeta() {
  return useQuery(metaQueryOptions());
}

/** Title of a member from meta, or a fallback while meta loads. */
export function memberTitle(meta: CubeMeta | undefined, member: string, fallback: string): string {
  return meta?.members.get(member)?.shortTitle ?? meta?.members.get(member)?.title ?? fallback;
}

export function memberFormat(meta: CubeMeta | undefined, member: string, fallback: ValueFormat): ValueFormat {
  const m = meta?.members.get(member);
  return m && m.format !== 'number' ? m.format : fallback;
}

/** The label of a dimension value (`meta.values` in the model), else the value itself. */
export function valueLabel(meta: CubeMeta | undefined, member: string, value: string): string {
  return meta?.members.get(member)?.values.find((v) => v.value === value)?.label ?? value;
}

/** A stable value → label function for one dimension (its `meta.values`), for chart mappers. */
export function useValueLabel(member: string): (value: string) => string {
  const meta = useMeta().data;
  return useCallback((value: string) => valueLabel(meta, member, value), [meta, member]);
}

const NO_VALUES: readonly ValueLabel[] = [];

/** A dimension's known values in the model's order (its `meta.values`), empty while /meta loads. */
export function useKnownValues(member: string): readonly ValueLabel[] {
  return useMeta().data?.members.get(member)?.values ?? NO_VALUES;
}

/** Dashboard filter → member, per view: what `resolveFilters` needs from meta. */
export function filterMembersByView(meta: CubeMeta): Readonly<Record<string, Partial<Readonly<Record<FilterDimension, string>>>>> {
  return Object.fromEntries([...meta.views.values()].map((v) => [v.name, v.filterMembers]));
}

/** How a table shows a member: dimensions by their type, measures and numbers by their model format. */
function columnFormat(m: MemberMeta): ColumnFormat {
  if (m.kind === 'dimension' && m.type !== 'number') return m.type === 'time' ? 'timestamp' : m.type === 'boolean' ? 'boolean' : 'text';
  return m.format;
}

/**
 * A table column for a member, titled and formatted by the model (`title`, `format`, `meta.unit`);
 * `key` is the row field holding it (the member by default). A member /meta does not list keeps
 * its name as title (its query fails with Cube's message anyway).
 */
export function memberColumn(meta: CubeMeta, member: string, key: string = member): TableColumn {
  const m = meta.members.get(member);
  return { key, title: m ? m.shortTitle || m.title : member, format: m ? columnFormat(m) : 'number' };
}

const PERIOD_FORMATS = { day: 'timestamp', week: 'week', month: 'month' } as const;

/** A table column for a time dimension at a granularity: "Handoff date (week)". */
/**
 * Columns of a list of leads, titled and formatted by the model. The lead's key and its CRM
 * link stay in the query (one row per lead, the sort's tie-breaker) but off screen; the name
 * links to the CRM record (when the agreement gives `crm_links`).
 */
export function leadListColumns(meta: CubeMeta, dimensions: readonly string[], members: { readonly leadId: string; readonly crmUrl: string; readonly fullName: string }): TableColumn[] {
  return dimensions
    .filter((m) => m !== members.leadId && m !== members.crmUrl)
    .map((m) => ({ ...memberColumn(meta, m), ...(m === members.fullName ? { hrefKey: members.crmUrl } : {}) }));
}

export function periodColumn(meta: CubeMeta, member: string, granularity: keyof typeof PERIOD_FORMATS, key: string): TableColumn {
  const title = memberColumn(meta, member).title;
  return { key, title: title.toLowerCase().includes(granularity) ? title : `${title} (${granularity})`, format: PERIOD_FORMATS[granularity] };
}

/** A chart series' name and value format for a measure, from the model. */
export function memberSeries(meta: CubeMeta, member: string): { readonly name: string; readonly format: ValueFormat } {
  const m = meta.members.get(member);
  return { name: m ? m.shortTitle || m.title : member, format: m?.format ?? 'number' };
}

/**
 * A measure's value where the answer has none (a channel with no row in a month): 0 for a
 * measure that adds up (no MQLs that month), unknown for the rest (a rate over nothing is no
 * rate, not 0 %). Unknown also while /meta loads.
 */
export function measureValue(meta: CubeMeta | undefined, member: string, value: number | null): number | null {
  return value === null && meta?.members.get(member)?.additive ? 0 : value;
}

/** A member's description in the model ('' when it has none). */
export function memberDescription(meta: CubeMeta, member: string): string {
  return meta.members.get(member)?.description ?? '';
}

/** A query's state and data joined with /meta's: data only when both have loaded, either's error. */
export interface WithMeta<T> {
  readonly status: 'pending' | 'error' | 'success';
  readonly error: Error | null;
  readonly isFetching: boolean;
  readonly refetch: () => unknown;
  readonly data: T | undefined;
  readonly meta: CubeMeta | undefined;
  readonly isPlaceholderData: boolean;
}

/** Joins a panel's query with /meta, so a panel titles and formats its data from the model and branches on one status. */
export function joinMeta<T>(query: Pick<UseQueryResult<T>, 'status' | 'error' | 'isFetching' | 'refetch' | 'data' | 'isPlaceholderData'>, meta: Pick<UseQueryResult<CubeMeta>, 'status' | 'error' | 'isFetching' | 'refetch' | 'data'>): WithMeta<T> {
  const status = query.status === 'error' || meta.status === 'error' ? 'error' : query.status === 'pending' || meta.status === 'pending' ? 'pending' : 'success';
  return {
    status,
    error: query.error ?? meta.error ?? null,
    isFetching: query.isFetching || meta.isFetching,
    refetch: () => Promise.all([meta.status === 'error' ? meta.refetch() : null, query.status === 'error' ? query.refetch() : null]),
    data: status === 'success' ? query.data : undefined,
    meta: meta.data,
    isPlaceholderData: query.isPlaceholderData,
  };
}

export function useWithMeta<T>(query: Pick<UseQueryResult<T>, 'status' | 'error' | 'isFetching' | 'refetch' | 'data' | 'isPlaceholderData'>): WithMeta<T> {
  return joinMeta(query, useMeta());
}
