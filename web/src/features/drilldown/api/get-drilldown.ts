// The leads behind a number: the clicked measure's drill members (from Cube meta), restricted by
// the measure's own filter and the clicked bar's dimension values.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Filter, Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import type { CubeRow } from '../../../lib/cube-client';
import { getMeta } from '../../../lib/cube-meta';
import type { MetaIndex } from '../../../lib/cube-meta';
import type { DrillRequest } from '../../../lib/drill';
import type { TableColumn, TableData } from '../../../lib/table';

export const DRILL_ROW_LIMIT = 5000;

export class NoDrillMembersError extends Error {
  constructor(measure: string) {
    super(`The model lists no drill members for ${measure}, so the leads behind it cannot be shown.`);
    this.name = 'NoDrillMembersError';
  }
}

/**
 * Dimension-only drill queries with Cube's `measureFilter` are not applied through views here
 * (the measure's own filter is dropped), so the query groups by the drill members and keeps the
 * groups where the measure is positive: the same leads, with the measure's filter applied.
 */
export function drillQuery(request: DrillRequest, drillMembers: readonly string[]): Query {
  const positive: Filter = { member: request.measure, operator: 'gt', values: ['0'] };
  return {
    dimensions: [...drillMembers],
    measures: [request.measure],
    filters: [positive, ...request.filters],
    timeDimensions: [...request.timeDimensions],
    limit: DRILL_ROW_LIMIT,
  };
}

/**
 * Columns for the drill members. A lead shows by name and company, not its key: a link member
 * (the CRM record) becomes the name's link rather than a column, and the lead's key stays in the
 * query (one row per lead) but not on screen when the name is there.
 */
export function drillColumns(members: readonly string[], meta: MetaIndex): TableColumn[] {
  const link = members.find((name) => meta.get(name)?.isLink === true);
  const hasName = members.some((name) => name.endsWith('.full_name'));
  return members
    .filter((name) => name !== link && !(hasName && name.endsWith('.lead_id')))
    .map((name) => {
      const m = meta.get(name);
      const format = m?.type === 'time' ? 'timestamp' : m?.type === 'number' ? m.format : m?.type === 'boolean' ? 'boolean' : 'text';
      const href = link && name.endsWith('.full_name') ? { hrefKey: link } : {};
      return { key: name, title: m?.shortTitle ?? name.split('.').pop() ?? name, format, ...href };
    });
}

export interface DrillResult extends TableData {
  readonly truncated: boolean;
}

export async function getDrilldown(request: DrillRequest, signal?: AbortSignal): Promise<DrillResult> {
  const meta = (await getMeta()).members;
  const members = meta.get(request.measure)?.drillMembers ?? [];
  if (members.length === 0) throw new NoDrillMembersError(request.measure);
  const rows: CubeRow[] = await loadRows(drillQuery(request, members), signal);
  // Counts are 1 per lead; amounts (e.g. won revenue) are worth a column.
  const measure = meta.get(request.measure);
  const extra = measure && measure.format !== 'integer' ? drillColumns([request.measure], meta) : [];
  return { columns: [...drillColumns(members, meta), ...extra], rows, truncated: rows.length >= DRILL_ROW_LIMIT };
}

export const drilldownQueryOptions = (request: DrillRequest) =>
  queryOptions({ queryKey: ['drilldown', request], queryFn: ({ signal }) => getDrilldown(request, signal), retry: 0 });

export function useDrilldown(request: DrillRequest) {
  return useQuery(drilldownQueryOptions(request));
}
