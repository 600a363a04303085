// Endpoint events for live dashboards: the inbound webhook route publishes, the `endpointEvents`
// subscription listens. Behind a small interface so that a Redis pub/sub bus can replace the
// in-process one when several instances run (issue #8): a publish on one instance must then
// reach subscribers on all of them. Only ids, the slug and the event type travel: never the
// upstream body.

export interface EndpointEvent {
  companyId: string;
  endpointId: string;
  endpointSlug: string;
  eventType: string;
  receivedAt: Date;
}

export type EndpointEventListener = (event: EndpointEvent) => void;

export interface EndpointEventBus {
  publish(event: EndpointEvent): Promise<void>;
  /** Listens to one company's events until the returned function is called. */
  subscribe(companyId: string, listener: EndpointEventListener): () => void;
}

export class InProcessEndpointEventBus implements EndpointEventBus {
  private readonly listeners = new Map<string, Set<EndpointEventListener>>();

  async publish(event: EndpointEvent): Promise<void> {
    for (const listener of [...(this.listeners.get(event.companyId) ?? [])]) listener(event);
  }

  subscribe(companyId: string, listener: EndpointEventListener): () => void {
    const set = this.listeners.get(companyId) ?? new Set();
    set.add(listener);
    this.listeners.set(companyId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(companyId) === set) this.listeners.delete(companyId);
    };
  }

  /** Listeners still attached (tests check that closed subscriptions let go). */
  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

/** What `admit` answers to end the stream (the subscriber lost access): it completes at once. */
export const END_OF_STREAM: unique symbol = Symbol('end of stream');

/**
 * A company's events as an async iterator for a GraphQL subscription, each passed through
 * `admit` (the policy) in arrival order: a value is delivered, null skips the event,
 * END_OF_STREAM completes the stream (neither this event nor any later one is delivered). Hand-written rather than an async generator: a
 * generator waiting for the next event cannot be stopped until one arrives, so a closed
 * subscription would hold its listener until then; here `return()` lets go at once.
 */
export function endpointEventStream<T>(
  bus: EndpointEventBus,
  companyId: string,
  admit: (event: EndpointEvent) => Promise<T | null | typeof END_OF_STREAM>,
): AsyncIterableIterator<T> {
  const ready: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let closed = false;
  // One admission at a time keeps the order events were published in.
  let chain = Promise.resolve();
  const deliver = (value: T) => {
    const next = waiting.shift();
    if (next) next({ value, done: false });
    else ready.push(value);
  };
  const unsubscribe = bus.subscribe(companyId, (event) => {
    chain = chain.then(async () => {
      if (closed) return;
      const value = await admit(event).catch(() => null); // a failed check admits nothing
      if (value === END_OF_STREAM) void close();
      else if (value !== null && !closed) deliver(value);
    });
  });
  const close = (): Promise<IteratorResult<T>> => {
    if (!closed) {
      closed = true;
      unsubscribe();
      ready.length = 0;
      for (const next of waiting.splice(0)) next({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next() {
      if (ready.length > 0) return Promise.resolve({ value: ready.shift()!, done: false });
      if (closed) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: close,
    throw(error?: unknown) {
      void close();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
