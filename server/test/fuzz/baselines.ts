// The valid-ish variables each mutation (and each query taking arguments) is fuzzed from, one
// value at a time, and who calls it.
// Admin mutations work on a company made for the fuzzer ("fuzz-target"), so a hostile value
// that is accepted (a unicode name is fine) changes nothing the other mutations rely on.
// `other`: slots that, given an id of a company the caller cannot see, must answer NOT_FOUND
// (or another contract code) and change nothing; such cases run as `otherAs`.
import type { WorldIds } from '../world.ts';

export type Persona = 'admin' | 'member' | 'companyAdmin' | 'anonymous';

/** Ids of the fuzzer's own company and the things in it (created by the test's setup). */
export interface FuzzIds {
  company: string;
  endpoint: string;
  /** The fuzzer endpoint's base URL: an update keeps its origin, so its credential stays usable (and raises no webhook event). */
  endpointBaseUrl: string;
  operation: string;
  credential: string;
  /** Pending actions of the member (ceo@) in Acme, and of someone else (dev@) there. */
  action: string;
  othersAction: string;
  /** A credential of Acme, for the "other company" cases. */
  acmeCredential: string;
  /** OAuth apps (Connect) of the fuzzer's company and of Acme. */
  oauthApp: string;
  acmeOAuthApp: string;
  /** Webhook subscriptions of the fuzzer's company and of Acme. */
  webhook: string;
  acmeWebhook: string;
  /** An account in Acme's sandbox CRM, for a write that succeeds. */
  acmeAccount: string;
  /** Personal access tokens of the member (ceo@) in Acme, and of someone else (dev@) there. */
  accessToken: string;
  othersAccessToken: string;
  /** Pending invitations to the fuzzer's company and to Acme, and the link of a third (to the fuzzer's company). */
  invitation: string;
  acmeInvitation: string;
  invitationToken: string;
}

export interface Baseline {
  as: Persona;
  vars: Record<string, unknown>;
  other?: Record<string, string>;
  otherAs?: Persona;
}

const widgetInput = (f: FuzzIds) => ({
  companyId: f.company,
  endpointId: f.endpoint,
  operationKey: 'targetOp',
  key: 'fuzzed',
  title: 'Fuzzed',
  kind: 'STAT',
  expression: '$count($list($).items)',
  params: { limit: 10 },
  colours: [{ label: 'open', meaning: 'GOOD' }],
  roles: [],
});

export function baselines(w: WorldIds, f: FuzzIds): Record<string, Baseline> {
  const acme = w.company.acme!;
  const acmeSales = w.endpoint['acme/sales-api']!;
  const acmeOp = w.operation['acme/sales-api/createOpportunity']!;
  const developer = w.role.developer!;
  const admin = (vars: Record<string, unknown>, other?: Record<string, string>): Baseline => ({
    as: 'admin',
    vars,
    ...(other ? { other, otherAs: 'companyAdmin' } : {}),
  });
  const member = (vars: Record<string, unknown>, other?: Record<string, string>): Baseline => ({
    as: 'member',
    vars,
    ...(other ? { other, otherAs: 'member' } : {}),
  });
  const endpointInput = {
    name: 'Target API',
    slug: 'target-api',
    baseUrl: 'https://target.example.test',
    description: 'd',
    cacheTtlSeconds: 30,
    rateLimitPerMinute: 60,
  };
  const openApiDocument = {
    openapi: '3.1.0',
    info: { title: 'Fuzz Import', version: '1' },
    servers: [{ url: 'https://import.example.test' }],
    paths: { '/things': { get: { operationId: 'listThings' } } },
  };
  const operationInput = {
    key: 'fuzzOp',
    method: 'POST',
    path: '/fuzz/{id}',
    description: 'd',
    paramsSchema: { type: 'object', properties: { id: { type: 'string' } } },
  };
  return {
    login: { as: 'anonymous', vars: { email: 'cfo@demo.test', password: 'not-the-password' } },
    // Each case of these runs in a session of its own (see ENDS_SESSIONS in the test).
    logout: member({}),
    signOutEverywhere: admin({ userId: w.user.dev }),
    createCompany: admin({ input: { name: 'Fuzz Co', slug: 'fuzz-co' } }),
    updateCompany: admin({ id: f.company, input: { name: 'Fuzz Target', slug: 'fuzz-target' } }, { id: acme }),
    deleteCompany: admin({ id: f.company }),
    createUser: admin({
      input: {
        email: 'fuzz-new@demo.test',
        name: 'Fuzz New',
        password: 'long-enough-password',
        isPlatformAdmin: false,
      },
    }),
    grantCompanyAccess: admin({ userId: w.user.cfo, companyId: f.company, roleId: developer }, { companyId: acme }),
    revokeCompanyAccess: admin({ userId: w.user.dev, companyId: f.company, roleId: developer }, { companyId: acme }),
    createEndpoint: admin(
      {
        input: {
          ...endpointInput,
          companyId: f.company,
          slug: 'fuzz-api',
          name: 'Fuzz API',
          operations: [operationInput],
        },
      },
      { 'input.companyId': acme },
    ),
    importOpenApi: admin({ companyId: f.company, document: JSON.stringify(openApiDocument) }, { companyId: acme }),
    updateEndpoint: admin(
      { id: f.endpoint, input: { ...endpointInput, baseUrl: `${f.endpointBaseUrl}/v2` } },
      { id: acmeSales },
    ),
    deleteEndpoint: admin({ id: f.endpoint }, { id: acmeSales }),
    createOperation: admin({ endpointId: f.endpoint, input: operationInput }, { endpointId: acmeSales }),
    updateOperation: admin({ id: f.operation, input: { ...operationInput, key: 'targetOp' } }, { id: acmeOp }),
    deleteOperation: admin({ id: f.operation }, { id: acmeOp }),
    setEndpointAccess: admin(
      { roleId: developer, companyId: f.company, endpointId: f.endpoint, access: 'READ' },
      { companyId: acme, endpointId: acmeSales },
    ),
    setFieldRule: admin(
      {
        input: {
          operationId: f.operation,
          roleId: developer,
          companyId: f.company,
          mode: 'REMOVE',
          paths: ['data[].customer.email', 'total'],
        },
      },
      { 'input.companyId': acme, 'input.operationId': acmeOp },
    ),
    // The fuzzer's endpoint has only a POST operation: the baseline is refused as input (no widget is made).
    createDashboardWidget: admin({ input: widgetInput(f) }, { 'input.companyId': acme, 'input.endpointId': acmeSales }),
    updateDashboardWidget: admin({ id: f.company, input: widgetInput(f) }, { 'input.companyId': acme }),
    deleteDashboardWidget: admin({ id: f.company, companyId: f.company }, { companyId: acme }),
    deleteFieldRule: admin(
      { operationId: f.operation, roleId: developer, companyId: f.company },
      { companyId: acme, operationId: acmeOp },
    ),
    createCredential: admin(
      {
        input: {
          companyId: f.company,
          endpointId: f.endpoint,
          roleId: developer,
          name: 'fuzz-cred',
          kind: 'BEARER',
          secret: { token: 'fuzz-token-value' },
        },
      },
      { 'input.companyId': acme, 'input.endpointId': acmeSales },
    ),
    updateCredential: admin(
      { id: f.credential, input: { name: 'target-cred', secret: { token: 'another-token-value' } } },
      { id: f.acmeCredential },
    ),
    rotateCredential: admin({ id: f.credential, secret: { token: 'rotated-token-value' } }, { id: f.acmeCredential }),
    confirmCredentialOrigin: admin(
      { id: f.credential, origin: new URL(f.endpointBaseUrl).origin },
      { id: f.acmeCredential },
    ),
    deleteCredential: admin({ id: f.credential }, { id: f.acmeCredential }),
    createOAuthApp: admin(
      {
        input: {
          companyId: f.company,
          provider: 'custom',
          name: 'fuzz app',
          clientId: 'fuzz-client',
          clientSecret: 'fuzz-client-secret',
          scopes: 'read write',
          authorizationUrl: 'https://auth.example.test/authorize',
          tokenUrl: 'https://auth.example.test/token',
          tokenAuthMethod: 'client_secret_post',
          usePkce: true,
        },
      },
      { 'input.companyId': acme },
    ),
    updateOAuthApp: admin(
      {
        id: f.oauthApp,
        input: {
          name: 'fuzz app 2',
          clientId: 'fuzz-client-2',
          clientSecret: 'another-client-secret',
          scopes: 'read',
          authorizationUrl: 'https://auth.example.test/authorize2',
          tokenUrl: 'https://auth.example.test/token2',
          tokenAuthMethod: 'client_secret_basic',
          usePkce: false,
        },
      },
      { id: f.acmeOAuthApp },
    ),
    startOAuthConnect: admin(
      {
        input: {
          companyId: f.company,
          endpointId: f.endpoint,
          roleId: developer,
          appId: f.oauthApp,
          provider: null,
          scopes: 'read',
          returnTo: '/admin/credentials',
          credentialId: null,
        },
      },
      { 'input.companyId': acme, 'input.endpointId': acmeSales, 'input.appId': f.acmeOAuthApp },
    ),
    deleteOAuthApp: admin({ id: f.oauthApp }, { id: f.acmeOAuthApp }),
    testCredential: admin({ id: f.credential }, { id: f.acmeCredential }),
    writeOperation: member(
      {
        companyId: acme,
        endpointId: acmeSales,
        operation: 'createOpportunity',
        params: {},
        body: { name: 'Fuzz', accountId: f.acmeAccount, amount: 1 },
      },
      { companyId: f.company, endpointId: f.endpoint },
    ),
    chat: member({ companyId: acme, conversationId: null, message: 'hello' }, { companyId: f.company }),
    confirmAction: member({ id: f.action }, { id: f.othersAction }),
    rejectAction: member({ id: f.action }, { id: f.othersAction }),
    createWebhookSubscription: admin(
      {
        companyId: f.company,
        url: 'https://hooks.example.test/fuzz-2',
        events: ['credential.needs_reconnect'],
        description: 'd',
      },
      { companyId: acme },
    ),
    deleteWebhookSubscription: admin({ id: f.webhook }, { id: f.acmeWebhook }),
    createAccessToken: member(
      { input: { companyId: acme, name: 'fuzz token', readOnly: false, expiresInDays: 30 } },
      { 'input.companyId': f.company },
    ),
    revokeAccessToken: member({ id: f.accessToken }, { id: f.othersAccessToken }),
    rotateInboundWebhookSecret: admin({ endpointId: f.endpoint }, { endpointId: acmeSales }),
    inviteToCompany: admin(
      { input: { companyId: f.company, email: 'fuzz-invitee@demo.test', roleIds: [developer] } },
      { 'input.companyId': acme },
    ),
    resendInvitation: admin({ id: f.invitation }, { id: f.acmeInvitation }),
    revokeInvitation: admin({ id: f.invitation }, { id: f.acmeInvitation }),
    // By link, signed in or not: the first accepted case uses the link up, the rest find it used.
    acceptInvitation: {
      as: 'anonymous',
      vars: { token: f.invitationToken, name: 'Fuzz Invitee', password: 'long-enough-password' },
    },
    declineInvitation: { as: 'anonymous', vars: { token: f.invitationToken } },
    configureIdentityProvider: admin(
      {
        companyId: f.company,
        input: {
          issuerUrl: 'https://idp.example.test',
          clientId: 'fuzz',
          clientSecret: 'fuzz-secret',
          allowedDomains: ['fuzz.example.test'],
          passwordSignInAllowed: true,
          justInTimeProvisioning: false,
          groupsClaim: 'groups',
          groupsOnly: false,
        },
      },
      { companyId: acme },
    ),
    setIdentityProviderGroupMappings: admin(
      { companyId: f.company, mappings: [{ group: 'fuzzers', roleId: developer }] },
      { companyId: acme },
    ),
    startIdentityProviderTest: admin({ companyId: f.company }, { companyId: acme }),
    deleteIdentityProvider: admin({ companyId: f.company }, { companyId: acme }),
  };
}

/**
 * The queries' baselines. `other` here must be refused: a query that answers for a company
 * the caller cannot see fails the fuzzer (mutations' accepted cases are only listed).
 */
export function queryBaselines(w: WorldIds, f: FuzzIds): Record<string, Baseline> {
  const acme = w.company.acme!;
  const acmeSales = w.endpoint['acme/sales-api']!;
  const developer = w.role.developer!;
  const admin = (vars: Record<string, unknown>, other?: Record<string, string>): Baseline => ({
    as: 'admin',
    vars,
    ...(other ? { other, otherAs: 'companyAdmin' } : {}),
  });
  const member = (vars: Record<string, unknown>, other?: Record<string, string>): Baseline => ({
    as: 'member',
    vars,
    ...(other ? { other, otherAs: 'member' } : {}),
  });
  const from = '2026-01-01T00:00:00Z';
  const to = '2026-02-01T00:00:00Z';
  return {
    auditLogs: admin(
      {
        companyId: f.company,
        first: 20,
        after: null,
        filter: { action: 'company.', actorId: w.user.admin, targetType: 'company', from, to },
      },
      { companyId: acme },
    ),
    company: admin({ id: f.company }, { id: acme }),
    credentials: admin({ companyId: f.company }, { companyId: acme }),
    oauthApps: admin({ companyId: f.company }, { companyId: acme }),
    myCredentials: member({ companyId: acme }, { companyId: f.company }),
    endpoints: admin({ companyId: f.company }, { companyId: acme }),
    endpoint: admin({ id: f.endpoint }, { id: acmeSales }),
    webhookSubscriptions: admin({ companyId: f.company }, { companyId: acme }),
    webhookDeliveries: admin({ subscriptionId: f.webhook, first: 20 }, { subscriptionId: f.acmeWebhook }),
    myPendingActions: member({ companyId: acme }, { companyId: f.company }),
    dashboard: member({ companyId: acme }, { companyId: f.company }),
    readOperation: member(
      { companyId: acme, endpointId: acmeSales, operation: 'listAccounts', params: { limit: 1 } },
      { companyId: f.company, endpointId: f.endpoint },
    ),
    myEndpoints: member({ companyId: acme }, { companyId: f.company }),
    roleAccess: admin({ companyId: f.company, roleId: developer }, { companyId: acme }),
    userAccess: admin({ companyId: f.company, userId: w.user.dev }, { companyId: acme }),
    previewTools: admin({ companyId: f.company, roleId: developer }, { companyId: acme }),
    previewReadOperation: admin(
      { companyId: acme, roleId: developer, endpointId: w.endpoint['acme/github-api']!, operation: 'listRepositories' },
      { companyId: f.company, endpointId: f.endpoint },
    ),
    user: admin({ id: w.user.dev }),
    fieldRules: admin({ companyId: f.company, endpointId: f.endpoint }, { companyId: acme, endpointId: acmeSales }),
    dashboardWidgets: admin({ companyId: f.company }, { companyId: acme }),
    previewDashboardWidget: admin(
      {
        input: {
          companyId: acme,
          roleId: developer,
          endpointId: w.endpoint['acme/github-api']!,
          operationKey: 'listRepositories',
          expression: '$count($)',
        },
      },
      { 'input.companyId': f.company, 'input.endpointId': f.endpoint },
    ),
    accessTokens: member({ companyId: acme }, { companyId: f.company }),
    usageStats: admin({ companyId: f.company, from, to, groupBy: 'DAY' }, { companyId: acme }),
    invitations: admin({ companyId: f.company }, { companyId: acme }),
    invitation: { as: 'anonymous', vars: { token: f.invitationToken } },
    identityProvider: admin({ companyId: f.company }, { companyId: acme }),
    signInMethod: { as: 'anonymous', vars: { email: 'someone@fuzz.example.test' } },
  };
}
