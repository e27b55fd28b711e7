// The one Cube client. Errors carry the API's own message so panels can show it.
import cube from '@cubejs-client/core';
import type { Query, ResultSet } from '@cubejs-client/core';
import { CUBE_API_URL, readApiToken } from '../config/env';

export const cubeApi = cube(readApiToken(), { apiUrl: CUBE_API_URL });

/** A failed Cube request: `message` is what the API said. */
export class CubeQueryError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'CubeQueryError';
    this.status = status;
  }
}

function apiMessage(error: unknown): { message: string; status: number | null } {
  if (error && typeof error === 'object') {
    const e = error as { message?: unknown; status?: unknown; response?: unknown };
    const status = typeof e.status === 'number' ? e.status : null;
    const response = e.response as { error?: unknown } | undefined;
    if (response && typeof response.error === 'string') return { message: response.error, status };
    if (typeof e.message === 'string' && e.message) return { message: e.message, status };
  }
  return { message: String(error), status: null };
}

export async function loadCube(query: Query, signal?: AbortSignal): Promise<ResultSet> {
  try {
    return await cubeApi.load(query, signal ? { signal } : {});
  } catch (error) {
    const { message, status } = apiMessage(error);
    const needsToken = status === 403 && /authorization header|invalid token/i.test(message);
    const hint = needsToken ? ' Open the dashboard once with ?token=<JWT>; it is remembered in this browser.' : '';
    throw new CubeQueryError(`${message}${hint}`, status);
  }
}

export type CubeRow = Readonly<Record<string, string | number | boolean | null>>;

/** Rows keyed by member name (time dimensions as `view.member.granularity`). */
export async function loadRows(query: Query, signal?: AbortSignal): Promise<CubeRow[]> {
  const resultSet = await loadCube(query, signal);
  return resultSet.rawData() as CubeRow[];
}
