// The conversation with the assistant in one company: sends a message as a chatStream
// subscription (graphql-ws), folds its events into the state, can stop listening, and loads
// the person's still-pending actions (again every few seconds) so a reload does not lose them
// and one proposed through MCP shows up.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { errorMessage } from '../../session/errors.ts';
import { chatReducer, initialChatState, type ChatAction } from './chat-state.ts';
import { ChatStreamSubscription, MyPendingActionsQuery } from './documents.ts';

/** How often the person's pending actions are read again. */
const PENDING_POLL_MS = 5_000;

export function useChat(companyId: string) {
  const client = useApolloClient();
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const stream = useRef<{ unsubscribe(): void } | null>(null);
  // Read again while the page is visible: an action proposed through MCP (or another tab)
  // appears without a reload.
  const pending = useQuery(MyPendingActionsQuery, {
    variables: { companyId },
    fetchPolicy: 'network-only',
    pollInterval: PENDING_POLL_MS,
    skipPollAttempt: () => document.visibilityState === 'hidden',
  });

  useEffect(() => {
    if (pending.data) dispatch({ type: 'pending-loaded', actions: pending.data.myPendingActions });
  }, [pending.data]);

  // Leaving the page (or switching company) closes the stream.
  useEffect(() => () => stream.current?.unsubscribe(), []);

  const refetchPending = pending.refetch;
  const send = useCallback(
    (text: string) => {
      if (state.streamingId !== null) return;
      dispatch({ type: 'send', text });
      const finish = (action: ChatAction) => {
        stream.current = null;
        dispatch(action);
      };
      stream.current = client
        .subscribe({
          query: ChatStreamSubscription,
          variables: { companyId, message: text, conversationId: state.conversationId },
          fetchPolicy: 'no-cache',
        })
        .subscribe({
          next: (result) => {
            if (result.error) return finish({ type: 'failed', message: errorMessage(result.error) });
            const event = result.data?.chatStream;
            if (!event) return;
            dispatch({ type: 'event', event });
            // An earlier, stopped answer may have proposed something since: list it too.
            if (event.type === 'done') void refetchPending();
          },
          error: (error: unknown) => finish({ type: 'failed', message: errorMessage(error) }),
          complete: () => finish({ type: 'ended' }),
        });
    },
    [client, companyId, state.streamingId, state.conversationId, refetchPending],
  );

  const stop = useCallback(() => {
    stream.current?.unsubscribe();
    stream.current = null;
    dispatch({ type: 'stop' });
  }, []);

  return { state, dispatch, send, stop, pendingError: pending.error, retryPending: () => void refetchPending() };
}
