// Query defaults, declared once. Cube answers are cached for a minute; a failed query is retried
// once (the error panel offers a manual retry with the API's message).
import { QueryClient } from '@tanstack/react-query';
import type { DefaultOptions } from '@tanstack/react-query';

export const queryConfig = {
  queries: {
    staleTime: 60_000,
    gcTime: 10 * 60_000,
    retry: 1,
    refetchOnWindowFocus: false,
  },
} satisfies DefaultOptions;

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryConfig });
}
