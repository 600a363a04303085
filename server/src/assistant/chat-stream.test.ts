// The streamed chat over GraphQL WebSocket (graphql-ws): tokens, tool calls and the reply
// arrive as events; the same shield guards it as over HTTP.
import { createClient } from 'graphql-ws';
import { describe, expect } from 'vitest';
import WebSocket from 'ws';
import { serverTest as it } from '../../test/fixture.ts';
import type { TestServer } from '../../test/harness.ts';

const STREAM = `subscription ($c: ID!, $m: String!) { chatStream(companyId: $c, message: $m) {
  type text actionId error code toolCall { tool status ok } reply { conversationId message model } } }`;

type Event = {
  type: string;
  text: string | null;
  toolCall: { tool: string; ok: boolean } | null;
  reply: { message: string; model: string } | null;
};

async function stream(server: TestServer, token: string | null, companyId: string, message: string) {
  const client = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const events: Event[] = [];
  const errors: { message: string; extensions?: { code?: string } }[] = [];
  try {
    await new Promise<void>((resolve) => {
      client.subscribe<{ chatStream: Event }>(
        { query: STREAM, variables: { c: companyId, m: message } },
        {
          next: (value) => {
            if (value.data) events.push(value.data.chatStream);
            if (value.errors) errors.push(...(value.errors as typeof errors));
          },
          error: (error) => {
            errors.push(...((Array.isArray(error) ? error : [error]) as typeof errors));
            resolve();
          },
          complete: () => resolve(),
        },
      );
    });
  } finally {
    await client.dispose();
  }
  return { events, errors };
}

describe('chatStream', () => {
  it('streams tokens and tool calls, then the whole reply', async ({ server, world, as }) => {
    const { events, errors } = await stream(
      server,
      (await as('ceo')).token,
      world.company.acme!,
      'How is our pipeline?',
    );
    expect(errors).toEqual([]);
    const types = events.map((e) => e.type);
    expect(types.at(-1)).toBe('done');
    expect(types).toContain('tool_call');
    const tokens = events
      .filter((e) => e.type === 'token')
      .map((e) => e.text)
      .join('');
    expect(events.filter((e) => e.type === 'token').length).toBeGreaterThan(1);
    expect(tokens.trim()).toBe(events.at(-1)!.reply!.message.trim());
    expect(events.at(-1)!.reply!.model).toBe('offline-planner');
  });

  it('refuses an unauthenticated subscription and another company', async ({ server, world, as }) => {
    const anonymous = await stream(server, null, world.company.acme!, 'hi');
    expect(anonymous.events).toEqual([]);
    expect(anonymous.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const cross = await stream(server, (await as('cfo')).token, world.company.globex!, 'hi');
    expect(cross.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(await server.db.conversation.count({ where: { companyId: world.company.globex } })).toBe(0);
  });
});
