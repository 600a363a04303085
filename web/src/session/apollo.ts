// Apollo Client: every request carries the session's bearer token, subscriptions travel over
// graphql-ws on the same /graphql path, and an UNAUTHENTICATED answer (expired or revoked
// token) ends the session so the app returns to sign-in.
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import { OperationTypeNode } from 'graphql';
import { getToken, SESSION_EXPIRED, signOut } from './auth.ts';

const authLink = new SetContextLink((prev) => {
  const token = getToken();
  return token ? { headers: { ...prev.headers, authorization: `Bearer ${token}` } } : {};
});

// Only a request that carried a token can mean "your session is over"; a failed sign-in
// answers UNAUTHENTICATED too, and is shown by the form instead.
const sessionLink = new ErrorLink(({ error, operation }) => {
  const sentToken = Boolean(operation.getContext().headers?.authorization);
  if (
    sentToken &&
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
  ) {
    signOut(SESSION_EXPIRED);
  }
});

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}

/**
 * One client per session: App makes a new one at each sign-in and disposes of the old, so no
 * cached answer or open socket (authenticated as the previous person) outlives a sign-out.
 */
export function createApolloClient(): { client: ApolloClient; dispose: () => void } {
  // The socket opens on the first subscription, authenticated with the token of this session.
  const ws: Client = createClient({
    url: webSocketUrl(),
    lazy: true,
    connectionParams: () => {
      const token = getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
  };
  const transport = ApolloLink.split(
    isSubscription,
    new GraphQLWsLink(ws),
    ApolloLink.from([authLink, new HttpLink({ uri: '/graphql' })]),
  );
  const client = new ApolloClient({
    link: ApolloLink.from([sessionLink, transport]),
    cache: new InMemoryCache(),
  });
  return {
    client,
    dispose() {
      void ws.dispose();
      client.stop();
      void client.clearStore();
    },
  };
}
