// The embedded demo without any AI model: the offline planner answers the demo personas through
// the real loop, gateway and sandbox, with the right figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { worldIds, type WorldIds } from '../../test/world.ts';

let server: TestServer;
let ids: WorldIds;

beforeAll(async () => {
  server = await startTestServer();
  ids = await worldIds(server.db);
});
afterAll(() => server?.close());

const money = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

async function ask(email: string, company: string, message: string) {
  const res = await server.gql<{ chat: { message: string; model: string; toolCalls: { tool: string; ok: boolean }[]; pendingActions: unknown[] } }>(
    'mutation ($c: ID!, $m: String!) { chat(companyId: $c, message: $m) { message model toolCalls { tool ok } pendingActions { id } } }',
    { c: ids.company[company], m: message },
    await server.login(email),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.chat;
}

async function read(email: string, company: string, endpoint: string, operation: string, params: unknown) {
  const res = await server.gql<{ readOperation: { data: any } }>(
    'query ($c: ID!, $e: ID!, $o: String!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: $o, params: $p) { data } }',
    { c: ids.company[company], e: ids.endpoint[`${company}/${endpoint}`], o: operation, p: params },
    await server.login(email),
  );
  return res.data!.readOperation.data;
}

describe('the offline planner in the embedded demo', () => {
  it("answers the CEO's question about Acme's pipeline with the right figures", async () => {
    const all = (await read('ceo@demo.test', 'acme', 'sales-api', 'listOpportunities', { limit: 100 })).data as { amount: number; isClosed: boolean }[];
    const open = all.filter((o) => !o.isClosed);
    const reply = await ask('ceo@demo.test', 'acme', 'How is our pipeline at Acme?');
    expect(reply.model).toBe('offline-planner');
    expect(reply.message).toContain(`${open.length} open opportunities worth ${money(open.reduce((s, o) => s + o.amount, 0))}`);
    expect(reply.message).toContain('offline planner');
    expect(reply.toolCalls.every((t) => t.ok && t.tool.startsWith('sales-api__'))).toBe(true);
    expect(reply.pendingActions).toEqual([]);
  });

  it("answers the CEO at Globex about headcount from Globex's HR API", async () => {
    const headcount = await read('ceo@demo.test', 'globex', 'hr-api', 'getHeadcount', {});
    const reply = await ask('ceo@demo.test', 'globex', 'What is our headcount?');
    expect(reply.message).toContain(String(headcount.total));
  });

  it('tells a person without data sources what it cannot do, without calling anything', async () => {
    const reply = await ask('cfo@demo.test', 'acme', 'How is our cash?');
    expect(reply.toolCalls).toEqual([]);
    expect(reply.message).toMatch(/no data sources/i);
  });
});
