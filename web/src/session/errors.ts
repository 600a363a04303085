import { CombinedGraphQLErrors } from '@apollo/client';

/** A message fit to show: the server's own for GraphQL errors, a generic one for the network. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.message ?? 'Something went wrong.';
  return 'Could not reach the server. Check your connection and try again.';
}
