// Authorization before any resolver runs. The map mirrors the schema: every Query and
// Mutation has a named rule, anything unlisted is denied, and every rule asks the policy.
// Objects are reachable only through those root fields, which scope them, and their field
// resolvers filter anything that crosses companies: so only root fields are guarded
// (rootFieldsOnly), not the thousands of fields of a long list, each of which graphql-shield
// would otherwise wrap in an async rule (the benchmark's shield_cost).
// Denials about another company read as NOT_FOUND; a member without admin rights gets
// FORBIDDEN.
import type { GraphQLSchema } from 'graphql';
import type { IMiddleware, IMiddlewareGenerator } from 'graphql-middleware';
import { allow, and, deny, rule, shield, type IRule } from 'graphql-shield';
import type { Principal } from '../auth/principal.ts';
import {
  companyStanding,
  isAdministrator as isAdministratorPolicy,
  isMember,
  mayChangeData,
  mayCreateAccessTokens,
  mayCreateUsers,
  mayEndSessionsOf,
  mayManageCompanies,
  mayManageDashboards,
  mayManageInvitations,
  mayReadEveryCompany,
  type CompanyPower,
} from '../policy/policy.ts';
import type { RequestContext } from './context.ts';
import { companyOfSubscription } from '../modules/webhook/webhook.resolver.ts';
import { companyOfOAuthApp } from '../modules/oauth-connect/oauth-app.service.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../lib/errors.ts';
import { SESSION_ONLY } from '../modules/session/session.revoke.ts';

type Args = Record<string, unknown>;
type CompanyOf = (args: Args, ctx: RequestContext) => Promise<string | null> | string | null;

const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
  ctx.principal ? true : new UnauthenticatedError(),
);

const isAdministrator = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
  ctx.principal && isAdministratorPolicy(ctx.principal) ? true : new ForbiddenError(),
);

/** A power the policy names (platform administration): FORBIDDEN without it. */
const policyAllows = (may: (principal: Principal) => boolean) =>
  rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
    ctx.principal && may(ctx.principal) ? true : new ForbiddenError(),
  );

/**
 * The caller must administer the company that `companyOf` names. Outside it (or when it does
 * not exist) the answer is NOT_FOUND of `what`, exactly as if it did not exist.
 */
// Rules that read arguments are not cached: on root fields a rule runs once per field anyway
// (its lookups go through the request's loaders, which do cache), and graphql-shield's 'strict'
// cache hashes the arguments of every call (object-hash) to find out.
function administers(what: string, companyOf: CompanyOf): IRule {
  return rule({ cache: 'no_cache' })(async (_parent, args: Args, ctx: RequestContext) =>
    administersDecision(what, await companyOf(args, ctx), ctx),
  );
}

function administersDecision(what: string, companyId: string | null, ctx: RequestContext) {
  if (!companyId) return new NotFoundError(what);
  const standing = companyStanding(ctx.principal!, companyId);
  if (standing === 'none') return new NotFoundError(what);
  return standing === 'admin' ? true : new ForbiddenError();
}

/** A power the policy grants per company (`may`), in the company `companyOf` names; NOT_FOUND of `what` outside it. */
function companyPower(
  what: string,
  companyOf: CompanyOf,
  may: (principal: Principal, companyId: string) => CompanyPower,
): IRule {
  return rule({ cache: 'no_cache' })(async (_parent, args: Args, ctx: RequestContext) => {
    const companyId = await companyOf(args, ctx);
    const power = companyId ? may(ctx.principal!, companyId) : 'not_found';
    if (power === 'not_found') return new NotFoundError(what);
    return power === 'allowed' ? true : new ForbiddenError();
  });
}

/** As `administers('Company', arg(name))`; leaving the company out means every company: platform admins only. */
function administersOneOrAll(name: string): IRule {
  return rule({ cache: 'no_cache' })(async (_parent, args: Args, ctx: RequestContext) => {
    if (args[name] === null || args[name] === undefined)
      return mayReadEveryCompany(ctx.principal!) ? true : new ForbiddenError();
    return administersDecision('Company', await arg(name)(args, ctx), ctx);
  });
}

/** The caller must belong to (or administer) the company. */
function belongsTo(companyOf: CompanyOf): IRule {
  return rule({ cache: 'no_cache' })(async (_parent, args: Args, ctx: RequestContext) => {
    const companyId = await companyOf(args, ctx);
    return companyId && companyStanding(ctx.principal!, companyId) !== 'none' ? true : new NotFoundError('Company');
  });
}

/**
 * graphql-shield guards a subscription's events but not its `subscribe`, which starts the work.
 * A subscription's stream calls this first: the same checks as `signedIn(belongsTo(...))`.
 */
export async function assertSignedInAndBelongsTo(ctx: RequestContext, companyId: string): Promise<void> {
  if (!ctx.principal) throw new UnauthenticatedError();
  const existing = await existingCompany(companyId, ctx);
  if (!existing || companyStanding(ctx.principal, existing) === 'none') throw new NotFoundError('Company');
}

/**
 * Before each event of a subscription: does the credential the socket was opened with still
 * work, and does it still hold a role in the company? false: the subscription must end (when the
 * credential itself is gone, recheckPrincipal is already closing the socket).
 */
export async function stillSignedInAndBelongsTo(ctx: RequestContext, companyId: string): Promise<boolean> {
  const principal = await ctx.recheckPrincipal();
  return principal !== null && companyStanding(principal, companyId) !== 'none';
}

// A platform admin's standing is 'admin' for any id at all, so a company named by an argument
// must be shown to exist (through the request's loader, which the resolvers reuse). A role held
// there already shows it: memberships are rows of existing companies (deleted with them), so
// members ask no SQL.
const existingCompany = async (id: string, ctx: RequestContext) =>
  (ctx.principal && isMember(ctx.principal, id)) || (await ctx.loaders.company.load(id)) ? id : null;
const arg =
  (name: string): CompanyOf =>
  (args, ctx) =>
    existingCompany(String(args[name] ?? ''), ctx);
const inputArg =
  (name: string): CompanyOf =>
  (args, ctx) =>
    existingCompany(String((args.input as Args | undefined)?.[name] ?? ''), ctx);
const endpointCompany =
  (name: string): CompanyOf =>
  (args, ctx) =>
    ctx.loaders.companyOfEndpoint.load(String(args[name]));
const operationCompany =
  (name: string): CompanyOf =>
  (args, ctx) =>
    ctx.loaders.companyOfOperation.load(String(args[name]));
const credentialCompany =
  (name: string): CompanyOf =>
  (args, ctx) =>
    ctx.loaders.companyOfCredential.load(String(args[name]));
const invitationCompany =
  (name: string): CompanyOf =>
  (args, ctx) =>
    ctx.loaders.companyOfInvitation.load(String(args[name]));
const oauthAppCompany =
  (name: string): CompanyOf =>
  (args, ctx) =>
    companyOfOAuthApp(ctx.db, String(args[name]));
const webhookCompany =
  (name: string): CompanyOf =>
  (args, ctx) =>
    companyOfSubscription(ctx, String(args[name]));

const signedIn = (...rules: IRule[]) => and(isAuthenticated, ...rules);

/** A read-only access token changes nothing (visitors pass: their own rules answer them). */
const changesAllowed = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
  !ctx.principal || mayChangeData(ctx.principal) ? true : new ForbiddenError('This access token is read-only.'),
);

type ShieldRule = IRule | ReturnType<typeof and>;

/** Every Mutation but `login` changes data: each one asks the policy about read-only tokens first. */
function changingData(rules: Record<string, ShieldRule>): Record<string, ShieldRule> {
  return Object.fromEntries(
    Object.entries(rules).map(([field, r]) => [field, field === 'login' ? r : and(changesAllowed, r)]),
  );
}

const notWithAccessToken = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
  ctx.principal && !mayCreateAccessTokens(ctx.principal)
    ? new ForbiddenError('Access tokens can only be created in a signed-in session.')
    : true,
);

/** Ending sessions is done from a session: an access token ends nothing but itself (revokeAccessToken). */
const inSession = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
  ctx.principal?.session ? true : new ForbiddenError(SESSION_ONLY),
);

/** One's own sessions from a session; anyone else's: platform administrators only. */
const ownSessionsOrPlatformAdmin = rule({ cache: 'no_cache' })((_parent, args: Args, ctx: RequestContext) => {
  const userId = args.userId === null || args.userId === undefined ? ctx.principal!.userId : String(args.userId);
  const ending = mayEndSessionsOf(ctx.principal!, userId);
  if (ending === 'session_only') return new ForbiddenError(SESSION_ONLY);
  return ending === 'allowed' ? true : new ForbiddenError();
});

export const permissions = shield(
  {
    Query: {
      me: isAuthenticated,
      myCompanies: isAuthenticated,
      myAdministeredCompanies: isAuthenticated,
      demoLogins: allow,
      myEndpoints: signedIn(belongsTo(arg('companyId'))),
      myCredentials: signedIn(belongsTo(arg('companyId'))),
      companies: signedIn(isAdministrator),
      company: signedIn(belongsTo(arg('id'))),
      roles: signedIn(isAdministrator),
      users: signedIn(isAdministrator),
      // Scoped like `users`: someone outside the companies one administers is NOT_FOUND.
      user: signedIn(isAdministrator),
      endpoints: signedIn(administers('Company', arg('companyId'))),
      endpoint: signedIn(administers('Endpoint', endpointCompany('id'))),
      roleAccess: signedIn(administers('Company', arg('companyId'))),
      previewTools: signedIn(administers('Company', arg('companyId'))),
      previewReadOperation: signedIn(administers('Company', arg('companyId'))),
      // The person must also be one the caller may see (the service scopes it like `user`).
      userAccess: signedIn(administers('Company', arg('companyId'))),
      credentials: signedIn(administers('Company', arg('companyId'))),
      oauthProviderPresets: isAuthenticated,
      oauthRedirectUri: isAuthenticated,
      oauthApps: signedIn(administers('Company', arg('companyId'))),
      // The gateway asks the policy for the endpoint and method itself (complete mediation).
      readOperation: signedIn(belongsTo(arg('companyId'))),
      // Each widget's call goes through the gateway, which asks the policy again.
      dashboard: signedIn(belongsTo(arg('companyId'))),
      myPendingActions: signedIn(belongsTo(arg('companyId'))),
      auditLogs: signedIn(administersOneOrAll('companyId')),
      usageStats: signedIn(administersOneOrAll('companyId')),
      webhookSubscriptions: signedIn(administers('Company', arg('companyId'))),
      webhookDeliveries: signedIn(administers('Webhook subscription', webhookCompany('subscriptionId'))),
      fieldRules: signedIn(administers('Company', arg('companyId'))),
      // The caller's own tokens only (the service filters by owner).
      accessTokens: isAuthenticated,
      invitations: signedIn(companyPower('Company', arg('companyId'), mayManageInvitations)),
      // The token is the credential: rate-limited like sign-in, one answer for every unusable token.
      invitation: allow,
      dashboardWidgets: signedIn(companyPower('Company', arg('companyId'), mayManageDashboards)),
      previewDashboardWidget: signedIn(companyPower('Company', inputArg('companyId'), mayManageDashboards)),
      identityProvider: signedIn(administers('Company', arg('companyId'))),
      // Before sign-in: answered by the email's domain alone (no account is looked up).
      signInMethod: allow,
    },
    Mutation: changingData({
      login: allow,
      logout: signedIn(inSession),
      signOutEverywhere: signedIn(ownSessionsOrPlatformAdmin),
      createCompany: signedIn(policyAllows(mayManageCompanies)),
      updateCompany: signedIn(administers('Company', arg('id'))),
      deleteCompany: signedIn(policyAllows(mayManageCompanies)),
      createUser: signedIn(policyAllows(mayCreateUsers)),
      grantCompanyAccess: signedIn(administers('Company', arg('companyId'))),
      revokeCompanyAccess: signedIn(administers('Company', arg('companyId'))),
      createEndpoint: signedIn(administers('Company', inputArg('companyId'))),
      importOpenApi: signedIn(administers('Company', arg('companyId'))),
      updateEndpoint: signedIn(administers('Endpoint', endpointCompany('id'))),
      deleteEndpoint: signedIn(administers('Endpoint', endpointCompany('id'))),
      createOperation: signedIn(administers('Endpoint', endpointCompany('endpointId'))),
      updateOperation: signedIn(administers('Operation', operationCompany('id'))),
      deleteOperation: signedIn(administers('Operation', operationCompany('id'))),
      setEndpointAccess: signedIn(administers('Company', arg('companyId'))),
      createCredential: signedIn(administers('Company', inputArg('companyId'))),
      createOAuthApp: signedIn(administers('Company', inputArg('companyId'))),
      updateOAuthApp: signedIn(administers('OAuth app', oauthAppCompany('id'))),
      deleteOAuthApp: signedIn(administers('OAuth app', oauthAppCompany('id'))),
      startOAuthConnect: signedIn(administers('Company', inputArg('companyId'))),
      updateCredential: signedIn(administers('Credential', credentialCompany('id'))),
      rotateCredential: signedIn(administers('Credential', credentialCompany('id'))),
      deleteCredential: signedIn(administers('Credential', credentialCompany('id'))),
      confirmCredentialOrigin: signedIn(administers('Credential', credentialCompany('id'))),
      testCredential: signedIn(administers('Credential', credentialCompany('id'))),
      writeOperation: signedIn(belongsTo(arg('companyId'))),
      chat: signedIn(belongsTo(arg('companyId'))),
      // Only the owner of an action may decide it: the service answers NOT_FOUND to anyone else.
      confirmAction: isAuthenticated,
      rejectAction: isAuthenticated,
      createWebhookSubscription: signedIn(administers('Company', arg('companyId'))),
      deleteWebhookSubscription: signedIn(administers('Webhook subscription', webhookCompany('id'))),
      rotateInboundWebhookSecret: signedIn(administers('Endpoint', endpointCompany('endpointId'))),
      // The service also requires the operation to belong to that company (else NOT_FOUND).
      setFieldRule: signedIn(administers('Company', inputArg('companyId'))),
      deleteFieldRule: signedIn(administers('Company', arg('companyId'))),
      // A token cannot mint tokens; the service also requires a role in the company (not only administration).
      createAccessToken: signedIn(notWithAccessToken, belongsTo(inputArg('companyId'))),
      // Own tokens only: the service answers NOT_FOUND for anyone else's.
      revokeAccessToken: isAuthenticated,
      inviteToCompany: signedIn(companyPower('Company', inputArg('companyId'), mayManageInvitations)),
      resendInvitation: signedIn(companyPower('Invitation', invitationCompany('id'), mayManageInvitations)),
      revokeInvitation: signedIn(companyPower('Invitation', invitationCompany('id'), mayManageInvitations)),
      // By token, signed in or not (the service asks for the invited account's session when it exists).
      acceptInvitation: allow,
      declineInvitation: allow,
      // The service also requires the widget and endpoint to belong to that company (else NOT_FOUND).
      createDashboardWidget: signedIn(companyPower('Company', inputArg('companyId'), mayManageDashboards)),
      updateDashboardWidget: signedIn(companyPower('Company', inputArg('companyId'), mayManageDashboards)),
      deleteDashboardWidget: signedIn(companyPower('Company', arg('companyId'), mayManageDashboards)),
      configureIdentityProvider: signedIn(administers('Company', arg('companyId'))),
      deleteIdentityProvider: signedIn(administers('Company', arg('companyId'))),
      setIdentityProviderGroupMappings: signedIn(administers('Company', arg('companyId'))),
      startIdentityProviderTest: signedIn(administers('Company', arg('companyId'))),
    }),
    Subscription: {
      chatStream: signedIn(belongsTo(arg('companyId'))),
      // Each event is checked again against the policy (READ on its endpoint) before it is sent.
      endpointEvents: signedIn(belongsTo(arg('companyId'))),
    },
  },
  {
    fallbackRule: deny,
    fallbackError: () => new ForbiddenError(),
    allowExternalErrors: true,
    debug: false,
  },
);

/**
 * The shield's middleware for the root types only. graphql-shield applies its fallback rule to
 * every field of every type; object types are left unwrapped instead (see the top of this file).
 */
export function rootFieldsOnly(
  generator: IMiddlewareGenerator<unknown, unknown, unknown>,
  schema: GraphQLSchema,
): IMiddleware {
  const all = generator.generate(schema) as Record<string, IMiddleware>;
  return Object.fromEntries(ROOT_TYPES.filter((type) => type in all).map((type) => [type, all[type]])) as IMiddleware;
}

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];
