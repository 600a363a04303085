// Apollo Client: every request carries the session's bearer token, and an UNAUTHENTICATED
// answer (expired or revoked token) ends the session so the app returns to sign-in.
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { getToken, signOut, subscribe } from './auth.ts';

const authLink = new SetContextLink((prev) => {
  const token = getToken();
  return token ? { headers: { ...prev.headers, authorization: `Bearer ${token}` } } : {};
});

// Only a request that carried a token can mean "your session is over"; a failed sign-in
// answers UNAUTHENTICATED too, and is shown by the form instead.
const sessionLink = new ErrorLink(({ error, operation }) => {
  const sentToken = Boolean(operation.getContext().headers?.authorization);
  if (sentToken && CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    signOut('Your session has expired. Please sign in again.');
  }
});

export function createApolloClient(): ApolloClient {
  const client = new ApolloClient({
    link: ApolloLink.from([sessionLink, authLink, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache(),
  });
  // Nothing one person saw may stay in the cache for the next one to sign in.
  let hadToken = getToken() !== null;
  subscribe(() => {
    const hasToken = getToken() !== null;
    if (hadToken && !hasToken) void client.clearStore();
    hadToken = hasToken;
  });
  return client;
}
