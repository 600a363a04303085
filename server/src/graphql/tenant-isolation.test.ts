// The cross-company table: every Query and Mutation of the schema, called by a person of one
// company with the ids of the other. Anything of another company answers NOT_FOUND, exactly
// as if it did not exist, and nothing at all changes (audit rows included). A field added to
// the schema without a row here fails the first test.
import { getNamedType, isInputObjectType, parse, type GraphQLArgument, type OperationDefinitionNode } from 'graphql';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../test/fixture.ts';
import { errorCode, type GqlResponse, type TestServer } from '../../test/harness.ts';
import { snapshot, type WorldIds } from '../../test/world.ts';
import { buildBareSchema } from './schema.ts';

type Slug = 'acme' | 'globex';
/** `c`: the company whose ids the call uses; `own`: the caller's own company. */
interface Target {
  c: Slug;
  own: Slug;
}
type Memberships = { company: { slug: string } }[];
/** What the table's checks read from an answer: each row's query selects one of these fields. */
interface Data {
  oauthProviderPresets: { key: string }[];
  oauthRedirectUri: string;
  signInMethod: { method: string; startUrl: string | null };
  me: { memberships: Memberships };
  myCompanies: { slug: string }[];
  myAdministeredCompanies: { slug: string }[];
  demoLogins: unknown[];
  companies: { slug: string }[];
  roles: unknown[];
  users: { id: string; memberships: Memberships }[];
  login: { user: { memberships: Memberships } };
}

interface Persona {
  email: string;
  own: Slug;
  other: Slug;
  /** Administers `own` (a company admin), or only belongs to it. */
  admin: boolean;
}
interface Row {
  variant?: string;
  /** 'member': company-scoped, for members; 'admin': company-scoped, for its administrators; 'global': not company-scoped. */
  kind: 'member' | 'admin' | 'global';
  query: string;
  vars?: (t: Target, x: Ctx) => Record<string, unknown>;
  /** Only meaningful for callers who administer their own company. */
  adminOnly?: boolean;
  /** For 'global' rows: what the persona must get instead of NOT_FOUND. */
  check?: Check;
  /** Writes an audit row by design (login, logout): runs after the "nothing changed" check. */
  writes?: boolean;
  /** For a 'writes' row: how to call it (default: as login, with the persona's email and no token). */
  run?: (p: Persona, x: Ctx) => Promise<GqlResponse<Data>>;
}

/** The rows the file makes for each company (beside the demo world), by what they are. */
type Made = Record<
  'credential' | 'widget' | 'action' | 'hook' | 'oauthApp' | 'accessToken' | 'invitation',
  Record<Slug, string>
>;
/** What the rows' closures read: the file's server, the world's ids (with acmeadmin) and the rows made for it. */
interface Ctx {
  server: TestServer;
  ids: WorldIds;
  made: Made;
  /** Sessions by email, signed in once for the file. */
  tokens: Record<string, string>;
  /** Every table's rows before the first call: "nothing changed" compares with it. */
  before: Record<string, unknown[]>;
}

const co = ({ ids }: Pick<Ctx, 'ids'>, c: Slug) => ids.company[c];
const ep = ({ ids }: Pick<Ctx, 'ids'>, c: Slug) => ids.endpoint[`${c}/hr-api`];
const op = ({ ids }: Pick<Ctx, 'ids'>, c: Slug) => ids.operation[`${c}/hr-api/getHeadcount`];
/** A seeded credential of `c` (one exists per demo grant). */
const cred = (x: Ctx, c: Slug) => x.made.credential[c];
/** A seeded dashboard widget of the company (its HR API's headcount). */
const widget = (x: Ctx, c: Slug) => x.made.widget[c];
const widgetInput = (x: Ctx, c: Slug, companyId: string | undefined) => ({
  companyId,
  endpointId: ep(x, c),
  operationKey: 'getHeadcount',
  key: 'sneaky',
  title: 'Sneaky',
  kind: 'STAT',
  expression: '$.total',
});
/** A pending action of the CEO in `c`: nobody else may decide it. */
const action = (x: Ctx, c: Slug) => x.made.action[c];
/** A webhook subscription of `c`. */
const hook = (x: Ctx, c: Slug) => x.made.hook[c];
/** An OAuth app of `c` (Connect). */
const oauthApp = (x: Ctx, c: Slug) => x.made.oauthApp[c];
/** A personal access token of the CEO in `c`: nobody else may revoke it. */
const accessToken = (x: Ctx, c: Slug) => x.made.accessToken[c];
/** A pending invitation to `c`: only its administrators may resend or revoke it. */
const invitation = (x: Ctx, c: Slug) => x.made.invitation[c];
/** No invitation has this link: every public invitation operation answers NOT_FOUND, whoever asks. */
const UNKNOWN_INVITATION = `tsr_inv_${'A'.repeat(43)}`;
const unknownInvitation = (res: GqlResponse) => expect(errorCode(res)).toBe('NOT_FOUND');
/** A person who belongs to `c` only, and the role they hold there. */
const onlyIn = (x: Ctx, c: Slug) =>
  c === 'acme'
    ? { userId: x.ids.user.cfo, roleId: x.ids.role.cfo }
    : { userId: x.ids.user.companyadmin, roleId: x.ids.role.company_admin };

const forbidden = (res: GqlResponse) => expect(errorCode(res)).toBe('FORBIDDEN');
type Check = (res: GqlResponse<Data>, p: Persona, x: Ctx) => void | Promise<void>;
const adminElseForbidden = (check: Check) => (res: GqlResponse<Data>, p: Persona, x: Ctx) => {
  if (!p.admin) return forbidden(res);
  expect(res.errors).toBeUndefined();
  return check(res, p, x);
};
const slugsOf = (memberships: { company: { slug: string } }[]) => [...new Set(memberships.map((m) => m.company.slug))];

const TABLE: Record<string, Row[]> = {
  // Queries
  me: [
    {
      kind: 'global',
      query: '{ me { email memberships { company { slug } } } }',
      check: (res, p) => expect(slugsOf(res.data!.me.memberships)).toEqual([p.own]),
    },
  ],
  myCompanies: [
    {
      kind: 'global',
      query: '{ myCompanies { slug } }',
      check: (res, p) => expect(res.data!.myCompanies).toEqual([{ slug: p.own }]),
    },
  ],
  myAdministeredCompanies: [
    {
      kind: 'global',
      query: '{ myAdministeredCompanies { slug } }',
      check: (res, p) => expect(res.data!.myAdministeredCompanies).toEqual(p.admin ? [{ slug: p.own }] : []),
    },
  ],
  demoLogins: [
    { kind: 'global', query: '{ demoLogins { email } }', check: (res) => expect(res.data!.demoLogins).toEqual([]) },
  ],
  companies: [
    {
      kind: 'global',
      query: '{ companies { slug } }',
      check: adminElseForbidden((res, p) => expect(res.data!.companies).toEqual([{ slug: p.own }])),
    },
  ],
  roles: [
    {
      kind: 'global',
      query: '{ roles { key } }',
      check: adminElseForbidden((res) => expect(res.data!.roles.length).toBeGreaterThanOrEqual(20)),
    },
  ],
  users: [
    {
      kind: 'global',
      query: '{ users { id email memberships { company { slug } } } }',
      check: adminElseForbidden(async (res, p, x) => {
        const users = res.data!.users as { id: string; memberships: { company: { slug: string } }[] }[];
        const expected = await x.server.db.user.findMany({
          where: { memberships: { some: { companyId: co(x, p.own) } } },
          select: { id: true },
        });
        expect(users.map((u) => u.id).sort()).toEqual(expected.map((u) => u.id).sort());
        for (const user of users) expect(slugsOf(user.memberships)).toEqual([p.own]);
      }),
    },
  ],
  user: [
    {
      kind: 'global',
      query: 'query ($id: ID!) { user(id: $id) { id email } }',
      vars: ({ c }, x) => ({ id: onlyIn(x, c).userId }),
      check: (res, p) => (p.admin ? expect(errorCode(res)).toBe('NOT_FOUND') : forbidden(res)),
    },
  ],
  myEndpoints: [
    {
      kind: 'member',
      query: 'query ($companyId: ID!) { myEndpoints(companyId: $companyId) { access } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  myCredentials: [
    {
      kind: 'member',
      query: 'query ($companyId: ID!) { myCredentials(companyId: $companyId) { id } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  company: [
    {
      kind: 'member',
      query: 'query ($id: ID!) { company(id: $id) { id name } }',
      vars: ({ c }, x) => ({ id: co(x, c) }),
    },
  ],
  endpoints: [
    {
      kind: 'admin',
      query: 'query ($companyId: ID!) { endpoints(companyId: $companyId) { id } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  endpoint: [
    {
      kind: 'admin',
      query: 'query ($id: ID!) { endpoint(id: $id) { id baseUrl } }',
      vars: ({ c }, x) => ({ id: ep(x, c) }),
    },
  ],
  roleAccess: [
    {
      kind: 'admin',
      query:
        'query ($roleId: ID!, $companyId: ID!) { roleAccess(roleId: $roleId, companyId: $companyId) { access endpoint { id } } }',
      vars: ({ c }, x) => ({ roleId: x.ids.role.ceo, companyId: co(x, c) }),
    },
  ],
  previewTools: [
    {
      kind: 'admin',
      query:
        'query ($roleId: ID!, $companyId: ID!) { previewTools(roleId: $roleId, companyId: $companyId) { name endpoint { id } } }',
      vars: ({ c }, x) => ({ roleId: x.ids.role.ceo, companyId: co(x, c) }),
    },
  ],
  previewReadOperation: [
    {
      kind: 'admin',
      query:
        'query ($roleId: ID!, $companyId: ID!, $endpointId: ID!) { previewReadOperation(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, operation: "getHeadcount") { status } }',
      vars: ({ c }, x) => ({ roleId: x.ids.role.ceo, companyId: co(x, c), endpointId: ep(x, c) }),
    },
  ],
  userAccess: [
    {
      kind: 'admin',
      query:
        'query ($userId: ID!, $companyId: ID!) { userAccess(userId: $userId, companyId: $companyId) { access endpoint { id } viaRoles { key } } }',
      vars: ({ c }, x) => ({ userId: x.ids.user.ceo, companyId: co(x, c) }),
    },
    {
      variant: 'own company id, a person of the other company only',
      kind: 'admin',
      adminOnly: true,
      query:
        'query ($userId: ID!, $companyId: ID!) { userAccess(userId: $userId, companyId: $companyId) { access endpoint { id } viaRoles { key } } }',
      vars: ({ c, own }, x) => ({ userId: onlyIn(x, c).userId, companyId: co(x, own) }),
    },
  ],
  readOperation: [
    {
      kind: 'member',
      query:
        'query ($companyId: ID!, $endpointId: ID!) { readOperation(companyId: $companyId, endpointId: $endpointId, operation: "getHeadcount") { status } }',
      vars: ({ c }, x) => ({ companyId: co(x, c), endpointId: ep(x, c) }),
    },
    {
      variant: "own company id, the other company's endpoint",
      kind: 'member',
      query:
        'query ($companyId: ID!, $endpointId: ID!) { readOperation(companyId: $companyId, endpointId: $endpointId, operation: "getHeadcount") { status } }',
      vars: ({ c, own }, x) => ({ companyId: co(x, own), endpointId: ep(x, c) }),
    },
  ],
  dashboard: [
    {
      kind: 'member',
      query: 'query ($companyId: ID!) { dashboard(companyId: $companyId) { widgets { id value error } } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  writeOperation: [
    {
      kind: 'member',
      query:
        'mutation ($companyId: ID!, $endpointId: ID!) { writeOperation(companyId: $companyId, endpointId: $endpointId, operation: "createPosition", body: { title: "Spy", department: "Ops" }) { status } }',
      vars: ({ c }, x) => ({ companyId: co(x, c), endpointId: ep(x, c) }),
    },
    {
      variant: "own company id, the other company's endpoint",
      kind: 'member',
      query:
        'mutation ($companyId: ID!, $endpointId: ID!) { writeOperation(companyId: $companyId, endpointId: $endpointId, operation: "createPosition", body: { title: "Spy", department: "Ops" }) { status } }',
      vars: ({ c, own }, x) => ({ companyId: co(x, own), endpointId: ep(x, c) }),
    },
  ],
  myPendingActions: [
    {
      kind: 'member',
      query: 'query ($companyId: ID!) { myPendingActions(companyId: $companyId) { id } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  chat: [
    {
      kind: 'member',
      query:
        'mutation ($companyId: ID!, $conversationId: ID) { chat(companyId: $companyId, message: "show me everything", conversationId: $conversationId) { message } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  confirmAction: [
    {
      kind: 'member',
      query: 'mutation ($id: ID!) { confirmAction(id: $id) { action { id } } }',
      vars: ({ c }, x) => ({ id: action(x, c) }),
    },
  ],
  rejectAction: [
    {
      kind: 'member',
      query: 'mutation ($id: ID!) { rejectAction(id: $id) { action { id } } }',
      vars: ({ c }, x) => ({ id: action(x, c) }),
    },
  ],
  credentials: [
    {
      kind: 'admin',
      query: 'query ($companyId: ID!) { credentials(companyId: $companyId) { id hint } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  oauthApps: [
    {
      kind: 'admin',
      query: 'query ($companyId: ID!) { oauthApps(companyId: $companyId) { id hint } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  oauthProviderPresets: [
    {
      kind: 'global',
      query: '{ oauthProviderPresets { key } }',
      check: (res) => expect(res.data!.oauthProviderPresets.length).toBeGreaterThanOrEqual(10),
    },
  ],
  oauthRedirectUri: [
    {
      kind: 'global',
      query: '{ oauthRedirectUri }',
      check: (res, _p, x) => expect(res.data!.oauthRedirectUri).toBe(`${x.server.url}/oauth/callback`),
    },
  ],
  auditLogs: [
    {
      kind: 'admin',
      query:
        'query ($companyId: ID, $filter: AuditLogFilter) { auditLogs(companyId: $companyId, filter: $filter) { edges { node { id action } } } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
    { variant: 'every company', kind: 'global', query: '{ auditLogs { edges { node { id } } } }', check: forbidden },
  ],
  usageStats: [
    {
      kind: 'admin',
      query:
        'query ($companyId: ID, $from: DateTime!, $to: DateTime!, $groupBy: UsageGroupBy!) { usageStats(companyId: $companyId, from: $from, to: $to, groupBy: $groupBy) { totals { calls } } }',
      vars: ({ c }, x) => ({
        companyId: co(x, c),
        from: '2026-01-01T00:00:00Z',
        to: '2026-02-01T00:00:00Z',
        groupBy: 'ENDPOINT',
      }),
    },
    {
      variant: 'every company',
      kind: 'global',
      query:
        'query ($from: DateTime!, $to: DateTime!) { usageStats(from: $from, to: $to, groupBy: COMPANY) { totals { calls } } }',
      vars: () => ({ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }),
      check: forbidden,
    },
  ],
  // Mutations
  login: [
    {
      kind: 'global',
      writes: true,
      query:
        'mutation ($email: String!) { login(email: $email, password: "tessera-demo") { user { memberships { company { slug } } } } }',
      check: (res, p) => expect(slugsOf(res.data!.login.user.memberships)).toEqual([p.own]),
    },
  ],
  // Ends the caller's own session only (a fresh one here, so the persona's token stays valid).
  logout: [
    {
      kind: 'global',
      writes: true,
      query: 'mutation { logout }',
      run: async (p, x) => x.server.gql<Data>('mutation { logout }', {}, await x.server.login(p.email)),
      check: (res) => expect(res.data).toEqual({ logout: true }),
    },
  ],
  // Another person's sessions: platform administrators only, whatever company they are in.
  signOutEverywhere: [
    {
      kind: 'global',
      query: 'mutation ($userId: ID) { signOutEverywhere(userId: $userId) }',
      vars: ({ c }, x) => ({ userId: onlyIn(x, c).userId }),
      check: forbidden,
    },
  ],
  createCompany: [
    {
      kind: 'global',
      query: 'mutation { createCompany(input: { name: "Initech", slug: "initech" }) { id } }',
      check: forbidden,
    },
  ],
  deleteCompany: [
    {
      kind: 'global',
      query: 'mutation ($id: ID!) { deleteCompany(id: $id) }',
      vars: ({ c }, x) => ({ id: co(x, c) }),
      check: forbidden,
    },
  ],
  createUser: [
    {
      kind: 'global',
      query:
        'mutation { createUser(input: { email: "mallory@demo.test", name: "Mallory", password: "long-enough-password" }) { id } }',
      check: forbidden,
    },
  ],
  updateCompany: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { updateCompany(id: $id, input: { name: "Hijacked" }) { id } }',
      vars: ({ c }, x) => ({ id: co(x, c) }),
    },
  ],
  grantCompanyAccess: [
    {
      kind: 'admin',
      query:
        'mutation ($userId: ID!, $companyId: ID!, $roleId: ID!) { grantCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId) { role { key } } }',
      vars: ({ c }, x) => ({ userId: x.ids.user.dev, companyId: co(x, c), roleId: x.ids.role.company_admin }),
    },
  ],
  revokeCompanyAccess: [
    {
      kind: 'admin',
      query:
        'mutation ($userId: ID!, $companyId: ID!, $roleId: ID!) { revokeCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId) }',
      vars: ({ c }, x) => ({ userId: x.ids.user.ceo, companyId: co(x, c), roleId: x.ids.role.ceo }),
    },
    {
      variant: "own company id, the other company's membership",
      kind: 'admin',
      adminOnly: true,
      query:
        'mutation ($userId: ID!, $companyId: ID!, $roleId: ID!) { revokeCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId) }',
      vars: ({ c, own }, x) => ({ ...onlyIn(x, c), companyId: co(x, own) }),
    },
  ],
  createEndpoint: [
    {
      kind: 'admin',
      query: 'mutation ($input: CreateEndpointInput!) { createEndpoint(input: $input) { id } }',
      vars: ({ c }, x) => ({
        input: {
          companyId: co(x, c),
          name: 'Sneaky API',
          slug: 'sneaky-api',
          baseUrl: 'https://example.com',
          operations: [{ key: 'x', method: 'GET', path: '/x' }],
        },
      }),
    },
  ],
  importOpenApi: [
    {
      kind: 'admin',
      query:
        'mutation ($companyId: ID!, $document: String!) { importOpenApi(companyId: $companyId, document: $document) { created } }',
      vars: ({ c }, x) => ({
        companyId: co(x, c),
        document: JSON.stringify({
          openapi: '3.1.0',
          info: { title: 'Sneaky Import', version: '1' },
          servers: [{ url: 'https://example.com' }],
          paths: { '/x': { get: { operationId: 'x' } } },
        }),
      }),
    },
  ],
  updateEndpoint: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { updateEndpoint(id: $id, input: { baseUrl: "https://evil.example" }) { id } }',
      vars: ({ c }, x) => ({ id: ep(x, c) }),
    },
  ],
  deleteEndpoint: [
    { kind: 'admin', query: 'mutation ($id: ID!) { deleteEndpoint(id: $id) }', vars: ({ c }, x) => ({ id: ep(x, c) }) },
  ],
  createOperation: [
    {
      kind: 'admin',
      query:
        'mutation ($endpointId: ID!) { createOperation(endpointId: $endpointId, input: { key: "sneaky", method: "DELETE", path: "/all" }) { id } }',
      vars: ({ c }, x) => ({ endpointId: ep(x, c) }),
    },
  ],
  updateOperation: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { updateOperation(id: $id, input: { path: "/hijacked" }) { id } }',
      vars: ({ c }, x) => ({ id: op(x, c) }),
    },
  ],
  deleteOperation: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { deleteOperation(id: $id) }',
      vars: ({ c }, x) => ({ id: op(x, c) }),
    },
  ],
  setEndpointAccess: [
    {
      kind: 'admin',
      query:
        'mutation ($roleId: ID!, $companyId: ID!, $endpointId: ID!) { setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: WRITE) { access } }',
      vars: ({ c }, x) => ({ roleId: x.ids.role.ceo, companyId: co(x, c), endpointId: ep(x, c) }),
    },
    {
      variant: "own company id, the other company's endpoint",
      kind: 'admin',
      adminOnly: true,
      query:
        'mutation ($roleId: ID!, $companyId: ID!, $endpointId: ID!) { setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: WRITE) { access } }',
      vars: ({ c, own }, x) => ({ roleId: x.ids.role.ceo, companyId: co(x, own), endpointId: ep(x, c) }),
    },
  ],
  fieldRules: [
    {
      kind: 'admin',
      query:
        'query ($companyId: ID!, $endpointId: ID) { fieldRules(companyId: $companyId, endpointId: $endpointId) { id paths } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
    {
      variant: "own company id, the other company's endpoint",
      kind: 'admin',
      adminOnly: true,
      query:
        'query ($companyId: ID!, $endpointId: ID!) { fieldRules(companyId: $companyId, endpointId: $endpointId) { id paths } }',
      vars: ({ c, own }, x) => ({ companyId: co(x, own), endpointId: ep(x, c) }),
    },
  ],
  setFieldRule: [
    {
      kind: 'admin',
      query: 'mutation ($input: SetFieldRuleInput!) { setFieldRule(input: $input) { id } }',
      vars: ({ c }, x) => ({
        input: { companyId: co(x, c), operationId: op(x, c), roleId: x.ids.role.ceo, mode: 'ALLOW', paths: ['total'] },
      }),
    },
    {
      variant: "own company id, the other company's operation",
      kind: 'admin',
      adminOnly: true,
      query: 'mutation ($input: SetFieldRuleInput!) { setFieldRule(input: $input) { id } }',
      vars: ({ c, own }, x) => ({
        input: {
          companyId: co(x, own),
          operationId: op(x, c),
          roleId: x.ids.role.ceo,
          mode: 'ALLOW',
          paths: ['total'],
        },
      }),
    },
  ],
  deleteFieldRule: [
    {
      kind: 'admin',
      query:
        'mutation ($operationId: ID!, $roleId: ID!, $companyId: ID!) { deleteFieldRule(operationId: $operationId, roleId: $roleId, companyId: $companyId) }',
      vars: ({ c }, x) => ({ operationId: op(x, c), roleId: x.ids.role.ceo, companyId: co(x, c) }),
    },
    {
      variant: "own company id, the other company's operation",
      kind: 'admin',
      adminOnly: true,
      query:
        'mutation ($operationId: ID!, $roleId: ID!, $companyId: ID!) { deleteFieldRule(operationId: $operationId, roleId: $roleId, companyId: $companyId) }',
      vars: ({ c, own }, x) => ({ operationId: op(x, c), roleId: x.ids.role.ceo, companyId: co(x, own) }),
    },
  ],
  dashboardWidgets: [
    {
      kind: 'admin',
      query: 'query ($companyId: ID!) { dashboardWidgets(companyId: $companyId) { id expression } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  previewDashboardWidget: [
    {
      kind: 'admin',
      query: 'query ($input: WidgetPreviewInput!) { previewDashboardWidget(input: $input) { answer result error } }',
      vars: ({ c }, x) => ({
        input: {
          companyId: co(x, c),
          roleId: x.ids.role.ceo,
          endpointId: ep(x, c),
          operationKey: 'getHeadcount',
          expression: '1',
        },
      }),
    },
  ],
  createDashboardWidget: [
    {
      kind: 'admin',
      query: 'mutation ($input: DashboardWidgetInput!) { createDashboardWidget(input: $input) { id } }',
      vars: ({ c }, x) => ({ input: widgetInput(x, c, co(x, c)) }),
    },
    {
      variant: "own company id, the other company's endpoint",
      kind: 'admin',
      adminOnly: true,
      query: 'mutation ($input: DashboardWidgetInput!) { createDashboardWidget(input: $input) { id } }',
      vars: ({ c, own }, x) => ({ input: widgetInput(x, c, co(x, own)) }),
    },
  ],
  updateDashboardWidget: [
    {
      kind: 'admin',
      query:
        'mutation ($id: ID!, $input: DashboardWidgetInput!) { updateDashboardWidget(id: $id, input: $input) { id } }',
      vars: ({ c }, x) => ({ id: widget(x, c), input: widgetInput(x, c, co(x, c)) }),
    },
    {
      variant: "own company id, the other company's widget",
      kind: 'admin',
      adminOnly: true,
      query:
        'mutation ($id: ID!, $input: DashboardWidgetInput!) { updateDashboardWidget(id: $id, input: $input) { id } }',
      vars: ({ c, own }, x) => ({ id: widget(x, c), input: widgetInput(x, own, co(x, own)) }),
    },
  ],
  deleteDashboardWidget: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!, $companyId: ID!) { deleteDashboardWidget(id: $id, companyId: $companyId) }',
      vars: ({ c }, x) => ({ id: widget(x, c), companyId: co(x, c) }),
    },
    {
      variant: "own company id, the other company's widget",
      kind: 'admin',
      adminOnly: true,
      query: 'mutation ($id: ID!, $companyId: ID!) { deleteDashboardWidget(id: $id, companyId: $companyId) }',
      vars: ({ c, own }, x) => ({ id: widget(x, c), companyId: co(x, own) }),
    },
  ],
  createCredential: [
    {
      kind: 'admin',
      query: 'mutation ($input: CreateCredentialInput!) { createCredential(input: $input) { id } }',
      vars: ({ c }, x) => ({
        input: {
          companyId: co(x, c),
          endpointId: ep(x, c),
          name: 'sneaky',
          kind: 'BEARER',
          secret: { token: 'sneaky-token-value' },
        },
      }),
    },
    {
      variant: "own company id, the other company's endpoint",
      kind: 'admin',
      adminOnly: true,
      query: 'mutation ($input: CreateCredentialInput!) { createCredential(input: $input) { id } }',
      vars: ({ c, own }, x) => ({
        input: {
          companyId: co(x, own),
          endpointId: ep(x, c),
          name: 'sneaky',
          kind: 'BEARER',
          secret: { token: 'sneaky-token-value' },
        },
      }),
    },
  ],
  updateCredential: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { updateCredential(id: $id, input: { name: "hijacked" }) { id } }',
      vars: ({ c }, x) => ({ id: cred(x, c) }),
    },
  ],
  rotateCredential: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { rotateCredential(id: $id, secret: { token: "attacker-token" }) { id } }',
      vars: ({ c }, x) => ({ id: cred(x, c) }),
    },
  ],
  confirmCredentialOrigin: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { confirmCredentialOrigin(id: $id, origin: "https://evil.example") { id } }',
      vars: ({ c }, x) => ({ id: cred(x, c) }),
    },
  ],
  createOAuthApp: [
    {
      kind: 'admin',
      query: 'mutation ($input: CreateOAuthAppInput!) { createOAuthApp(input: $input) { id } }',
      vars: ({ c }, x) => ({
        input: { companyId: co(x, c), provider: 'github', clientId: 'sneaky', clientSecret: 'sneaky-secret' },
      }),
    },
  ],
  updateOAuthApp: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { updateOAuthApp(id: $id, input: { clientId: "sneaky" }) { id } }',
      vars: ({ c }, x) => ({ id: oauthApp(x, c) }),
    },
  ],
  deleteOAuthApp: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { deleteOAuthApp(id: $id) }',
      vars: ({ c }, x) => ({ id: oauthApp(x, c) }),
    },
  ],
  startOAuthConnect: [
    {
      kind: 'admin',
      query: 'mutation ($input: StartOAuthConnectInput!) { startOAuthConnect(input: $input) { authorizationUrl } }',
      vars: ({ c }, x) => ({
        input: { companyId: co(x, c), endpointId: ep(x, c), appId: oauthApp(x, c), returnTo: '/admin' },
      }),
    },
    {
      variant: "own company id, the other company's endpoint and app",
      kind: 'admin',
      adminOnly: true,
      query: 'mutation ($input: StartOAuthConnectInput!) { startOAuthConnect(input: $input) { authorizationUrl } }',
      vars: ({ c, own }, x) => ({
        input: { companyId: co(x, own), endpointId: ep(x, c), appId: oauthApp(x, c), returnTo: '/admin' },
      }),
    },
  ],
  deleteCredential: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { deleteCredential(id: $id) }',
      vars: ({ c }, x) => ({ id: cred(x, c) }),
    },
  ],
  testCredential: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { testCredential(id: $id) { ok } }',
      vars: ({ c }, x) => ({ id: cred(x, c) }),
    },
  ],
  webhookSubscriptions: [
    {
      kind: 'admin',
      query: 'query ($companyId: ID!) { webhookSubscriptions(companyId: $companyId) { id url } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  webhookDeliveries: [
    {
      kind: 'admin',
      query:
        'query ($subscriptionId: ID!) { webhookDeliveries(subscriptionId: $subscriptionId, first: 5) { id payload } }',
      vars: ({ c }, x) => ({ subscriptionId: hook(x, c) }),
    },
  ],
  createWebhookSubscription: [
    {
      kind: 'admin',
      query:
        'mutation ($companyId: ID!) { createWebhookSubscription(companyId: $companyId, url: "https://example.com/hook", events: ["permission.changed"]) { secret } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  deleteWebhookSubscription: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { deleteWebhookSubscription(id: $id) }',
      vars: ({ c }, x) => ({ id: hook(x, c) }),
    },
  ],
  accessTokens: [
    {
      kind: 'member',
      query: 'query ($companyId: ID) { accessTokens(companyId: $companyId) { id } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  createAccessToken: [
    {
      kind: 'member',
      query: 'mutation ($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { token } }',
      vars: ({ c }, x) => ({ input: { companyId: co(x, c), name: 'sneaky' } }),
    },
  ],
  revokeAccessToken: [
    {
      kind: 'member',
      query: 'mutation ($id: ID!) { revokeAccessToken(id: $id) { id } }',
      vars: ({ c }, x) => ({ id: accessToken(x, c) }),
    },
  ],
  invitations: [
    {
      kind: 'admin',
      query: 'query ($companyId: ID!) { invitations(companyId: $companyId) { id email } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  inviteToCompany: [
    {
      kind: 'admin',
      query: 'mutation ($input: InviteInput!) { inviteToCompany(input: $input) { acceptUrl } }',
      vars: ({ c }, x) => ({
        input: { companyId: co(x, c), email: 'sneaky@example.test', roleIds: [x.ids.role.developer] },
      }),
    },
  ],
  resendInvitation: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { resendInvitation(id: $id) { acceptUrl } }',
      vars: ({ c }, x) => ({ id: invitation(x, c) }),
    },
  ],
  revokeInvitation: [
    {
      kind: 'admin',
      query: 'mutation ($id: ID!) { revokeInvitation(id: $id) { id } }',
      vars: ({ c }, x) => ({ id: invitation(x, c) }),
    },
  ],
  // By link, for anyone: the link is the credential (invitation.test.ts covers real ones).
  invitation: [
    {
      kind: 'global',
      query: 'query ($token: String!) { invitation(token: $token) { email } }',
      vars: () => ({ token: UNKNOWN_INVITATION }),
      check: unknownInvitation,
    },
  ],
  acceptInvitation: [
    {
      kind: 'global',
      query: 'mutation ($token: String!) { acceptInvitation(token: $token) { token } }',
      vars: () => ({ token: UNKNOWN_INVITATION }),
      check: unknownInvitation,
    },
  ],
  declineInvitation: [
    {
      kind: 'global',
      query: 'mutation ($token: String!) { declineInvitation(token: $token) }',
      vars: () => ({ token: UNKNOWN_INVITATION }),
      check: unknownInvitation,
    },
  ],
  rotateInboundWebhookSecret: [
    {
      kind: 'admin',
      query: 'mutation ($endpointId: ID!) { rotateInboundWebhookSecret(endpointId: $endpointId) { secret path } }',
      vars: ({ c }, x) => ({ endpointId: ep(x, c) }),
    },
  ],
  identityProvider: [
    {
      kind: 'admin',
      query: 'query ($companyId: ID!) { identityProvider(companyId: $companyId) { issuerUrl } }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  signInMethod: [
    {
      kind: 'global',
      query: 'query ($email: String!) { signInMethod(email: $email) { method startUrl } }',
      vars: () => ({ email: 'ceo@demo.test' }),
      check: (res) => expect(res.data!.signInMethod).toEqual({ method: 'PASSWORD', startUrl: null }),
    },
  ],
  configureIdentityProvider: [
    {
      kind: 'admin',
      query:
        'mutation ($companyId: ID!, $input: IdentityProviderInput!) { configureIdentityProvider(companyId: $companyId, input: $input) { issuerUrl } }',
      vars: ({ c }, x) => ({
        companyId: co(x, c),
        input: {
          issuerUrl: 'https://idp.example.com',
          clientId: 'sneaky',
          clientSecret: 'sneaky-secret',
          allowedDomains: ['sneaky.example'],
          passwordSignInAllowed: true,
          justInTimeProvisioning: true,
          groupsClaim: 'groups',
          groupsOnly: false,
        },
      }),
    },
  ],
  startIdentityProviderTest: [
    {
      kind: 'admin',
      query: 'mutation ($companyId: ID!) { startIdentityProviderTest(companyId: $companyId) }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  deleteIdentityProvider: [
    {
      kind: 'admin',
      query: 'mutation ($companyId: ID!) { deleteIdentityProvider(companyId: $companyId) }',
      vars: ({ c }, x) => ({ companyId: co(x, c) }),
    },
  ],
  setIdentityProviderGroupMappings: [
    {
      kind: 'admin',
      query:
        'mutation ($companyId: ID!, $mappings: [GroupMappingInput!]!) { setIdentityProviderGroupMappings(companyId: $companyId, mappings: $mappings) { group } }',
      vars: ({ c }, x) => ({ companyId: co(x, c), mappings: [{ group: 'sneaky', roleId: x.ids.role.ceo }] }),
    },
  ],
};

const CALLERS: Persona[] = [
  { email: PERSONAS.companyAdmin, own: 'globex', other: 'acme', admin: true },
  { email: 'acmeadmin@demo.test', own: 'acme', other: 'globex', admin: true },
  { email: PERSONAS.cfo, own: 'acme', other: 'globex', admin: false },
];

const entries = Object.entries(TABLE).flatMap(([field, rows]) =>
  rows.map((row) => ({ field, row, label: row.variant ? `${field} (${row.variant})` : field })),
);
const crossCases = (writes: boolean) =>
  entries
    .filter(({ row }) => !!row.writes === writes)
    .flatMap((e) =>
      CALLERS.filter((p) => p.admin || !e.row.adminOnly).map((p) => ({ ...e, p, name: `${e.label} as ${p.email}` })),
    );

const call = (x: Ctx, row: Row, t: Target, token: string | null | undefined) =>
  x.server.gql<Data>(row.query, row.vars?.(t, x) ?? {}, token);

async function expectCrossCompany(x: Ctx, { row, p }: { row: Row; p: Persona }) {
  const res = await call(x, row, { c: p.other, own: p.own }, x.tokens[p.email]!);
  if (row.check) return row.check(res, p, x);
  expect(errorCode(res)).toBe('NOT_FOUND');
  expect(res.data ?? null).toBeNull();
}

/** Makes the rows the table's ids point at, an administrator of Acme, and the callers' sessions. */
async function setUp(server: TestServer, world: WorldIds): Promise<Ctx> {
  // A copy: acmeadmin joins the file's ids without changing the fixture's world.
  const ids: WorldIds = { ...world, user: { ...world.user } };
  const made: Made = {
    credential: { acme: '', globex: '' },
    widget: { acme: '', globex: '' },
    action: { acme: '', globex: '' },
    hook: { acme: '', globex: '' },
    oauthApp: { acme: '', globex: '' },
    accessToken: { acme: '', globex: '' },
    invitation: { acme: '', globex: '' },
  };
  for (const c of ['acme', 'globex'] as const) {
    made.widget[c] = (
      await server.db.dashboardWidget.findFirstOrThrow({
        where: { companyId: co({ ids }, c), endpointId: ep({ ids }, c), key: 'headcount' },
      })
    ).id;
    made.credential[c] = (
      await server.db.apiCredential.findFirstOrThrow({ where: { companyId: ids.company[c] }, orderBy: { name: 'asc' } })
    ).id;
    const operationId = ids.operation[`${c}/hr-api/createPosition`]!;
    const pending = await server.db.pendingAction.create({
      data: {
        userId: ids.user.ceo!,
        companyId: ids.company[c]!,
        endpointId: ep({ ids }, c)!,
        operationId,
        args: { params: {}, body: { title: 'x', department: 'y' } },
        argsHash: 'test',
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    made.action[c] = pending.id;
    const hookId = randomUUID();
    const companyId = ids.company[c]!;
    await server.db.webhookSubscription.create({
      data: {
        id: hookId,
        companyId,
        url: 'https://example.com/hook',
        events: ['permission.changed'],
        ...server.tessera.vault.sealWebhookSecret(
          { id: hookId, companyId },
          'whsec_dGVzdC1zZWNyZXQtZm9yLWlzb2xhdGlvbg==',
        ),
      },
    });
    made.hook[c] = hookId;
    const appId = randomUUID();
    await server.db.oAuthApp.create({
      data: {
        id: appId,
        companyId,
        name: 'isolation app',
        provider: 'custom',
        authorizationUrl: 'https://auth.example/authorize',
        tokenUrl: 'https://auth.example/token',
        clientId: 'isolation',
        ...server.tessera.vault.sealWebhookSecret({ id: appId, companyId }, 'isolation-client-secret'),
      },
    });
    made.oauthApp[c] = appId;
    made.accessToken[c] = (
      await server.db.accessToken.create({
        data: {
          userId: ids.user.ceo!,
          companyId,
          name: 'ceo token',
          prefix: 'tsr_pat_test',
          tokenHash: `isolation-${c}`,
          expiresAt: new Date(Date.now() + 600_000),
        },
      })
    ).id;
    made.invitation[c] = (
      await server.db.invitation.create({
        data: {
          companyId,
          email: `invited-${c}@example.test`,
          openEmail: `invited-${c}@example.test`,
          tokenHash: `isolation-${c}`,
          expiresAt: new Date(Date.now() + 600_000),
          roles: { create: [{ roleId: ids.role.developer! }] },
        },
      })
    ).id;
  }
  const admin = await server.login(PERSONAS.admin);
  // An administrator of Acme, the mirror image of companyadmin@ at Globex.
  const created = await server.gql<{ createUser: { id: string } }>(
    'mutation { createUser(input: { email: "acmeadmin@demo.test", name: "Acme Admin", password: "tessera-demo" }) { id } }',
    {},
    admin,
  );
  const userId = created.data!.createUser.id;
  await server.gql(
    'mutation ($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { role { key } } }',
    { u: userId, c: ids.company.acme, r: ids.role.company_admin },
    admin,
  );
  ids.user.acmeadmin = userId;
  const tokens: Record<string, string> = { [PERSONAS.admin]: admin };
  for (const email of [PERSONAS.companyAdmin, 'acmeadmin@demo.test', PERSONAS.cfo, PERSONAS.dev])
    tokens[email] = await server.login(email);
  return { server, ids, made, tokens, before: await snapshot(server.db) };
}

const it = serverTest.extend('iso', { scope: 'file' }, ({ server, world }) => setUp(server, world));
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ iso }) => {
  void [iso];
});

describe('the table covers the schema', () => {
  it('has a row for every Query and Mutation field, and each row calls its field', async () => {
    const schema = await buildBareSchema();
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ];
    expect(Object.keys(TABLE).sort()).toEqual(fields.sort());
    for (const { field, row } of entries) {
      const operation = parse(row.query).definitions[0] as OperationDefinitionNode;
      expect(operation.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : s.kind))).toEqual([
        field,
      ]);
      // The id table below sets variables by argument name: a variable must be named after its argument.
      const selection = operation.selectionSet.selections[0]!;
      if (selection.kind === 'Field') {
        for (const arg of selection.arguments ?? []) {
          if (arg.value.kind === 'Variable')
            expect(arg.value.name.value, `${field}(${arg.name.value})`).toBe(arg.name.value);
        }
      }
    }
  });
});

describe("another company's ids answer NOT_FOUND; operations not scoped to a company answer as their row says", () => {
  it.for(crossCases(false))('$name', (e, { iso }) => expectCrossCompany(iso, e));
});

describe('a member without admin rights gets FORBIDDEN in their own company', () => {
  const platformOnly = new Set([
    'companies',
    'roles',
    'users',
    'createCompany',
    'deleteCompany',
    'createUser',
    'signOutEverywhere',
  ]);
  const cases = entries.filter(({ field, row }) => row.kind === 'admin' || platformOnly.has(field));
  it.for(cases)('$label as dev@demo.test', async ({ row }, { iso }) => {
    forbidden(await call(iso, row, { c: 'acme', own: 'acme' }, iso.tokens[PERSONAS.dev]!));
  });
});

/** Operations anyone may call before signing in. */
const PUBLIC_OPERATIONS = new Set([
  'login',
  'demoLogins',
  'invitation',
  'acceptInvitation',
  'declineInvitation',
  'signInMethod',
]);

describe('without a token every operation but the public ones answers UNAUTHENTICATED', () => {
  it.for(entries.filter(({ field }) => !PUBLIC_OPERATIONS.has(field)))('$label', async ({ row }, { iso }) => {
    const res = await call(iso, row, { c: 'globex', own: 'acme' }, null);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });
});

describe('nonexistent and malformed ids answer NOT_FOUND, never INTERNAL_SERVER_ERROR', () => {
  /** Paths of the ID arguments of a field, including ID fields of input objects. */
  function idPaths(args: readonly GraphQLArgument[]): string[][] {
    return args.flatMap((a) => {
      const type = getNamedType(a.type);
      if (type.name === 'ID') return [[a.name]];
      if (isInputObjectType(type))
        return Object.values(type.getFields())
          .filter((f) => getNamedType(f.type).name === 'ID')
          .map((f) => [a.name, f.name]);
      return [];
    });
  }
  function withValue(
    vars: Record<string, unknown> | undefined,
    path: string[],
    value: string,
  ): Record<string, unknown> {
    const [head, ...rest] = path as [string, ...string[]];
    const inner = vars?.[head];
    // A list of input objects (group mappings): the id goes in each.
    const replaced = !rest.length
      ? value
      : Array.isArray(inner)
        ? inner.map((item: Record<string, unknown>) => withValue(item, rest, value))
        : withValue(inner as Record<string, unknown> | undefined, rest, value);
    return { ...vars, [head]: replaced };
  }
  const cases: { name: string; field: string; path: string[]; value: string; email: string }[] = [];
  beforeAll(async () => {
    const schema = await buildBareSchema();
    const rootFields = { ...schema.getQueryType()!.getFields(), ...schema.getMutationType()!.getFields() };
    for (const [field, def] of Object.entries(rootFields)) {
      const row = TABLE[field]![0]!;
      for (const path of idPaths(def.args)) {
        for (const value of ['00000000-0000-4000-8000-000000000000', 'abc']) {
          for (const email of row.kind === 'global' ? [PERSONAS.admin] : [PERSONAS.admin, PERSONAS.companyAdmin]) {
            cases.push({ name: `${field}(${path.join('.')}: ${value}) as ${email}`, field, path, value, email });
          }
        }
      }
    }
  });

  it('covers every ID argument', () => expect(cases.length).toBeGreaterThan(40));

  it('answers NOT_FOUND for each', async ({ iso }) => {
    const failures: string[] = [];
    for (const { name, field, path, value, email } of cases) {
      const row = TABLE[field]![0]!;
      const res = await iso.server.gql(
        row.query,
        withValue(row.vars!({ c: 'globex', own: 'globex' }, iso), path, value),
        iso.tokens[email],
      );
      const code = res.errors?.length === 1 ? res.errors[0]!.extensions?.code : JSON.stringify(res.errors ?? res.data);
      if (code !== 'NOT_FOUND') failures.push(`${name}: ${code}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('nothing changed', () => {
  it('every row of every table, audit rows and call log included, is as before', async ({ server, iso }) => {
    await server.tessera.callLog.flush();
    expect(await snapshot(server.db)).toEqual(iso.before);
  });

  it('no request reached any company API', ({ server }) => {
    expect(server.sandbox.stats.requests.total).toBe(0);
    expect(server.sandbox.stats.tokenRequests.total).toBe(0);
  });
});

describe("signing in shows only the companies one belongs to; signing out ends only one's own session", () => {
  it.for(crossCases(true))('$name', async ({ row, p }, { server, iso }) => {
    const res = row.run ? await row.run(p, iso) : await server.gql<Data>(row.query, { email: p.email }, null);
    expect(res.errors).toBeUndefined();
    await row.check!(res, p, iso);
  });
});
