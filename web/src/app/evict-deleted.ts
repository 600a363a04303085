import type { ApolloCache } from '@apollo/client';

/**
 * A mutation's `update` that drops a deleted object from Apollo's cache at once (and what only it
 * referenced), so no list shows it while the list reloads.
 */
export function evictDeleted(__typename: string, id: string) {
  return (cache: ApolloCache): void => {
    cache.evict({ id: cache.identify({ __typename, id }) });
    cache.gc();
  };
}
