// Live dashboards: the server tells us when an upstream API announced a change (an inbound
// webhook to one of the company's endpoints the viewer may read), and the dashboard refetches
// instead of waiting for its next poll. The server already checked access per event.
import { useEffect, useRef } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { EndpointEventsSubscription } from '../../gql/graphql.ts';

export type EndpointEvent = EndpointEventsSubscription['endpointEvents'];

const EndpointEventsDocument = graphql(`
  subscription EndpointEvents($companyId: ID!) {
    endpointEvents(companyId: $companyId) {
      endpointId
      endpointSlug
      eventType
      receivedAt
    }
  }
`);

/** Calls `onEvent` for each event of the company while the component is mounted. */
export function useEndpointEvents(companyId: string, onEvent: (event: EndpointEvent) => void) {
  const client = useApolloClient();
  // The latest callback, without resubscribing each render.
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const subscription = client
      .subscribe({ query: EndpointEventsDocument, variables: { companyId }, fetchPolicy: 'no-cache' })
      .subscribe({
        next: (result) => {
          if (result.data?.endpointEvents) handler.current(result.data.endpointEvents);
        },
        // Live updates are a bonus over polling: a failed subscription leaves the poll in charge.
        error: () => undefined,
      });
    return () => subscription.unsubscribe();
  }, [client, companyId]);
}
