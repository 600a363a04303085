import { describe, expect, it } from 'vitest';
import { fetcherOptions } from './fetcher-options.ts';

describe('fetcherOptions', () => {
  it('sends the token as a header over HTTP and as a connection param over the WebSocket', () => {
    expect(fetcherOptions('tok', { protocol: 'http:', host: '127.0.0.1:4000' })).toEqual({
      url: '/graphql',
      subscriptionUrl: 'ws://127.0.0.1:4000/graphql',
      headers: { authorization: 'Bearer tok' },
      wsConnectionParams: { authorization: 'Bearer tok' },
    });
  });

  it('uses wss behind https, on the same host', () => {
    expect(fetcherOptions('tok', { protocol: 'https:', host: 'tessera.example:8443' }).subscriptionUrl).toBe(
      'wss://tessera.example:8443/graphql',
    );
  });
});
