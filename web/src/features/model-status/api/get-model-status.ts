// Whether the server's Cube model compiles (GET /closedloop-api/v1/status), so the dashboard can
// say at once, with the file and line, why its charts cannot load. Polled: an analyst fixing
// the file sees the banner go away without reloading.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { readApiToken } from '../../../config/env';

export interface ModelProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly member?: string;
  readonly message: string;
}

export interface ModelStatus {
  readonly ok: boolean;
  readonly modelPath: string;
  readonly problems: readonly ModelProblem[];
}

export const MODEL_STATUS_URL = '/closedloop-api/v1/status';

/** The model's status, or null when this server does not report it (an older server, a proxy). */
export async function getModelStatus(signal?: AbortSignal): Promise<ModelStatus | null> {
  const token = readApiToken();
  const response = await fetch(MODEL_STATUS_URL, { signal, headers: token ? { Authorization: token } : {} });
  if (!response.ok) return null;
  const body = (await response.json()) as { model?: ModelStatus };
  return body.model ?? null;
}

export const modelStatusQueryOptions = () =>
  queryOptions({
    queryKey: ['closedloop', 'model-status'],
    queryFn: ({ signal }) => getModelStatus(signal),
    staleTime: 0,
    refetchInterval: 5_000,
    refetchOnWindowFocus: true,
    retry: false,
  });

export function useModelStatus() {
  return useQuery(modelStatusQueryOptions());
}
