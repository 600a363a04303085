// One GraphQL subscription over graphql-ws (the client a dashboard uses), watched by a test:
// what it received, its errors, and how it ended, with a way to wait for the next of these.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export type Ending = 'complete' | { code?: number; reason?: string; errors?: unknown[] };

export interface Watched<T> {
  values: T[];
  errors: { message: string; extensions?: { code?: string } }[];
  /** Set once the server completed the subscription or closed the socket. */
  state: { ended?: Ending };
  /** Resolves at the next value, error or end, or after 25 ms: loops of it wait for a condition. */
  settle(): Promise<void>;
  /** Until `done` holds or the subscription ends; the test's timeout bounds it. */
  until(done: () => boolean): Promise<void>;
  close(): Promise<void>;
}

export function watchSubscription<D, T>(
  serverUrl: string,
  token: string | null,
  request: { query: string; variables: Record<string, unknown> },
  pick: (data: D) => T,
): Watched<T> {
  const client = createClient({
    url: `${serverUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const watched: Omit<Watched<T>, 'settle' | 'until' | 'close'> = { values: [], errors: [], state: {} };
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  client.subscribe<D>(request, {
    next: (value) => {
      if (value.data) watched.values.push(pick(value.data as D));
      if (value.errors) watched.errors.push(...(value.errors as Watched<T>['errors']));
      poke();
    },
    error: (error) => {
      // A closed socket arrives as a CloseEvent (code, reason); refused operations as GraphQL errors.
      if (Array.isArray(error)) watched.errors.push(...(error as Watched<T>['errors']));
      watched.state.ended = {
        code: (error as { code?: number }).code,
        reason: (error as { reason?: string }).reason,
        ...(Array.isArray(error) ? { errors: error } : {}),
      };
      poke();
    },
    complete: () => {
      watched.state.ended = 'complete';
      poke();
    },
  });
  const settle = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, 25);
    });
  return {
    ...watched,
    settle,
    async until(done) {
      while (!done() && !watched.state.ended) await settle();
    },
    close: () => client.dispose() as Promise<void>,
  };
}
