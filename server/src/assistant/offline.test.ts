// The embedded demo without any AI model: the offline planner answers the demo personas through
// the real loop, gateway and sandbox, with the right figures.
import { describe, expect } from 'vitest';
import { serverTest as it, type Persona, type SignedInClient } from '../../test/fixture.ts';
import type { WorldIds } from '../../test/world.ts';

/** What the helpers below take from a test's fixtures. */
type Fixtures = { world: WorldIds; as: (persona: Persona) => Promise<SignedInClient> };

const money = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

async function ask({ world, as }: Fixtures, persona: Persona, company: string, message: string) {
  const res = await (await as(persona)).gql<{
    chat: { message: string; model: string; toolCalls: { tool: string; ok: boolean }[]; pendingActions: unknown[] };
  }>(
    'mutation ($c: ID!, $m: String!) { chat(companyId: $c, message: $m) { message model toolCalls { tool ok } pendingActions { id } } }',
    { c: world.company[company], m: message },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.chat;
}

async function read(
  { world, as }: Fixtures,
  persona: Persona,
  company: string,
  endpoint: string,
  operation: string,
  params: unknown,
) {
  const res = await (await as(persona)).gql<{ readOperation: { data: any } }>(
    'query ($c: ID!, $e: ID!, $o: String!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: $o, params: $p) { data } }',
    { c: world.company[company], e: world.endpoint[`${company}/${endpoint}`], o: operation, p: params },
  );
  return res.data!.readOperation.data;
}

describe('the offline planner in the embedded demo', () => {
  it("answers the CEO's question about Acme's pipeline with the right figures", async ({ world, as }) => {
    const all = (await read({ world, as }, 'ceo', 'acme', 'sales-api', 'listOpportunities', { limit: 100 })).data as {
      amount: number;
      isClosed: boolean;
    }[];
    const open = all.filter((o) => !o.isClosed);
    const reply = await ask({ world, as }, 'ceo', 'acme', 'How is our pipeline at Acme?');
    expect(reply.model).toBe('offline-planner');
    expect(reply.message).toContain(
      `${open.length} open opportunities worth ${money(open.reduce((s, o) => s + o.amount, 0))}`,
    );
    expect(reply.message).toContain('offline planner');
    expect(reply.toolCalls.every((t) => t.ok && t.tool.startsWith('sales-api__'))).toBe(true);
    expect(reply.pendingActions).toEqual([]);
  });

  it("answers the CEO at Globex about headcount from Globex's HR API", async ({ world, as }) => {
    const headcount = await read({ world, as }, 'ceo', 'globex', 'hr-api', 'getHeadcount', {});
    const reply = await ask({ world, as }, 'ceo', 'globex', 'What is our headcount?');
    expect(reply.message).toContain(String(headcount.total));
  });

  it('tells a person without data sources what it cannot do, without calling anything', async ({ world, as }) => {
    const reply = await ask({ world, as }, 'cfo', 'acme', 'How is our cash?');
    expect(reply.toolCalls).toEqual([]);
    expect(reply.message).toMatch(/no data sources/i);
  });
});
