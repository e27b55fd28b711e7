// Query defaults, declared once. Cube answers are cached for a minute. A failed query is retried
// once unless the API refused it (4xx: a bad query or a missing token will not fix itself); the
// error panel offers a manual retry with the API's message.
import { QueryClient } from '@tanstack/react-query';
import type { DefaultOptions } from '@tanstack/react-query';

function isClientError(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export const queryConfig = {
  queries: {
    staleTime: 60_000,
    gcTime: 10 * 60_000,
    retry: (failureCount: number, error: unknown) => failureCount < 1 && !isClientError(error),
    refetchOnWindowFocus: false,
  },
} satisfies DefaultOptions;

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryConfig });
}
