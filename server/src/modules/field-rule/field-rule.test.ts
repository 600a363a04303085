// Response field rules end to end, over HTTP against the sandbox APIs: two roles calling the same
// operation see different fields (cache hits too), the dashboard and the model get only the
// filtered data, the admin API validates, authorizes and audits, and loading the rules costs the
// gateway no SQL statement of its own.
import { describe, expect } from 'vitest';
import { PERSONAS, assistantTest, fakeModelEnv } from '../../../test/fixture.ts';
import { errorCode, isRequestSql, type TestServer } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';
import { parseToolResult } from '../../assistant/tool-result.ts';
import { demoCredential } from '../../sandbox/credentials.ts';

const READ = `query ($c: ID!, $e: ID!, $o: String!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: $o, params: $p) { cached data } }`;
const RULE = 'id mode paths updatedAt operation { id key } role { key }';
const SET = `mutation ($input: SetFieldRuleInput!) { setFieldRule(input: $input) { ${RULE} } }`;
const DELETE = 'mutation ($o: ID!, $r: ID!, $c: ID!) { deleteFieldRule(operationId: $o, roleId: $r, companyId: $c) }';
const LIST = `query ($c: ID!, $e: ID) { fieldRules(companyId: $c, endpointId: $e) { ${RULE} } }`;
const DASHBOARD = 'query ($c: ID!) { dashboard(companyId: $c) { widgets { id error series { label value } } } }';
const CHAT = 'mutation ($c: ID!, $m: String!) { chat(companyId: $c, message: $m) { toolCalls { tool status ok } } }';

interface Account {
  id: string;
  name: string;
  balance: number;
  bank?: string;
  accountNumber?: string;
}
interface Cash {
  total: number;
  accounts: Account[];
}

const finance = (world: WorldIds) => world.endpoint['acme/finance-api']!;
const op = (world: WorldIds, key: string) => world.operation[`acme/finance-api/${key}`]!;

async function read<T = unknown>(
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  email: string,
  operation: string,
  params: Record<string, unknown> = {},
) {
  const res = await server.gql<{ readOperation: { cached: boolean; data: T } }>(
    READ,
    { c: world.company.acme, e: finance(world), o: operation, p: params },
    tokens[email],
  );
  expect(res.errors).toBeUndefined();
  return res.data!.readOperation;
}

function setRule(
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  input: Record<string, unknown>,
  as = PERSONAS.admin,
) {
  return server.gql<{
    setFieldRule: {
      id: string;
      mode: string;
      paths: string[];
      updatedAt: string;
      operation: { key: string };
      role: { key: string };
    };
  }>(
    SET,
    {
      input: {
        companyId: world.company.acme,
        operationId: op(world, 'getCashBalance'),
        roleId: world.role.ceo,
        mode: 'REMOVE',
        paths: ['x'],
        ...input,
      },
    },
    tokens[as],
  );
}

const deleteRule = (
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  operationId: string,
  roleId: string,
  companyId = world.company.acme!,
  as = PERSONAS.admin,
) => server.gql<{ deleteFieldRule: boolean }>(DELETE, { o: operationId, r: roleId, c: companyId }, tokens[as]);

/** Runs `fn` while the CEO has this rule on getCashBalance; the rule is gone afterwards. */
async function withCeoRule(
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  mode: string,
  paths: string[],
  fn: () => Promise<void>,
) {
  expect((await setRule(server, world, tokens, { mode, paths })).errors).toBeUndefined();
  try {
    await fn();
  } finally {
    expect(
      (await deleteRule(server, world, tokens, op(world, 'getCashBalance'), world.role.ceo!)).data?.deleteFieldRule,
    ).toBe(true);
  }
}

// The personas' sessions, signed in once for the file, by email.
const it = assistantTest.extend('tokens', { scope: 'file' }, async ({ server }) => {
  const tokens: Record<string, string> = {};
  for (const email of [PERSONAS.admin, PERSONAS.ceo, PERSONAS.dev, PERSONAS.companyAdmin])
    tokens[email] = await server.login(email);
  return tokens;
});
it.override('serverEnv', { scope: 'file' }, fakeModelEnv);

it.beforeAll(async ({ server, world, tokens }) => {
  // The demo developer has no Finance API grant: give them READ and a credential of their own, as
  // an administrator would, so the developer and the CEO call the same operation.
  const admin = tokens[PERSONAS.admin];
  const granted = await server.gql(
    'mutation ($r: ID!, $c: ID!, $e: ID!) { setEndpointAccess(roleId: $r, companyId: $c, endpointId: $e, access: READ) { access } }',
    { r: world.role.developer, c: world.company.acme, e: finance(world) },
    admin,
  );
  expect(granted.errors).toBeUndefined();
  const { secret } = demoCredential(server.sandboxSecret, 'acme', 'finance', 'API_KEY', server.sandbox.url);
  const created = await server.gql(
    'mutation ($input: CreateCredentialInput!) { createCredential(input: $input) { id } }',
    {
      input: {
        companyId: world.company.acme,
        roleId: world.role.developer,
        endpointId: finance(world),
        name: 'Finance API – Developer',
        kind: 'API_KEY',
        secret,
      },
    },
    admin,
  );
  expect(created.errors).toBeUndefined();
});
it.beforeEach(({ fake }) => {
  fake.requests.length = 0;
});

describe('the same operation, two roles', () => {
  it("the demo rule: a developer's cash balance has no bank or account number, the CEO's has both; the same on a cache hit", async ({
    server,
    world,
    tokens,
  }) => {
    for (const attempt of [1, 2]) {
      const ceo = await read<Cash>(server, world, tokens, PERSONAS.ceo, 'getCashBalance');
      const dev = await read<Cash>(server, world, tokens, PERSONAS.dev, 'getCashBalance');
      if (attempt === 2) expect([ceo.cached, dev.cached]).toEqual([true, true]);
      expect(ceo.data.accounts.length).toBe(3);
      for (const account of ceo.data.accounts)
        expect(account).toMatchObject({
          bank: expect.any(String),
          accountNumber: expect.stringMatching(/^\*{4}\d{4}$/),
        });
      expect(dev.data.total).toBe(ceo.data.total);
      expect(dev.data.accounts).toEqual(
        ceo.data.accounts.map(({ bank: _bank, accountNumber: _number, ...rest }) => rest),
      );
      const devText = JSON.stringify(dev.data);
      for (const account of ceo.data.accounts) expect(devText).not.toContain(account.accountNumber!);
      expect(devText).not.toMatch(/"bank"|"accountNumber"/);
    }
  });

  it('the cache keeps whole answers: a rule set after a cached read filters it, and deleting the rule shows everything again', async ({
    server,
    world,
    tokens,
  }) => {
    const warm = await read<{ data: Record<string, unknown>[] }>(server, world, tokens, PERSONAS.ceo, 'listPayments', {
      limit: 5,
    });
    expect(warm.data.data[0]).toHaveProperty('customer');
    expect(
      (
        await setRule(server, world, tokens, {
          operationId: op(world, 'listPayments'),
          mode: 'ALLOW',
          paths: ['total', 'data[].amount', 'data[].receivedAt'],
        })
      ).errors,
    ).toBeUndefined();
    try {
      const hit = await read<{ data: Record<string, unknown>[] }>(server, world, tokens, PERSONAS.ceo, 'listPayments', {
        limit: 5,
      });
      expect(hit.cached).toBe(true);
      expect(hit.data.data).toHaveLength(warm.data.data.length);
      for (const payment of hit.data.data) expect(Object.keys(payment).sort()).toEqual(['amount', 'receivedAt']);
    } finally {
      expect(
        (await deleteRule(server, world, tokens, op(world, 'listPayments'), world.role.ceo!)).data?.deleteFieldRule,
      ).toBe(true);
    }
    const again = await read(server, world, tokens, PERSONAS.ceo, 'listPayments', { limit: 5 });
    expect(again).toEqual({ cached: true, data: warm.data });
  });

  it("the dashboard derives its widgets from the filtered answer: without the accounts' names, no name appears", async ({
    server,
    world,
    tokens,
  }) => {
    const names = (await read<Cash>(server, world, tokens, PERSONAS.ceo, 'getCashBalance')).data.accounts.map(
      (a) => a.name,
    );
    const board = async () => {
      const res = await server.gql<{
        dashboard: { widgets: { id: string; error: string | null; series: { label: string }[] }[] };
      }>(DASHBOARD, { c: world.company.acme }, tokens[PERSONAS.ceo]);
      expect(res.errors).toBeUndefined();
      return res.data!.dashboard.widgets;
    };
    const byAccount = (widgets: Awaited<ReturnType<typeof board>>) =>
      widgets.find((w) => w.id.endsWith('getCashBalance__cash_by_account'))!;
    expect(
      byAccount(await board())
        .series.map((p) => p.label)
        .sort(),
    ).toEqual([...names].sort());
    await withCeoRule(server, world, tokens, 'REMOVE', ['accounts[].name'], async () => {
      const widgets = await board();
      expect(byAccount(widgets)).toMatchObject({ error: null });
      // The widget falls back to the account ids; the names are nowhere on the dashboard.
      expect(
        byAccount(widgets)
          .series.map((p) => p.label)
          .sort(),
      ).toEqual(['operating', 'payroll', 'reserve']);
      const text = JSON.stringify(widgets);
      for (const name of names) expect(text).not.toContain(name);
    });
  });

  it("the model receives the filtered tool result: the developer's has no bank or account number, the CEO's has them", async ({
    server,
    world,
    tokens,
    fake,
  }) => {
    const toolMessage = async (email: string) => {
      fake.requests.length = 0;
      fake.queue({ toolCalls: [{ name: 'finance-api__getCashBalance', arguments: {} }] }, { content: 'Done.' });
      const res = await server.gql<{ chat: { toolCalls: { tool: string; status: number | null; ok: boolean }[] } }>(
        CHAT,
        { c: world.company.acme, m: 'What is our cash balance?' },
        tokens[email],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.chat.toolCalls).toEqual([{ tool: 'finance-api__getCashBalance', status: 200, ok: true }]);
      const tool = (fake.requests.at(-1)!.body.messages as { role: string; content: string }[]).find(
        (m) => m.role === 'tool',
      )!;
      return { raw: tool.content, result: parseToolResult(tool.content).data as Cash };
    };
    const ceo = await toolMessage(PERSONAS.ceo);
    const dev = await toolMessage(PERSONAS.dev);
    for (const account of ceo.result.accounts) expect(account.accountNumber).toMatch(/^\*{4}\d{4}$/);
    expect(dev.result.total).toBe(ceo.result.total);
    expect(dev.result.accounts.map((a) => a.name)).toEqual(ceo.result.accounts.map((a) => a.name));
    for (const account of dev.result.accounts)
      expect(Object.keys(account)).not.toEqual(expect.arrayContaining(['bank']));
    expect(dev.raw).not.toMatch(/accountNumber|"bank"/);
    for (const account of ceo.result.accounts) expect(dev.raw).not.toContain(account.accountNumber!);
  });

  it('loading the rules costs no statement: they come in the endpoint query, with no more statements than a read without rules', async ({
    server,
    world,
    tokens,
  }) => {
    await read(server, world, tokens, PERSONAS.dev, 'getCashBalance');
    const statements = async (email: string) => {
      server.sql.length = 0;
      await read(server, world, tokens, email, 'getCashBalance');
      return server.sql.filter(isRequestSql);
    };
    const dev = await statements(PERSONAS.dev);
    const ceo = await statements(PERSONAS.ceo);
    expect(dev.length).toBe(ceo.length);
    // The principal, the company (the shield) and the endpoint with everything the call needs.
    expect(dev.length).toBeLessThanOrEqual(3);
    const withRules = dev.filter((sql) => sql.includes('operation_field_rules'));
    expect(withRules).toHaveLength(1);
    expect(withRules[0]).toContain('api_endpoints');
  });
});

describe('the admin API', () => {
  it('sets, lists, replaces and deletes a rule, each change audited with its paths', async ({
    server,
    world,
    tokens,
  }) => {
    const set = await setRule(server, world, tokens, {
      operationId: op(world, 'listInvoices'),
      roleId: world.role.cfo,
      mode: 'REMOVE',
      paths: [' data[].customer ', 'data[].customer'],
    });
    expect(set.errors).toBeUndefined();
    const rule = set.data!.setFieldRule;
    expect(rule).toMatchObject({
      mode: 'REMOVE',
      paths: ['data[].customer'],
      operation: { key: 'listInvoices' },
      role: { key: 'cfo' },
    });
    const replaced = (
      await setRule(server, world, tokens, {
        operationId: op(world, 'listInvoices'),
        roleId: world.role.cfo,
        mode: 'ALLOW',
        paths: ['data[].id', 'total'],
      })
    ).data!.setFieldRule;
    expect(replaced).toMatchObject({ id: rule.id, mode: 'ALLOW', paths: ['data[].id', 'total'] });

    const list = async (endpointId: string | null) => {
      const res = await server.gql<{ fieldRules: { id: string; operation: { key: string }; role: { key: string } }[] }>(
        LIST,
        { c: world.company.acme, e: endpointId },
        tokens[PERSONAS.admin],
      );
      expect(res.errors).toBeUndefined();
      return res.data!.fieldRules.map((r) => `${r.operation.key}/${r.role.key}`);
    };
    expect(await list(null)).toEqual(['getCashBalance/developer', 'listInvoices/cfo']);
    expect(await list(finance(world))).toEqual(['getCashBalance/developer', 'listInvoices/cfo']);
    expect(await list(world.endpoint['acme/sales-api']!)).toEqual([]);

    const audit = await server.db.auditLog.findMany({ where: { targetId: rule.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['field_rule.set', 'field_rule.set']);
    expect(audit[0]).toMatchObject({
      companyId: world.company.acme,
      actorEmail: PERSONAS.admin,
      details: {
        operation: 'listInvoices',
        roleId: world.role.cfo,
        mode: 'REMOVE',
        paths: ['data[].customer'],
        before: null,
      },
    });
    expect(audit[1]!.details).toMatchObject({
      mode: 'ALLOW',
      paths: ['data[].id', 'total'],
      before: { mode: 'REMOVE', paths: ['data[].customer'] },
    });

    expect(
      (await deleteRule(server, world, tokens, op(world, 'listInvoices'), world.role.cfo!)).data!.deleteFieldRule,
    ).toBe(true);
    expect(
      (await deleteRule(server, world, tokens, op(world, 'listInvoices'), world.role.cfo!)).data!.deleteFieldRule,
    ).toBe(false);
    const deleted = await server.db.auditLog.findMany({ where: { targetId: rule.id, action: 'field_rule.delete' } });
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.details).toMatchObject({
      operation: 'listInvoices',
      mode: 'ALLOW',
      paths: ['data[].id', 'total'],
    });
    expect(await list(null)).toEqual(['getCashBalance/developer']);
  });

  it.for([
    ['an empty segment', ['a..b'], /empty segment/],
    ['a wildcard', ['data.*.email'], /wildcard/],
    ['an index', ['items[0]'], /indexes/],
    ['no path', [], /at least one path/],
    ['a path of 201 characters', ['x'.repeat(201)], /200 characters/],
    ['101 paths', Array.from({ length: 101 }, (_, i) => `f${i}`), /At most 100/],
  ] as const)(
    'refuses %s with BAD_USER_INPUT and stores nothing',
    async ([_label, paths, message], { server, world, tokens }) => {
      const before = await server.db.operationFieldRule.findMany({ orderBy: { id: 'asc' } });
      const res = await setRule(server, world, tokens, { paths });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toMatch(message);
      expect(await server.db.operationFieldRule.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    },
  );

  it('a member who does not administer the company is FORBIDDEN; nothing is stored', async ({
    server,
    world,
    tokens,
  }) => {
    const before = await server.db.operationFieldRule.count();
    expect(errorCode(await setRule(server, world, tokens, { paths: ['accounts'] }, PERSONAS.ceo))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await deleteRule(
          server,
          world,
          tokens,
          op(world, 'getCashBalance'),
          world.role.developer!,
          world.company.acme,
          PERSONAS.ceo,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(LIST, { c: world.company.acme }, tokens[PERSONAS.dev]))).toBe('FORBIDDEN');
    expect(await server.db.operationFieldRule.count()).toBe(before);
  });

  it("another company's operation, company or an unknown role is NOT_FOUND", async ({ server, world, tokens }) => {
    const globex = world.company.globex!;
    const companyAdmin = PERSONAS.companyAdmin;
    // Globex's company admin, about Acme: as if Acme did not exist.
    expect(errorCode(await setRule(server, world, tokens, { paths: ['accounts'] }, companyAdmin))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(LIST, { c: world.company.acme }, tokens[companyAdmin]))).toBe('NOT_FOUND');
    expect(
      errorCode(
        await deleteRule(
          server,
          world,
          tokens,
          op(world, 'getCashBalance'),
          world.role.developer!,
          world.company.acme,
          companyAdmin,
        ),
      ),
    ).toBe('NOT_FOUND');
    // Their own company named, an Acme operation given: the operation is not found.
    expect(
      errorCode(await setRule(server, world, tokens, { companyId: globex, paths: ['accounts'] }, companyAdmin)),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await deleteRule(
          server,
          world,
          tokens,
          op(world, 'getCashBalance'),
          world.role.developer!,
          globex,
          companyAdmin,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(LIST, { c: globex, e: finance(world) }, tokens[companyAdmin]))).toBe('NOT_FOUND');
    // Within Globex they may manage rules.
    const own = await server.gql(
      SET,
      {
        input: {
          companyId: globex,
          operationId: world.operation['globex/hr-api/listEmployees'],
          roleId: world.role.ceo,
          mode: 'REMOVE',
          paths: ['data[].salary'],
        },
      },
      tokens[companyAdmin],
    );
    expect(own.errors).toBeUndefined();
    expect(
      (
        await deleteRule(
          server,
          world,
          tokens,
          world.operation['globex/hr-api/listEmployees']!,
          world.role.ceo!,
          globex,
          companyAdmin,
        )
      ).data!.deleteFieldRule,
    ).toBe(true);
    // Unknown world.
    expect(
      errorCode(
        await setRule(server, world, tokens, { roleId: '00000000-0000-4000-8000-000000000000', paths: ['accounts'] }),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await setRule(server, world, tokens, { operationId: 'not-a-uuid', paths: ['accounts'] }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await deleteRule(server, world, tokens, op(world, 'getCashBalance'), 'not-a-uuid'))).toBe(
      'NOT_FOUND',
    );
    const nowhere = '00000000-0000-4000-8000-000000000000';
    expect(errorCode(await deleteRule(server, world, tokens, op(world, 'getCashBalance'), nowhere))).toBe('NOT_FOUND');
    expect(errorCode(await deleteRule(server, world, tokens, nowhere, world.role.developer!))).toBe('NOT_FOUND');
    expect(errorCode(await setRule(server, world, tokens, { companyId: 'abc', paths: ['accounts'] }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await server.gql(LIST, { c: world.company.acme, e: nowhere }, tokens[PERSONAS.admin]))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await server.gql(LIST, { c: nowhere }, tokens[PERSONAS.admin]))).toBe('NOT_FOUND');
  });
});
