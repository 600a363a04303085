// The MCP server over real HTTP, driven by the SDK's own client: the tools are exactly the
// caller's permitted operations in the company, reads run through the gateway, writes wait for
// the person's confirmation in the web app, and anything else is refused.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../test/fixture.ts';
import type { TestServer } from '../../test/harness.ts';
import { connectMcp, mcpUrl as mcpUrlOf } from '../../test/mcp-client.ts';
import type { WorldIds } from '../../test/world.ts';
import { parseToolResult } from '../assistant/tool-result.ts';
import { toolDescription, toolParameters } from '../assistant/tools.ts';
import { permittedOperations } from '../policy/policy.operations.ts';
import { loadPrincipal } from '../auth/principal.ts';
import { DEMO_USERS } from '../demo/world.ts';
import { ACTION_STATUS_TOOL } from './mcp.tools.ts';

const clients: Client[] = [];

// The personas' sessions, signed in once for the file, by email.
const it = serverTest.extend('tokens', { scope: 'file' }, async ({ server }) => {
  const tokens: Record<string, string> = {};
  for (const email of [...DEMO_USERS.map((u) => u.email)]) tokens[email] = await server.login(email);
  return tokens;
});
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ tokens }) => {
  void [tokens];
});

it.beforeEach(({ server }) => server.sandbox.reset());
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

const mcpUrl = (server: TestServer, query: Record<string, string> = {}) => mcpUrlOf(server.url, query);

async function connect(
  server: TestServer,
  bearer: string | null,
  query: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<Client> {
  const client = await connectMcp(server.url, bearer, query, headers);
  clients.push(client);
  return client;
}

const as = (server: TestServer, world: WorldIds, tokens: Record<string, string>, email: string, company: string) =>
  connect(server, tokens[email]!, { companyId: world.company[company]! });

/** What the client's connect(server) was refused with: the HTTP status and the body it quoted. */
async function refusal(attempt: Promise<unknown>): Promise<{ status: number | undefined; message: string }> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StreamableHTTPError);
  return { status: (error as StreamableHTTPError).code, message: (error as Error).message };
}

async function expectedTools(server: TestServer, world: WorldIds, email: string, company: string) {
  const principal = (await loadPrincipal(server.db, world.user[email.split('@')[0]!]!))!;
  return permittedOperations(server.db, { companyId: world.company[company]!, principal });
}

function payload(result: unknown) {
  const { content, isError } = result as CallToolResult;
  expect(content[0]?.type).toBe('text');
  return { isError: isError ?? false, ...parseToolResult((content[0] as { text: string }).text) };
}

const CONFIRM = `mutation ($id: ID!) { confirmAction(id: $id) { action { id status resultStatus } result { status } } }`;

describe('tools are the policy', () => {
  it.for([
    [PERSONAS.dev, 'acme'],
    [PERSONAS.ceo, 'acme'],
    [PERSONAS.ceo, 'globex'],
  ] as const)(
    '%s at %s lists exactly their permitted operations, with the assistant’s descriptions and schemas',
    async ([email, company], { server, world, tokens }) => {
      const client = await as(server, world, tokens, email, company);
      const { tools } = await client.listTools();
      const expected = await expectedTools(server, world, email, company);
      expect(expected.length).toBeGreaterThan(0);
      expect(tools.map((t) => t.name)).toEqual([...expected.map((o) => o.tool), ACTION_STATUS_TOOL]);
      for (const op of expected) {
        const tool = tools.find((t) => t.name === op.tool)!;
        expect(tool.description).toBe(toolDescription(op));
        expect(tool.inputSchema).toEqual({ ...toolParameters(op), type: 'object' });
        expect(tool.annotations?.readOnlyHint).toBe(op.operation.method === 'GET');
      }
    },
  );

  it('two personas in one company get different tools; what one lacks is absent and refused', async ({
    server,
    world,
    tokens,
  }) => {
    const dev = (await (await as(server, world, tokens, PERSONAS.dev, 'acme')).listTools()).tools.map((t) => t.name);
    const ceo = (await (await as(server, world, tokens, PERSONAS.ceo, 'acme')).listTools()).tools.map((t) => t.name);
    expect(dev).not.toEqual(ceo);
    expect(dev.some((n) => n.startsWith('github-api__'))).toBe(true);
    expect(dev.some((n) => n.startsWith('sales-api__') || n.startsWith('finance-api__'))).toBe(false);
    expect(ceo.some((n) => n.startsWith('github-api__'))).toBe(false);
    // The CEO reads Finance (READ): its write tool is not offered.
    expect(ceo).toContain('finance-api__getCashBalance');
    expect(ceo).not.toContain('finance-api__createInvoice');
    expect(ceo).toContain('sales-api__createOpportunity');

    const devClient = await as(server, world, tokens, PERSONAS.dev, 'acme');
    const ceoClient = await as(server, world, tokens, PERSONAS.ceo, 'acme');
    const pendingBefore = await server.db.pendingAction.count();
    for (const [client, tool, args] of [
      [devClient, 'finance-api__getCashBalance', {}],
      [devClient, 'sales-api__createOpportunity', { name: 'x', accountId: 'y', amount: 1 }],
      [ceoClient, 'finance-api__createInvoice', { customer: 'x', amount: 1 }],
      [ceoClient, 'github-api__listRepositories', {}],
    ] as const) {
      const result = payload(await client.callTool({ name: tool, arguments: args }));
      expect(result).toMatchObject({
        isError: true,
        status: 'error',
        data: { error: 'There is no such tool among those you may use.' },
      });
    }
    expect(server.sandbox.stats.requests.total).toBe(0);
    expect(await server.db.pendingAction.count()).toBe(pendingBefore);
  });
});

describe('calls', () => {
  it('a read answers with sandbox data through the gateway, logged with source "mcp"', async ({
    server,
    world,
    tokens,
  }) => {
    await server.tessera.callLog.flush();
    await server.db.upstreamCall.deleteMany();
    const client = await as(server, world, tokens, PERSONAS.ceo, 'acme');
    const result = payload(await client.callTool({ name: 'finance-api__getCashBalance', arguments: {} }));
    expect(result).toMatchObject({ isError: false, status: 'ok', httpStatus: 200 });
    const principal = (await loadPrincipal(server.db, world.user.ceo!))!;
    const direct = await server.tessera.gateway.call({
      principal,
      companyId: world.company.acme!,
      endpointId: world.endpoint['acme/finance-api']!,
      operationKey: 'getCashBalance',
      params: {},
      mode: 'read',
      source: 'test',
    });
    expect((result.data as { total: number }).total).toBe((direct.data as { total: number }).total);
    await server.tessera.callLog.flush();
    const logged = await server.db.upstreamCall.findMany({ where: { source: 'mcp' } });
    expect(logged).toMatchObject([
      { operationKey: 'getCashBalance', companyId: world.company.acme, userId: world.user.ceo, outcome: 'ok' },
    ]);
  });

  it("an upstream failure is a tool error with the gateway's public message, never the upstream body", async ({
    server,
    world,
    tokens,
  }) => {
    server.sandbox.knobs.failNext(10, 503);
    const client = await as(server, world, tokens, PERSONAS.ceo, 'acme');
    // Arguments no other test uses: a cached answer would hide the failure.
    const result = payload(await client.callTool({ name: 'sales-api__listOpportunities', arguments: { limit: 7 } }));
    expect(result).toMatchObject({ isError: true, status: 'error', httpStatus: 503, data: { code: 'UPSTREAM_ERROR' } });
    expect(JSON.stringify(result.data)).not.toContain('service_unavailable');
  });

  it("arguments the operation cannot take are a tool error (the gateway's own message)", async ({
    server,
    world,
    tokens,
  }) => {
    const client = await as(server, world, tokens, PERSONAS.ceo, 'acme');
    const result = payload(await client.callTool({ name: 'sales-api__getOpportunity', arguments: {} }));
    expect(result).toMatchObject({ isError: true, status: 'error', data: { code: 'BAD_USER_INPUT' } });
  });

  it('a write becomes a pending action; nothing reaches the sandbox until the person confirms it', async ({
    server,
    world,
    tokens,
  }) => {
    const client = await as(server, world, tokens, PERSONAS.ceo, 'acme');
    const accounts = payload(await client.callTool({ name: 'sales-api__listAccounts', arguments: { limit: 1 } }));
    const accountId = (accounts.data as { data: { id: string }[] }).data[0]!.id;
    const before = server.sandbox.stats.requests.total;

    const proposed = payload(
      await client.callTool({
        name: 'sales-api__createOpportunity',
        arguments: { name: 'MCP deal', accountId, amount: 777 },
      }),
    );
    expect(proposed).toMatchObject({
      isError: false,
      status: 'pending',
      data: {
        status: 'pending',
        request: {
          method: 'POST',
          path: '/opportunities',
          params: {},
          body: { name: 'MCP deal', accountId, amount: 777 },
        },
      },
    });
    expect(server.sandbox.stats.requests.total).toBe(before);
    const actionId = (proposed.data as { actionId: string }).actionId;
    const row = await server.db.pendingAction.findUniqueOrThrow({ where: { id: actionId } });
    expect(row).toMatchObject({
      status: 'pending',
      userId: world.user.ceo,
      companyId: world.company.acme,
      conversationId: null,
      args: { params: {}, body: { name: 'MCP deal', accountId, amount: 777 } },
    });
    // Its audit row says it came through MCP (a session here: no access token).
    const audit = await server.db.auditLog.findFirstOrThrow({
      where: { action: 'assistant.action_proposed', targetId: actionId },
    });
    expect(audit.details).toMatchObject({ via: { channel: 'mcp' } });
    expect((audit.details as { via: Record<string, unknown> }).via).not.toHaveProperty('accessTokenId');

    const status = async (c: Client) =>
      payload(await c.callTool({ name: ACTION_STATUS_TOOL, arguments: { actionId } }));
    expect((await status(client)).data).toMatchObject({ actionId, status: 'pending', resultStatus: null });
    // Someone else's action, or the same person's from another company, reads like none.
    expect(await status(await as(server, world, tokens, PERSONAS.dev, 'acme'))).toMatchObject({
      isError: true,
      data: { error: 'Action not found.' },
    });
    expect(await status(await as(server, world, tokens, PERSONAS.ceo, 'globex'))).toMatchObject({
      isError: true,
      data: { error: 'Action not found.' },
    });

    const confirmed = await server.gql<{ confirmAction: { action: { status: string; resultStatus: number } } }>(
      CONFIRM,
      { id: actionId },
      tokens[PERSONAS.ceo],
    );
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmAction.action.status).toBe('executed');
    expect(server.sandbox.stats.requests.total).toBe(before + 1);
    expect((await status(client)).data).toMatchObject({
      actionId,
      status: 'executed',
      resultStatus: confirmed.data!.confirmAction.action.resultStatus,
    });
  });

  it('arguments nested 10,000 deep are a tool error with BAD_USER_INPUT, for a read and a write alike', async ({
    server,
    world,
    tokens,
  }) => {
    // Deeper than the SDK's client can serialize (JSON.stringify overflows): sent as raw JSON-RPC.
    const deep = `${'{"d":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`;
    const pendingBefore = await server.db.pendingAction.count();
    for (const [i, name] of ['sales-api__listAccounts', 'sales-api__createOpportunity'].entries()) {
      const res = await fetch(mcpUrl(server, { companyId: world.company.acme! }), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          authorization: `Bearer ${tokens[PERSONAS.ceo]}`,
        },
        body: `{"jsonrpc":"2.0","id":${i + 1},"method":"tools/call","params":{"name":"${name}","arguments":{"name":"Deep","amount":1,"accountId":"a","deep":${deep}}}}`,
      });
      const text = await res.text();
      const message = JSON.parse(text.startsWith('{') ? text : text.slice(text.indexOf('data:') + 5)) as {
        result: CallToolResult;
      };
      expect(payload(message.result)).toMatchObject({
        isError: true,
        status: 'error',
        data: {
          code: 'BAD_USER_INPUT',
          error: expect.stringMatching(/^(params|body) is nested more than 64 levels deep\.$/),
        },
      });
    }
    expect(await server.db.pendingAction.count()).toBe(pendingBefore);
  });

  it('a write with bad arguments is a tool error, and nothing is proposed', async ({ server, world, tokens }) => {
    const client = await as(server, world, tokens, PERSONAS.ceo, 'acme');
    const pendingBefore = await server.db.pendingAction.count();
    const result = payload(
      await client.callTool({ name: 'sales-api__updateOpportunity', arguments: { stage: 'Closed Won' } }),
    );
    expect(result).toMatchObject({ isError: true, status: 'error' });
    expect(await server.db.pendingAction.count()).toBe(pendingBefore);
  });
});

describe('who and where', () => {
  it('no credentials, or a bad token: 401 with WWW-Authenticate and a JSON-RPC error', async ({
    server,
    world,
    tokens,
  }) => {
    expect((await refusal(connect(server, null, { companyId: world.company.acme! }))).status).toBe(401);
    expect((await refusal(connect(server, 'not-a-jwt', { companyId: world.company.acme! }))).status).toBe(401);
    const forged = `${tokens[PERSONAS.ceo]!.slice(0, -4)}AAAA`;
    expect((await refusal(connect(server, forged, { companyId: world.company.acme! }))).status).toBe(401);

    const res = await fetch(mcpUrl(server, { companyId: world.company.acme! }), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect(await res.json()).toMatchObject({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32000, data: { code: 'UNAUTHENTICATED' } },
    });
  });

  it('a session token must say which company: a clear error without one; the header works too', async ({
    server,
    world,
    tokens,
  }) => {
    const missing = await refusal(connect(server, tokens[PERSONAS.ceo]!));
    expect(missing.status).toBe(400);
    expect(missing.message).toContain('companyId');
    const viaHeader = await connect(server, tokens[PERSONAS.dev]!, {}, { 'X-Tessera-Company': world.company.globex! });
    const { tools } = await viaHeader.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      ...(await expectedTools(server, world, PERSONAS.dev, 'globex')).map((o) => o.tool),
      ACTION_STATUS_TOOL,
    ]);
  });

  it('a company the person holds no role in answers exactly like one that does not exist', async ({
    server,
    world,
    tokens,
  }) => {
    const notMine = await refusal(connect(server, tokens[PERSONAS.cfo]!, { companyId: world.company.globex! }));
    const nowhere = await refusal(
      connect(server, tokens[PERSONAS.cfo]!, { companyId: '00000000-0000-4000-8000-000000000000' }),
    );
    const garbage = await refusal(connect(server, tokens[PERSONAS.cfo]!, { companyId: 'acme' }));
    // The platform admin administers every company but uses endpoints only through roles.
    const admin = await refusal(connect(server, tokens[PERSONAS.admin]!, { companyId: world.company.acme! }));
    for (const r of [notMine, nowhere, garbage, admin]) expect(r.status).toBe(404);
    const strip = (m: string) => m.replace(/"requestId":"[^"]*"/, '');
    expect(strip(notMine.message)).toBe(strip(nowhere.message));
    expect(notMine.message).toContain('Company not found.');
  });

  it('GET and DELETE are not part of a stateless server; a malformed body is a JSON-RPC parse error', async ({
    server,
    tokens,
  }) => {
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(mcpUrl(server), { method, headers: { accept: 'text/event-stream' } });
      expect(res.status).toBe(405);
    }
    const res = await fetch(mcpUrl(server), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[PERSONAS.ceo]}` },
      body: '{"jsonrpc":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
  });
});

const CREATE_TOKEN = `mutation ($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { token accessToken { id } } }`;
const REVOKE_TOKEN = 'mutation ($id: ID!) { revokeAccessToken(id: $id) { id } }';

async function accessToken(
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  email: string,
  company: string,
  readOnly: boolean,
) {
  const res = await server.gql<{ createAccessToken: { token: string; accessToken: { id: string } } }>(
    CREATE_TOKEN,
    { input: { companyId: world.company[company], name: `mcp ${readOnly ? 'ro' : 'rw'}`, readOnly } },
    tokens[email],
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createAccessToken;
}

describe('personal access tokens', () => {
  it("work in the token's company without naming it, and in no other", async ({ server, world, tokens }) => {
    const {
      token,
      accessToken: { id },
    } = await accessToken(server, world, tokens, PERSONAS.ceo, 'acme', false);
    const client = await connect(server, token);
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual([
      ...(await expectedTools(server, world, PERSONAS.ceo, 'acme')).map((o) => o.tool),
      ACTION_STATUS_TOOL,
    ]);
    expect(payload(await client.callTool({ name: 'finance-api__getCashBalance', arguments: {} }))).toMatchObject({
      isError: false,
      status: 'ok',
    });
    expect((await refusal(connect(server, token, { companyId: world.company.globex! }))).status).toBe(404);
    expect(await server.gql(REVOKE_TOKEN, { id }, tokens[PERSONAS.ceo])).toMatchObject({ errors: undefined });
    expect((await refusal(connect(server, token))).status).toBe(401);
  });

  it('a write proposed with a token is audited with the token and the channel', async ({ server, world, tokens }) => {
    const {
      token,
      accessToken: { id },
    } = await accessToken(server, world, tokens, PERSONAS.ceo, 'acme', false);
    const client = await connect(server, token);
    const proposed = payload(
      await client.callTool({
        name: 'sales-api__createOpportunity',
        arguments: { name: 'Token deal', accountId: 'acc-1', amount: 5 },
      }),
    );
    const actionId = (proposed.data as { actionId: string }).actionId;
    const audit = await server.db.auditLog.findFirstOrThrow({
      where: { action: 'assistant.action_proposed', targetId: actionId },
    });
    expect(audit).toMatchObject({ actorId: world.user.ceo, details: { via: { accessTokenId: id, channel: 'mcp' } } });
  });

  it('a read-only token is offered no write, and calling one proposes nothing', async ({ server, world, tokens }) => {
    const { token } = await accessToken(server, world, tokens, PERSONAS.ceo, 'acme', true);
    const client = await connect(server, token);
    const names = (await client.listTools()).tools.map((t) => t.name);
    const reads = (await expectedTools(server, world, PERSONAS.ceo, 'acme'))
      .filter((o) => o.operation.method === 'GET')
      .map((o) => o.tool);
    expect(names).toEqual([...reads, ACTION_STATUS_TOOL]);
    expect(names).not.toContain('sales-api__createOpportunity');
    const pendingBefore = await server.db.pendingAction.count();
    const result = payload(
      await client.callTool({
        name: 'sales-api__createOpportunity',
        arguments: { name: 'RO deal', accountId: 'x', amount: 1 },
      }),
    );
    expect(result).toMatchObject({ isError: true, data: { error: 'There is no such tool among those you may use.' } });
    expect(await server.db.pendingAction.count()).toBe(pendingBefore);
    expect(server.sandbox.stats.requests.total).toBe(0);
  });
});
