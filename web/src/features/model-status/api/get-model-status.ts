// Whether the server's Cube model compiles (GET /closedloop-api/v1/status), so the dashboard can
// say at once, with the file and line, why its charts cannot load. Polled: an analyst fixing
// the file sees the banner go away without reloading.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { readApiToken } from '../../../config/env';
import { MODEL_STATUS_PATH, readModelStatusResponse } from '../../../../../shared/model-status';
import type { ModelStatus } from '../../../../../shared/model-status';


/** The model's status, or null when this server does not report it (an older server, a proxy). */
export async function getModelStatus(signal?: AbortSignal): Promise<ModelStatus | null> {
  const token = readApiToken();
  const response = await fetch(MODEL_STATUS_PATH, { signal, headers: token ? { Authorization: token } : {} });
  if (!response.ok) return null;
  return readModelStatusResponse(await response.json().catch(() => null));
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
