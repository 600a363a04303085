// The in-process bus and the subscription stream built on it: per-company delivery, the policy
// check's order kept, and a closed stream letting go of its listener at once (even while a
// `next()` is waiting), so closed dashboards leave nothing behind.
import { describe, expect, it } from 'vitest';
import { endpointEventStream, InProcessEndpointEventBus, type EndpointEvent } from './inbound-webhook.events.ts';

const event = (companyId: string, eventType: string): EndpointEvent => ({
  companyId,
  endpointId: 'e',
  endpointSlug: 's',
  eventType,
  receivedAt: new Date(0),
});

describe('InProcessEndpointEventBus', () => {
  it("delivers a company's events to its listeners only, until they unsubscribe", async () => {
    const bus = new InProcessEndpointEventBus();
    const a: string[] = [];
    const b: string[] = [];
    const stopA = bus.subscribe('acme', (e) => a.push(e.eventType));
    bus.subscribe('globex', (e) => b.push(e.eventType));
    await bus.publish(event('acme', 'one'));
    await bus.publish(event('globex', 'two'));
    stopA();
    await bus.publish(event('acme', 'three'));
    expect(a).toEqual(['one']);
    expect(b).toEqual(['two']);
    expect(bus.listenerCount()).toBe(1);
  });
});

describe('endpointEventStream', () => {
  it('yields admitted events in publish order, even when admission takes different times', async () => {
    const bus = new InProcessEndpointEventBus();
    const delays: Record<string, number> = { slow: 30, fast: 0, denied: 0, broken: 0, last: 5 };
    const stream = endpointEventStream(bus, 'acme', async (e) => {
      await new Promise((r) => setTimeout(r, delays[e.eventType]));
      if (e.eventType === 'broken') throw new Error('policy lookup failed');
      return e.eventType === 'denied' ? null : e.eventType;
    });
    for (const type of ['slow', 'fast', 'denied', 'broken', 'last']) await bus.publish(event('acme', type));
    const got = [(await stream.next()).value, (await stream.next()).value, (await stream.next()).value];
    expect(got).toEqual(['slow', 'fast', 'last']);
    await stream.return!();
  });

  it('lets go of its listener when closed, and ends a waiting next()', async () => {
    const bus = new InProcessEndpointEventBus();
    const stream = endpointEventStream(bus, 'acme', async (e) => e);
    expect(bus.listenerCount()).toBe(1);
    const waiting = stream.next();
    await stream.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(bus.listenerCount()).toBe(0);
    await bus.publish(event('acme', 'late'));
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});
