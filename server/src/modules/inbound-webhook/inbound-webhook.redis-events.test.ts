// What the Redis channel carries between instances is parsed, not trusted: anything but a
// well-formed endpoint event is dropped. (Delivery across two instances: resilience/many-instances.test.ts.)
import { describe, expect, it } from 'vitest';
import { parseEndpointEvent } from './inbound-webhook.redis-events.ts';

const event = {
  companyId: 'c1',
  endpointId: 'e1',
  endpointSlug: 'sales-api',
  eventType: 'account.updated',
  receivedAt: '2026-11-29T00:00:00.000Z',
};

describe('parseEndpointEvent', () => {
  it('reads back what publish wrote, with the date as a Date', () => {
    expect(parseEndpointEvent(JSON.stringify(event))).toEqual({ ...event, receivedAt: new Date(event.receivedAt) });
  });

  it.each([
    ['not JSON', '{'],
    ['a field missing', JSON.stringify({ ...event, companyId: undefined })],
    ['a field of the wrong type', JSON.stringify({ ...event, endpointId: 42 })],
    ['an empty field', JSON.stringify({ ...event, eventType: '' })],
    ['a huge field', JSON.stringify({ ...event, eventType: 'x'.repeat(10_000) })],
    ['a bad date', JSON.stringify({ ...event, receivedAt: 'yesterday' })],
    ['null', 'null'],
  ])('drops %s', (_name, message) => {
    expect(parseEndpointEvent(message)).toBeNull();
  });
});
