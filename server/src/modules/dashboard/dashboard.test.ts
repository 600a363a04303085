// dashboard(server, world, tokens, companyId) over HTTP as the demo personas: widgets from exactly the operations the
// caller may read, numbers equal to what readOperation answers, one failing API costing only
// its own widgets, and no upstream request for anything the caller may not read.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import { graphql } from '../../../test/gql/gql.ts';
import type { AccessLevel, DashboardQuery } from '../../../test/gql/graphql.ts';
import { errorCode, type TestServer } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';
import { demoCredential } from '../../sandbox/credentials.ts';

const DASHBOARD = graphql(`query Dashboard($companyId: ID!) {
  dashboard(companyId: $companyId) {
    company { slug }
    generatedAt
    widgets { id title caption kind operationKey value unit cached error series { label value } endpoint { slug name } }
  }
}`);
const READ = graphql(`query DashboardRead($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {
  readOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) { data }
}`);
const SET_ACCESS =
  graphql(`mutation DashboardSetAccess($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {
  setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access }
}`);
const CREATE_CREDENTIAL = graphql(
  `mutation DashboardCreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { id } }`,
);

type Widget = DashboardQuery['dashboard']['widgets'][number];
interface Row {
  [field: string]: unknown;
}

async function dashboard(
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  email: string,
  company: string,
) {
  const res = await server.gql(DASHBOARD, { companyId: world.company[company]! }, tokens[email]);
  expect(res.errors).toBeUndefined();
  return res.data!.dashboard;
}

/** By the id without its company prefix. */
const byId = (widgets: Widget[], id: string) => {
  const widget = widgets.find((w) => w.id.split('__').slice(1).join('__') === id);
  if (!widget) throw new Error(`no widget ${id} among ${widgets.map((w) => w.id).join(', ')}`);
  return widget;
};

async function read(
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  email: string,
  endpoint: string,
  operation: string,
  params: Record<string, unknown> = {},
) {
  const [company] = endpoint.split('/');
  const res = await server.gql(
    READ,
    { companyId: world.company[company!]!, endpointId: world.endpoint[endpoint]!, operation, params },
    tokens[email],
  );
  expect(res.errors).toBeUndefined();
  return res.data!.readOperation.data;
}

/** The sandbox's request counts, without the total: which company/service was called, how often. */
const called = (server: TestServer) =>
  Object.fromEntries(Object.entries(server.sandbox.stats.requests).filter(([k]) => k !== 'total'));

// The personas' sessions, signed in once for the file, by email.
const it = serverTest.extend('tokens', { scope: 'file' }, async ({ server }) => {
  const tokens: Record<string, string> = {};
  for (const email of [PERSONAS.admin, PERSONAS.ceo, PERSONAS.dev, PERSONAS.cfo])
    tokens[email] = await server.login(email);
  return tokens;
});
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ tokens }) => {
  void [tokens];
});

it.beforeEach(({ server }) => server.sandbox.reset());

describe('dashboard', () => {
  it("a CEO at Acme gets pipeline and cash first, with readOperation's numbers, and Acme's sandbox is asked for nothing else", async ({
    server,
    world,
    tokens,
  }) => {
    const board = await dashboard(server, world, tokens, PERSONAS.ceo, 'acme');
    expect(board.company.slug).toBe('acme');
    expect(Date.now() - Date.parse(board.generatedAt)).toBeLessThan(60_000);
    expect(board.widgets.every((w) => w.error === null)).toBe(true);
    expect(new Set(board.widgets.map((w) => w.endpoint.slug))).toEqual(new Set(['sales-api', 'finance-api']));
    // Sales before finance for a CEO.
    expect(board.widgets.slice(0, 2).map((w) => w.id)).toEqual([
      'acme__sales-api__listOpportunities__open_pipeline',
      'acme__sales-api__listOpportunities__pipeline_by_stage',
    ]);
    expect(called(server)).toEqual({ 'acme/salesforce': 1, 'acme/finance': 3 });

    const opportunities = (await read(server, world, tokens, PERSONAS.ceo, 'acme/sales-api', 'listOpportunities', {
      limit: 100,
    })) as {
      data: Row[];
    };
    const open = opportunities.data.filter((o) => !o.isClosed);
    const pipeline = byId(board.widgets, 'sales-api__listOpportunities__open_pipeline');
    expect(pipeline).toMatchObject({
      kind: 'STAT',
      unit: 'USD',
      operationKey: 'listOpportunities',
      caption: `${open.length} open opportunities`,
    });
    expect(pipeline.value).toBeCloseTo(
      open.reduce((s, o) => s + (o.amount as number), 0),
      2,
    );
    const byStage = byId(board.widgets, 'sales-api__listOpportunities__pipeline_by_stage');
    expect(byStage.kind).toBe('BAR');
    expect(byStage.series.reduce((s, p) => s + p.value, 0)).toBeCloseTo(pipeline.value!, 2);

    const cash = (await read(server, world, tokens, PERSONAS.ceo, 'acme/finance-api', 'getCashBalance')) as {
      total: number;
      accounts: { name: string; balance: number }[];
    };
    expect(byId(board.widgets, 'finance-api__getCashBalance__cash_total')).toMatchObject({
      kind: 'STAT',
      value: cash.total,
      unit: 'USD',
    });
    expect(byId(board.widgets, 'finance-api__getCashBalance__cash_by_account').series).toEqual(
      [...cash.accounts].sort((a, b) => b.balance - a.balance).map((a) => ({ label: a.name, value: a.balance })),
    );
  });

  it('a second look within the cache lifetime is served from the cache', async ({ server, world, tokens }) => {
    await dashboard(server, world, tokens, PERSONAS.ceo, 'acme');
    server.sandbox.reset();
    const again = await dashboard(server, world, tokens, PERSONAS.ceo, 'acme');
    expect(again.widgets.every((w) => w.cached)).toBe(true);
    expect(server.sandbox.stats.requests.total).toBe(0);
  });

  it('a developer at Acme gets pull requests and no finance widget; only GitHub is called', async ({
    server,
    world,
    tokens,
  }) => {
    const board = await dashboard(server, world, tokens, PERSONAS.dev, 'acme');
    expect(board.widgets.length).toBeGreaterThan(0);
    expect(board.widgets.every((w) => w.endpoint.slug === 'github-api' && w.error === null)).toBe(true);
    const pulls = byId(board.widgets, 'github-api__listPullRequests__open_pull_requests');
    expect(pulls.value).toBeGreaterThan(0);
    expect(pulls.caption).toMatch(/waiting for review, in the 5 most recently active of \d+ repositories$/);
    expect(board.widgets.some((w) => w.id.startsWith('acme__finance-api'))).toBe(false);
    // The repositories once (shared by pull requests and issues), then 5 repositories each.
    expect(called(server)).toEqual({ 'acme/github': 11 });

    const repos = (
      (await read(server, world, tokens, PERSONAS.dev, 'acme/github-api', 'listRepositories', { limit: 100 })) as {
        data: Row[];
      }
    ).data;
    const recent = [...repos].sort((a, b) => String(b.pushed_at).localeCompare(String(a.pushed_at))).slice(0, 5);
    let open = 0;
    for (const repo of recent)
      open += (
        (await read(server, world, tokens, PERSONAS.dev, 'acme/github-api', 'listPullRequests', {
          repo: repo.name,
          state: 'open',
          limit: 100,
        })) as { data: Row[] }
      ).data.length;
    expect(pulls.value).toBe(open);
  });

  it('after a Data Admin grants the developer READ on Finance API they get finance widgets (with a credential, numbers)', async ({
    server,
    world,
    tokens,
  }) => {
    const admin = tokens[PERSONAS.admin];
    const grant = (access: AccessLevel) =>
      server.gql(
        SET_ACCESS,
        {
          roleId: world.role.developer!,
          companyId: world.company.acme!,
          endpointId: world.endpoint['acme/finance-api']!,
          access,
        },
        admin,
      );
    expect((await grant('READ')).errors).toBeUndefined();
    try {
      const without = await dashboard(server, world, tokens, PERSONAS.dev, 'acme');
      const finance = without.widgets.filter((w) => w.endpoint.slug === 'finance-api');
      expect(finance.map((w) => w.id)).toContain('acme__finance-api__getCashBalance__cash_total');
      // No credential for the developer's role yet: a sentence on those cards, the others fine.
      for (const w of finance)
        expect(w).toMatchObject({
          value: null,
          error: expect.stringContaining('No credential is set up for Finance API'),
        });
      expect(without.widgets.filter((w) => w.endpoint.slug === 'github-api').every((w) => w.error === null)).toBe(true);
      expect(called(server)['acme/finance']).toBeUndefined();

      const { secret } = demoCredential(server.sandboxSecret, 'acme', 'finance', 'API_KEY', server.sandbox.url);
      const created = await server.gql(
        CREATE_CREDENTIAL,
        {
          input: {
            companyId: world.company.acme!,
            roleId: world.role.developer!,
            endpointId: world.endpoint['acme/finance-api']!,
            name: 'Finance API – Developer',
            kind: 'API_KEY',
            secret,
          },
        },
        admin,
      );
      expect(created.errors).toBeUndefined();
      const withCredential = await dashboard(server, world, tokens, PERSONAS.dev, 'acme');
      // A developer sees code first.
      expect(withCredential.widgets[0]!.endpoint.slug).toBe('github-api');
      const cash = (await read(server, world, tokens, PERSONAS.dev, 'acme/finance-api', 'getCashBalance')) as {
        total: number;
      };
      expect(byId(withCredential.widgets, 'finance-api__getCashBalance__cash_total')).toMatchObject({
        value: cash.total,
        error: null,
      });
    } finally {
      expect((await grant('NONE')).errors).toBeUndefined();
    }
    expect(
      (await dashboard(server, world, tokens, PERSONAS.dev, 'acme')).widgets.some(
        (w) => w.endpoint.slug === 'finance-api',
      ),
    ).toBe(false);
  });

  it("an upstream 5xx gives only that API's widgets an error sentence, without the upstream body", async ({
    server,
    world,
    tokens,
  }) => {
    // No cached answer may hide the failure.
    await server.db.apiEndpoint.update({
      where: { id: world.endpoint['acme/finance-api'] },
      data: { cacheTtlSeconds: 0 },
    });
    server.sandbox.knobs.failNext(100, 503, { company: 'acme', service: 'finance' });
    const board = await dashboard(server, world, tokens, PERSONAS.ceo, 'acme');
    const finance = board.widgets.filter((w) => w.endpoint.slug === 'finance-api');
    expect(finance.length).toBeGreaterThanOrEqual(4);
    for (const w of finance) {
      expect(w).toMatchObject({ value: null, series: [], cached: false });
      expect(w.error).toBe('Finance API answered HTTP 503. Try refreshing in a moment.');
      expect(w.error).not.toContain('service_unavailable');
    }
    const sales = board.widgets.filter((w) => w.endpoint.slug === 'sales-api');
    expect(sales.length).toBeGreaterThan(0);
    expect(sales.every((w) => w.error === null && typeof w.value === 'number')).toBe(true);
  });

  it('a member who may read nothing gets no widgets, and nothing is called', async ({ server, world, tokens }) => {
    const board = await dashboard(server, world, tokens, PERSONAS.cfo, 'acme');
    expect(board.widgets).toEqual([]);
    expect(server.sandbox.stats.requests.total).toBe(0);
  });

  it("the CEO at Globex sees HR and Operations, Globex's own numbers", async ({ server, world, tokens }) => {
    const board = await dashboard(server, world, tokens, PERSONAS.ceo, 'globex');
    expect(new Set(board.widgets.map((w) => w.endpoint.slug))).toEqual(new Set(['hr-api', 'operations-api']));
    expect(board.widgets.every((w) => w.id.startsWith('globex__'))).toBe(true);
    const headcount = (await read(server, world, tokens, PERSONAS.ceo, 'globex/hr-api', 'getHeadcount')) as {
      total: number;
    };
    expect(byId(board.widgets, 'hr-api__getHeadcount__headcount')).toMatchObject({
      value: headcount.total,
      unit: 'people',
    });
    expect(Object.keys(called(server)).every((k) => k.startsWith('globex/'))).toBe(true);
  });

  it("another company's dashboard is NOT_FOUND, and without a session UNAUTHENTICATED", async ({
    server,
    world,
    tokens,
  }) => {
    const res = await server.gql(DASHBOARD, { companyId: world.company.globex! }, tokens[PERSONAS.cfo]);
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(DASHBOARD, { companyId: world.company.acme! }, null))).toBe('UNAUTHENTICATED');
    expect(server.sandbox.stats.requests.total).toBe(0);
  });
});
