// Every Mutation of the schema, called for real over HTTP, leaves exactly the audit rows listed
// here (action, actor, company, request id), and every row lands in its company's hash chain.
// A Mutation added to the schema without a row here fails the first test.
import { describe, expect } from 'vitest';
import { PERSONAS, assistantTest, fakeModelEnv } from '../../../test/fixture.ts';
import type { FakeOpenAI } from '../../../test/fake-openai.ts';
import type { GqlResponse, TestServer } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';
import { buildBareSchema } from '../../graphql/schema.ts';
import { verifyAuditChains } from './audit-chain.ts';

/** What a step's closures read: the file's server, the demo world's ids and the fake model. */
interface Ctx {
  server: TestServer;
  world: WorldIds;
  fake: FakeOpenAI;
}

interface Step {
  field: string;
  variant?: string;
  as: string | null;
  query: string;
  vars?: (ctx: Ctx) => Record<string, unknown>;
  before?: (ctx: Ctx) => void;
  /** The actions of the new rows, in order. */
  expected: string[];
  /** The company of every new row (null: the platform chain). */
  company: (ctx: Ctx) => string | null;
  /** What the last new row's details must hold. */
  details?: Record<string, unknown>;
  /** The error code the call answers with (default: none). */
  fails?: string;
  /** Who the rows name as actor (default: the caller). */
  actor?: string;
  after?: (res: GqlResponse<Created>) => void;
}

type Id = { id: string };
/** What the steps' `after` read: the ids of what a step made. */
interface Created {
  createCompany: Id;
  createUser: Id;
  createEndpoint: Id;
  createOperation: Id;
  createCredential: Id;
  createWebhookSubscription: { subscription: Id };
  chat: { pendingActions: Id[] };
  createAccessToken: { accessToken: Id };
  createDashboardWidget: Id;
  createOAuthApp: Id;
  inviteToCompany: { acceptUrl: string | null; invitation: Id };
  resendInvitation: { acceptUrl: string | null };
}

const made: Record<string, string> = {};

const acme = ({ world }: { world: WorldIds }) => world.company.acme!;
const proposeWrite =
  (name: string) =>
  ({ fake }: Ctx) => {
    fake.queue(
      {
        toolCalls: [
          { name: 'sales-api__createOpportunity', arguments: { name, accountId: made.account, amount: 100 } },
        ],
      },
      { content: 'Proposed.' },
    );
  };
const CHAT = 'mutation ($c: ID!, $m: String!) { chat(companyId: $c, message: $m) { pendingActions { id } } }';

const STEPS: Step[] = [
  {
    field: 'login',
    as: null,
    query: `mutation { login(email: "${PERSONAS.admin}", password: "tessera-demo") { token } }`,
    expected: ['auth.login'],
    company: () => null,
    actor: PERSONAS.admin,
  },
  {
    field: 'login',
    variant: 'wrong password',
    as: null,
    query: `mutation { login(email: "${PERSONAS.admin}", password: "not-it") { token } }`,
    expected: ['auth.login_failed'],
    fails: 'UNAUTHENTICATED',
    company: () => null,
    actor: PERSONAS.admin,
  },
  {
    field: 'login',
    variant: 'unknown user',
    as: null,
    query: 'mutation { login(email: "nobody@demo.test", password: "not-it") { token } }',
    expected: ['auth.login_failed'],
    fails: 'UNAUTHENTICATED',
    company: () => null,
    actor: 'nobody@demo.test',
  },
  {
    field: 'createCompany',
    as: PERSONAS.admin,
    query: 'mutation { createCompany(input: { name: "Audited", slug: "audited" }) { id } }',
    expected: ['company.create'],
    company: () => made.company!,
    after: (res) => {
      made.company = res.data!.createCompany.id;
    },
  },
  {
    field: 'updateCompany',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { updateCompany(id: $id, input: { name: "Audited Inc" }) { id } }',
    vars: () => ({ id: made.company }),
    expected: ['company.update'],
    company: () => made.company!,
  },
  {
    field: 'createUser',
    as: PERSONAS.admin,
    query:
      'mutation { createUser(input: { email: "audited@demo.test", name: "Audited", password: "tessera-demo" }) { id } }',
    expected: ['user.create'],
    company: () => null,
    after: (res) => {
      made.user = res.data!.createUser.id;
    },
  },
  {
    field: 'grantCompanyAccess',
    as: PERSONAS.admin,
    query:
      'mutation ($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { role { key } } }',
    vars: (ctx) => ({ u: made.user, c: acme(ctx), r: ctx.world.role.cfo }),
    expected: ['membership.grant'],
    company: acme,
  },
  {
    field: 'revokeCompanyAccess',
    as: PERSONAS.admin,
    query: 'mutation ($u: ID!, $c: ID!, $r: ID!) { revokeCompanyAccess(userId: $u, companyId: $c, roleId: $r) }',
    vars: (ctx) => ({ u: made.user, c: acme(ctx), r: ctx.world.role.cfo }),
    expected: ['membership.revoke'],
    company: acme,
  },
  {
    field: 'createEndpoint',
    as: PERSONAS.admin,
    query:
      'mutation ($c: ID!, $url: String!) { createEndpoint(input: { companyId: $c, slug: "audited-api", name: "Audited API", baseUrl: $url }) { id } }',
    vars: (ctx) => ({ c: acme(ctx), url: `${ctx.server.sandbox.url}/acme/finance` }),
    expected: ['endpoint.create'],
    company: acme,
    after: (res) => {
      made.endpoint = res.data!.createEndpoint.id;
    },
  },
  {
    field: 'updateEndpoint',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { updateEndpoint(id: $id, input: { description: "Audited" }) { id } }',
    vars: () => ({ id: made.endpoint }),
    expected: ['endpoint.update'],
    company: acme,
  },
  {
    field: 'createOperation',
    as: PERSONAS.admin,
    query:
      'mutation ($e: ID!) { createOperation(endpointId: $e, input: { key: "getCashBalance", method: "GET", path: "/cash-balance" }) { id } }',
    vars: () => ({ e: made.endpoint }),
    expected: ['operation.create'],
    company: acme,
    after: (res) => {
      made.operation = res.data!.createOperation.id;
    },
  },
  {
    field: 'updateOperation',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { updateOperation(id: $id, input: { description: "Cash" }) { id } }',
    vars: () => ({ id: made.operation }),
    expected: ['operation.update'],
    company: acme,
  },
  {
    field: 'setFieldRule',
    as: PERSONAS.admin,
    query:
      'mutation ($o: ID!, $r: ID!, $c: ID!) { setFieldRule(input: { operationId: $o, roleId: $r, companyId: $c, mode: REMOVE, paths: ["accounts[].bank"] }) { id } }',
    vars: (ctx) => ({ o: made.operation, r: ctx.world.role.cfo, c: acme(ctx) }),
    expected: ['field_rule.set'],
    company: acme,
    details: { mode: 'REMOVE', paths: ['accounts[].bank'] },
  },
  {
    field: 'deleteFieldRule',
    as: PERSONAS.admin,
    query: 'mutation ($o: ID!, $r: ID!, $c: ID!) { deleteFieldRule(operationId: $o, roleId: $r, companyId: $c) }',
    vars: (ctx) => ({ o: made.operation, r: ctx.world.role.cfo, c: acme(ctx) }),
    expected: ['field_rule.delete'],
    company: acme,
    details: { paths: ['accounts[].bank'] },
  },
  {
    field: 'createDashboardWidget',
    as: PERSONAS.admin,
    query:
      'mutation ($e: ID!, $c: ID!) { createDashboardWidget(input: { companyId: $c, endpointId: $e, operationKey: "getCashBalance", key: "cash", title: "Cash", kind: STAT, expression: "$.total" }) { id } }',
    vars: (ctx) => ({ e: made.endpoint, c: acme(ctx) }),
    expected: ['dashboard_widget.create'],
    company: acme,
    details: { operation: 'getCashBalance', key: 'cash' },
    after: (res) => {
      made.widget = res.data!.createDashboardWidget.id;
    },
  },
  {
    field: 'updateDashboardWidget',
    as: PERSONAS.admin,
    query:
      'mutation ($id: ID!, $e: ID!, $c: ID!) { updateDashboardWidget(id: $id, input: { companyId: $c, endpointId: $e, operationKey: "getCashBalance", key: "cash", title: "Cash at hand", kind: STAT, expression: "$.total" }) { id } }',
    vars: (ctx) => ({ id: made.widget, e: made.endpoint, c: acme(ctx) }),
    expected: ['dashboard_widget.update'],
    company: acme,
    details: { title: 'Cash at hand' },
  },
  {
    field: 'deleteDashboardWidget',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!, $c: ID!) { deleteDashboardWidget(id: $id, companyId: $c) }',
    vars: (ctx) => ({ id: made.widget, c: acme(ctx) }),
    expected: ['dashboard_widget.delete'],
    company: acme,
  },
  {
    field: 'setEndpointAccess',
    as: PERSONAS.admin,
    query:
      'mutation ($r: ID!, $c: ID!, $e: ID!) { setEndpointAccess(roleId: $r, companyId: $c, endpointId: $e, access: READ) { access } }',
    vars: (ctx) => ({ r: ctx.world.role.cfo, c: acme(ctx), e: made.endpoint }),
    expected: ['permission.set'],
    company: acme,
  },
  {
    field: 'createCredential',
    as: PERSONAS.admin,
    query:
      'mutation ($c: ID!, $e: ID!) { createCredential(input: { companyId: $c, endpointId: $e, name: "audited key", kind: API_KEY, secret: { apiKey: "k-1" } }) { id } }',
    vars: (ctx) => ({ c: acme(ctx), e: made.endpoint }),
    expected: ['credential.create'],
    company: acme,
    after: (res) => {
      made.credential = res.data!.createCredential.id;
    },
  },
  {
    field: 'createOAuthApp',
    as: PERSONAS.admin,
    query:
      'mutation ($c: ID!) { createOAuthApp(input: { companyId: $c, provider: "gitlab", clientId: "cid", clientSecret: "audited-client-secret" }) { id } }',
    vars: (ctx) => ({ c: acme(ctx) }),
    expected: ['oauth_app.create'],
    company: acme,
    details: { provider: 'gitlab', name: 'GitLab' },
    after: (res) => {
      made.oauthApp = res.data!.createOAuthApp.id;
    },
  },
  {
    field: 'updateOAuthApp',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { updateOAuthApp(id: $id, input: { clientSecret: "another-client-secret" }) { id } }',
    vars: () => ({ id: made.oauthApp }),
    expected: ['oauth_app.rotate'],
    company: acme,
  },
  {
    field: 'startOAuthConnect',
    as: PERSONAS.admin,
    query:
      'mutation ($c: ID!, $e: ID!, $a: ID!) { startOAuthConnect(input: { companyId: $c, endpointId: $e, appId: $a, returnTo: "/admin/credentials" }) { authorizationUrl } }',
    vars: (ctx) => ({ c: acme(ctx), e: made.endpoint, a: made.oauthApp }),
    expected: ['oauth_connect.start'],
    company: acme,
  },
  {
    field: 'deleteOAuthApp',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { deleteOAuthApp(id: $id) }',
    vars: () => ({ id: made.oauthApp }),
    expected: ['oauth_app.delete'],
    company: acme,
  },
  {
    field: 'updateCredential',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { updateCredential(id: $id, input: { name: "audited key 2" }) { id } }',
    vars: () => ({ id: made.credential }),
    expected: ['credential.update'],
    company: acme,
  },
  {
    field: 'rotateCredential',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { rotateCredential(id: $id, secret: { apiKey: "k-2" }) { id } }',
    vars: () => ({ id: made.credential }),
    expected: ['credential.rotate'],
    company: acme,
  },
  {
    field: 'confirmCredentialOrigin',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!, $o: String!) { confirmCredentialOrigin(id: $id, origin: $o) { id } }',
    vars: (ctx) => ({ id: made.credential, o: new URL(ctx.server.sandbox.url).origin }),
    expected: ['credential.confirm_origin'],
    company: acme,
  },
  {
    field: 'testCredential',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { testCredential(id: $id) { ok } }',
    vars: () => ({ id: made.credential }),
    expected: ['credential.test'],
    company: acme,
  },
  {
    field: 'deleteCredential',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { deleteCredential(id: $id) }',
    vars: () => ({ id: made.credential }),
    expected: ['credential.delete'],
    company: acme,
  },
  {
    field: 'createWebhookSubscription',
    as: PERSONAS.admin,
    query:
      'mutation ($c: ID!, $url: String!) { createWebhookSubscription(companyId: $c, url: $url, events: ["permission.changed"]) { subscription { id } } }',
    vars: (ctx) => ({ c: acme(ctx), url: `${ctx.server.sandbox.url}/hooks` }),
    expected: ['webhook.create'],
    company: acme,
    after: (res) => {
      made.webhook = res.data!.createWebhookSubscription.subscription.id;
    },
  },
  {
    field: 'rotateInboundWebhookSecret',
    as: PERSONAS.admin,
    query: 'mutation ($e: ID!) { rotateInboundWebhookSecret(endpointId: $e) { path } }',
    vars: () => ({ e: made.endpoint }),
    expected: ['inbound_webhook.rotate'],
    company: acme,
    details: { replaced: false },
  },
  {
    field: 'configureIdentityProvider',
    as: PERSONAS.admin,
    query:
      'mutation ($c: ID!, $i: IdentityProviderInput!) { configureIdentityProvider(companyId: $c, input: $i) { hasClientSecret } }',
    vars: (ctx) => ({
      c: acme(ctx),
      i: {
        issuerUrl: 'https://idp.example.test',
        clientId: 'tessera',
        clientSecret: 'audit-coverage-secret',
        allowedDomains: ['audit.example.test'],
        passwordSignInAllowed: true,
        justInTimeProvisioning: false,
        groupsClaim: 'groups',
        groupsOnly: false,
      },
    }),
    expected: ['identity_provider.create'],
    company: acme,
    details: { clientSecret: 'set', allowedDomains: ['audit.example.test'] },
  },
  {
    field: 'setIdentityProviderGroupMappings',
    as: PERSONAS.admin,
    query:
      'mutation ($c: ID!, $m: [GroupMappingInput!]!) { setIdentityProviderGroupMappings(companyId: $c, mappings: $m) { group } }',
    vars: (ctx) => ({ c: acme(ctx), m: [{ group: 'engineers', roleId: ctx.world.role.developer }] }),
    expected: ['identity_provider.group_mappings'],
    company: acme,
  },
  {
    field: 'startIdentityProviderTest',
    as: PERSONAS.admin,
    query: 'mutation ($c: ID!) { startIdentityProviderTest(companyId: $c) }',
    vars: (ctx) => ({ c: acme(ctx) }),
    expected: ['identity_provider.test'],
    company: acme,
  },
  {
    field: 'deleteIdentityProvider',
    as: PERSONAS.admin,
    query: 'mutation ($c: ID!) { deleteIdentityProvider(companyId: $c) }',
    vars: (ctx) => ({ c: acme(ctx) }),
    expected: ['identity_provider.delete'],
    company: acme,
  },
  {
    field: 'deleteWebhookSubscription',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { deleteWebhookSubscription(id: $id) }',
    vars: () => ({ id: made.webhook }),
    expected: ['webhook.delete'],
    company: acme,
  },
  {
    field: 'deleteOperation',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { deleteOperation(id: $id) }',
    vars: () => ({ id: made.operation }),
    expected: ['operation.delete'],
    company: acme,
  },
  {
    field: 'deleteEndpoint',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { deleteEndpoint(id: $id) }',
    vars: () => ({ id: made.endpoint }),
    expected: ['endpoint.delete'],
    company: acme,
  },
  {
    field: 'deleteCompany',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { deleteCompany(id: $id) }',
    vars: () => ({ id: made.company }),
    expected: ['company.delete'],
    company: () => made.company!,
  },
  {
    field: 'writeOperation',
    as: PERSONAS.ceo,
    query:
      'mutation ($c: ID!, $e: ID!, $p: JSON) { writeOperation(companyId: $c, endpointId: $e, operation: "createOpportunity", params: $p) { status } }',
    vars: (ctx) => ({
      c: acme(ctx),
      e: ctx.world.endpoint['acme/sales-api'],
      p: { name: 'Audited deal', accountId: made.account, amount: 5 },
    }),
    expected: ['upstream.write'],
    company: acme,
    details: { operation: 'createOpportunity', method: 'POST', source: 'graphql', outcome: 'ok', status: 201 },
  },
  {
    field: 'writeOperation',
    variant: 'the upstream API refuses it',
    as: PERSONAS.ceo,
    query:
      'mutation ($c: ID!, $e: ID!) { writeOperation(companyId: $c, endpointId: $e, operation: "updateOpportunity", params: { id: "no-such-id", stage: "Won" }) { status } }',
    vars: (ctx) => ({ c: acme(ctx), e: ctx.world.endpoint['acme/sales-api'] }),
    expected: ['upstream.write'],
    fails: 'UPSTREAM_ERROR',
    company: acme,
    details: { operation: 'updateOpportunity', method: 'PATCH', outcome: 'upstream_error', status: 404 },
  },
  {
    // Taken upstream, but the answer is refused (too large): still audited, the write happened.
    field: 'writeOperation',
    variant: 'the answer is too large',
    as: PERSONAS.ceo,
    query:
      'mutation ($c: ID!, $e: ID!, $p: JSON) { writeOperation(companyId: $c, endpointId: $e, operation: "createOpportunity", params: $p) { status } }',
    vars: (ctx) => ({
      c: acme(ctx),
      e: ctx.world.endpoint['acme/sales-api'],
      p: { name: 'Huge deal', accountId: made.account, amount: 6 },
    }),
    expected: ['upstream.write'],
    fails: 'UPSTREAM_ERROR',
    company: acme,
    before: (ctx) =>
      ctx.server.sandbox.knobs.hugeResponseNext(1, 6 * 1024 * 1024, { company: 'acme', service: 'salesforce' }),
    details: { operation: 'createOpportunity', outcome: 'UPSTREAM_ERROR', status: null },
  },
  {
    field: 'chat',
    variant: 'proposes a write',
    as: PERSONAS.ceo,
    query: CHAT,
    vars: (ctx) => ({ c: acme(ctx), m: 'Create a deal' }),
    before: proposeWrite('Confirmed deal'),
    expected: ['assistant.action_proposed'],
    company: acme,
    after: (res) => {
      made.confirmable = res.data!.chat.pendingActions[0]!.id;
    },
  },
  {
    field: 'confirmAction',
    as: PERSONAS.ceo,
    query: 'mutation ($id: ID!) { confirmAction(id: $id) { result { status } } }',
    vars: () => ({ id: made.confirmable }),
    expected: ['assistant.action_confirmed', 'upstream.write', 'assistant.action_executed'],
    company: acme,
  },
  {
    field: 'chat',
    variant: 'proposes another',
    as: PERSONAS.ceo,
    query: CHAT,
    vars: (ctx) => ({ c: acme(ctx), m: 'Create a deal' }),
    before: proposeWrite('Rejected deal'),
    expected: ['assistant.action_proposed'],
    company: acme,
    after: (res) => {
      made.rejectable = res.data!.chat.pendingActions[0]!.id;
    },
  },
  {
    field: 'createAccessToken',
    as: PERSONAS.ceo,
    query:
      'mutation ($c: ID!) { createAccessToken(input: { companyId: $c, name: "audited token", readOnly: true, expiresInDays: 7 }) { token accessToken { id } } }',
    vars: (ctx) => ({ c: acme(ctx) }),
    expected: ['access_token.create'],
    company: acme,
    details: { name: 'audited token', readOnly: true },
    after: (res) => {
      made.accessToken = res.data!.createAccessToken.accessToken.id;
    },
  },
  {
    field: 'revokeAccessToken',
    as: PERSONAS.ceo,
    query: 'mutation ($id: ID!) { revokeAccessToken(id: $id) { status } }',
    vars: () => ({ id: made.accessToken }),
    expected: ['access_token.revoke'],
    company: acme,
  },
  {
    field: 'inviteToCompany',
    as: PERSONAS.admin,
    query:
      'mutation ($c: ID!, $r: ID!) { inviteToCompany(input: { companyId: $c, email: "Invited@demo.test", roleIds: [$r] }) { acceptUrl invitation { id } } }',
    vars: (ctx) => ({ c: acme(ctx), r: ctx.world.role.cfo }),
    expected: ['invitation.create'],
    company: acme,
    details: { email: 'invited@demo.test', roleKeys: ['cfo'] },
    after: (res) => {
      made.invitation = res.data!.inviteToCompany.invitation.id;
      made.invitationLink = res.data!.inviteToCompany.acceptUrl!.split('/').at(-1)!;
    },
  },
  {
    field: 'resendInvitation',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { resendInvitation(id: $id) { acceptUrl } }',
    vars: () => ({ id: made.invitation }),
    expected: ['invitation.resend'],
    company: acme,
    after: (res) => {
      made.invitationLink = res.data!.resendInvitation.acceptUrl!.split('/').at(-1)!;
    },
  },
  {
    field: 'acceptInvitation',
    as: null,
    query:
      'mutation ($t: String!) { acceptInvitation(token: $t, name: "Invited", password: "tessera-demo-invited") { token } }',
    vars: () => ({ t: made.invitationLink }),
    expected: ['user.create', 'invitation.accept'],
    company: acme,
    actor: 'invited@demo.test',
    details: { email: 'invited@demo.test', roleKeys: ['cfo'] },
  },
  {
    field: 'inviteToCompany',
    variant: 'to decline',
    as: PERSONAS.admin,
    query:
      'mutation ($c: ID!, $r: ID!) { inviteToCompany(input: { companyId: $c, email: "declines@demo.test", roleIds: [$r] }) { acceptUrl } }',
    vars: (ctx) => ({ c: acme(ctx), r: ctx.world.role.cfo }),
    expected: ['invitation.create'],
    company: acme,
    after: (res) => {
      made.invitationLink = res.data!.inviteToCompany.acceptUrl!.split('/').at(-1)!;
    },
  },
  {
    field: 'declineInvitation',
    as: null,
    query: 'mutation ($t: String!) { declineInvitation(token: $t) }',
    vars: () => ({ t: made.invitationLink }),
    expected: ['invitation.decline'],
    company: acme,
  },
  {
    field: 'revokeInvitation',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { revokeInvitation(id: $id) { status } }',
    vars: () => ({ id: made.invitation }),
    expected: [],
    fails: 'CONFLICT',
    company: acme,
  },
  {
    field: 'inviteToCompany',
    variant: 'to revoke',
    as: PERSONAS.admin,
    query:
      'mutation ($c: ID!, $r: ID!) { inviteToCompany(input: { companyId: $c, email: "revoked@demo.test", roleIds: [$r] }) { invitation { id } } }',
    vars: (ctx) => ({ c: acme(ctx), r: ctx.world.role.cfo }),
    expected: ['invitation.create'],
    company: acme,
    after: (res) => {
      made.invitation = res.data!.inviteToCompany.invitation.id;
    },
  },
  {
    field: 'revokeInvitation',
    variant: 'pending',
    as: PERSONAS.admin,
    query: 'mutation ($id: ID!) { revokeInvitation(id: $id) { status } }',
    vars: () => ({ id: made.invitation }),
    expected: ['invitation.revoke'],
    company: acme,
    details: { email: 'revoked@demo.test' },
  },
  {
    field: 'importOpenApi',
    as: PERSONAS.admin,
    query: 'mutation ($c: ID!, $doc: String!) { importOpenApi(companyId: $c, document: $doc) { created } }',
    vars: (ctx) => ({
      c: acme(ctx),
      doc: JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Audited Import', version: '1' },
        servers: [{ url: 'https://import.example.test' }],
        paths: { '/things': { get: { operationId: 'listThings' } } },
      }),
    }),
    expected: ['endpoint.import'],
    company: acme,
    details: {
      slug: 'audited-import',
      created: true,
      operationsCreated: 1,
      operationsUpdated: 0,
      operationsUnchanged: 0,
      operationsRemoved: 0,
      warnings: 0,
    },
  },
  {
    field: 'rejectAction',
    as: PERSONAS.ceo,
    query: 'mutation ($id: ID!) { rejectAction(id: $id) { action { status } } }',
    vars: () => ({ id: made.rejectable }),
    expected: ['assistant.action_rejected'],
    company: acme,
  },
  // Last: these end the sessions the steps above use.
  {
    field: 'signOutEverywhere',
    variant: 'another person, by a platform admin',
    as: PERSONAS.admin,
    query: 'mutation ($u: ID) { signOutEverywhere(userId: $u) }',
    vars: () => ({ u: made.user }),
    expected: ['auth.sign_out_everywhere'],
    company: () => null,
    details: { own: false },
  },
  {
    field: 'logout',
    as: PERSONAS.ceo,
    query: 'mutation { logout }',
    expected: ['auth.logout'],
    company: () => null,
  },
  {
    field: 'signOutEverywhere',
    variant: 'own',
    as: PERSONAS.admin,
    query: 'mutation { signOutEverywhere }',
    expected: ['auth.sign_out_everywhere'],
    company: () => null,
    details: { own: true },
  },
];

// The admin's and the CEO's sessions, signed in once for the file, by email.
const it = assistantTest.extend('tokens', { scope: 'file' }, async ({ server }) => {
  const tokens: Record<string, string> = {};
  for (const email of [PERSONAS.admin, PERSONAS.ceo]) tokens[email] = await server.login(email);
  return tokens;
});
it.override('serverEnv', { scope: 'file' }, fakeModelEnv);

// An account of Acme's Sales API for the proposed deals.
it.beforeAll(async ({ server, world, tokens }) => {
  const accounts = await server.gql<{ readOperation: { data: { data: { id: string }[] } } }>(
    'query ($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: "listAccounts", params: { limit: 1 }) { data } }',
    { c: acme({ world }), e: world.endpoint['acme/sales-api'] },
    tokens[PERSONAS.ceo],
  );
  made.account = accounts.data!.readOperation.data.data[0]!.id;
}, 120_000);

describe('audit coverage', () => {
  it('lists every Mutation of the schema', async () => {
    const schema = await buildBareSchema();
    expect([...new Set(STEPS.map((s) => s.field))].sort()).toEqual(
      Object.keys(schema.getMutationType()!.getFields()).sort(),
    );
  });

  for (const step of STEPS) {
    it(`${step.field}${step.variant ? ` (${step.variant})` : ''} writes ${step.expected.join(', ')}`, async ({
      server,
      world,
      tokens,
      fake,
    }) => {
      const ctx: Ctx = { server, world, fake };
      const last = (await server.db.auditLog.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0n;
      step.before?.(ctx);
      const res = await server.gql<Created>(step.query, step.vars?.(ctx) ?? {}, step.as ? tokens[step.as] : null);
      if (step.fails) expect(res.errors?.[0]?.extensions?.code).toBe(step.fails);
      else expect(res.errors).toBeUndefined();
      step.after?.(res);
      const rows = await server.db.auditLog.findMany({ where: { id: { gt: last } }, orderBy: { id: 'asc' } });
      expect(rows.map((r) => r.action)).toEqual(step.expected);
      if (step.details) expect(rows.at(-1)!.details).toMatchObject(step.details);
      for (const row of rows) {
        expect(row).toMatchObject({
          companyId: step.company(ctx),
          chain: step.company(ctx) ?? 'platform',
          actorEmail: step.actor ?? step.as,
        });
        expect(row.requestId).toEqual(expect.any(String));
        expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      }
    });
  }

  it('leaves every chain intact, including the deleted company’s', async ({ server }) => {
    const reports = await verifyAuditChains(server.db);
    expect(reports.filter((r) => r.broken)).toEqual([]);
    expect(reports.find((r) => r.chain === made.company)?.rows).toBe(2 + 1); // create, update, delete
  });
});
