// Single sign-on, from the email a person typed to the same session a password sign-in gives.
// start: the email's domain names the company and its provider; the attempt's state (hashed),
// nonce and PKCE verifier are stored as a single-use row for ten minutes. finish: the row is
// taken (deleted) by the callback's state, the provider's answer verified (auth/sso/oidc.ts),
// the email checked against THIS company's domains, the account found or created (just-in-time,
// a group mapping, or an invitation), roles synced from the groups, a session issued. Each
// attempt counts against the sign-in limits like a password attempt, and every outcome is audited
// with the provider named. Sign-in is system work: no person is known until the end.
import { createHash, randomBytes } from 'node:crypto';
import type { TokenService } from '../../auth/jwt.ts';
import { SsoError, type OidcClient } from '../../auth/sso/oidc.ts';
import type { Db } from '../../db/client.ts';
import { asSystem } from '../../db/row-security/scope.ts';
import { NotFoundError } from '../../lib/errors.ts';
import type { Vault } from '../../vault/vault.ts';
import { identityProviderMaySignIn } from '../../policy/policy.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import type { LoginLimiter } from '../session/login-limit.ts';
import { domainOf } from './sign-in-method.ts';
import { syncRolesFromGroups } from './sso-roles.ts';
import { acceptInvitationForUser, pendingInvitationFor } from '../invitation/invitation.accept.ts';

const ATTEMPT_TTL_MS = 10 * 60_000;

export interface SsoDeps {
  db: Db;
  vault: Vault;
  oidc: OidcClient;
  tokens: TokenService;
  limiter: LoginLimiter;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const system = <T>(work: () => Promise<T>) => asSystem('single sign-on', work);

async function providerOf(db: Db, companyId: string) {
  const row = await db.identityProvider.findUnique({
    where: { companyId },
    include: { domains: { select: { domain: true } }, groupMappings: { select: { groupName: true, roleId: true } } },
  });
  return row;
}

/** The secret is opened only here, to talk to the provider. */
function settingsOf(
  vault: Vault,
  row: { companyId: string; issuerUrl: string; clientId: string; secretCiphertext: string | null },
) {
  return {
    issuerUrl: row.issuerUrl,
    clientId: row.clientId,
    clientSecret: row.secretCiphertext
      ? vault.openClientSecret({
          companyId: row.companyId,
          issuerUrl: row.issuerUrl,
          secretCiphertext: row.secretCiphertext,
        })
      : null,
  };
}

export interface StartRequest {
  email?: string;
  /** Test sign-in by an administrator: this company's provider, no session at the end. */
  testCompanyId?: string;
  clientIp: string | null;
  redirectUri: string;
}

/** The provider's authorization URL for this email (or the admin's test of a company). */
export async function startSsoSignIn(deps: SsoDeps, request: StartRequest, actor: Actor): Promise<URL> {
  const { db } = deps;
  return system(async () => {
    const email = (request.email ?? '').trim().toLowerCase().slice(0, 254);
    let companyId = request.testCompanyId;
    if (!companyId) {
      const domain = domainOf(email);
      const owner = domain
        ? await db.identityProviderDomain.findUnique({ where: { domain }, select: { companyId: true } })
        : null;
      if (!owner)
        throw new SsoError(
          'domain_not_allowed',
          "This email's domain does not sign in with single sign-on. Use your password.",
        );
      companyId = owner.companyId;
      const decision = await deps.limiter.begin(email, request.clientIp);
      if (!decision.allowed) {
        await recordAudit(
          db,
          { ...actor, email },
          { companyId, action: 'auth.login_rate_limited', targetType: 'user', details: { method: 'sso' } },
        );
        throw new SsoError('rate_limited', 'Too many sign-in attempts. Try again later.');
      }
    }
    const provider = await providerOf(db, companyId);
    if (!provider) throw new SsoError('provider_unavailable', 'This company has no single sign-on configured.');
    const { url, state, nonce, codeVerifier } = await deps.oidc.start(
      settingsOf(deps.vault, provider),
      request.redirectUri,
    );
    const now = Date.now();
    await db.ssoSignInAttempt.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
    await db.ssoSignInAttempt.create({
      data: {
        stateHash: sha256(state),
        companyId,
        nonce,
        codeVerifier,
        email,
        testOnly: request.testCompanyId !== undefined,
        expiresAt: new Date(now + ATTEMPT_TTL_MS),
      },
    });
    return url;
  });
}

const TEST_TICKET_TTL_MS = 2 * 60_000;
const ticketHash = (ticket: string) => sha256(`test:${ticket}`);

/**
 * An administrator's "Test sign-in": a one-time ticket (two minutes) that the browser takes to
 * /auth/sso/test in a new tab, which starts a sign-in at the company's provider whose callback
 * shows the claims received and changes nothing. The ticket is how the tab, which carries no
 * bearer token, proves an administrator asked for it.
 */
export async function createTestTicket(db: Db, actor: Actor, { companyId }: { companyId: string }): Promise<string> {
  const ticket = randomBytes(32).toString('base64url');
  await db.$transaction(async (tx) => {
    const provider = await tx.identityProvider.findUnique({ where: { companyId }, select: { companyId: true } });
    if (!provider) throw new NotFoundError('Identity provider');
    await tx.ssoSignInAttempt.create({
      data: {
        stateHash: ticketHash(ticket),
        companyId,
        nonce: '',
        codeVerifier: '',
        email: actor.email ?? '',
        testOnly: true,
        expiresAt: new Date(Date.now() + TEST_TICKET_TTL_MS),
      },
    });
    await recordAudit(tx, actor, {
      companyId,
      action: 'identity_provider.test',
      targetType: 'identity_provider',
      targetId: companyId,
    });
  });
  return ticket;
}

/** Takes a test ticket (once) and starts the test sign-in it was made for. */
export async function startTestSignIn(
  deps: SsoDeps,
  { ticket, redirectUri }: { ticket: string; redirectUri: string },
  actor: Actor,
): Promise<URL> {
  const row = await system(() => takeAttempt(deps.db, ticketHash(ticket)));
  if (!row?.testOnly || row.nonce !== '' || row.expiresAt.getTime() < Date.now())
    throw new SsoError(
      'bad_state',
      'This test sign-in link was used or has expired. Start a new test from the settings page.',
    );
  return startSsoSignIn(deps, { testCompanyId: row.companyId, clientIp: null, redirectUri }, actor);
}

/** The attempt with this hash, deleted as it is read: each is used once. */
function takeAttempt(db: Db, stateHash: string) {
  return db.$transaction(async (tx) => {
    const found = await tx.ssoSignInAttempt.findUnique({ where: { stateHash } });
    if (found) await tx.ssoSignInAttempt.delete({ where: { stateHash } });
    return found;
  });
}

export type SsoOutcome =
  | { kind: 'session'; token: string; userId: string }
  | { kind: 'test'; companyId: string; claims: Record<string, unknown> };

export interface FinishRequest {
  callbackUrl: URL;
  clientIp: string | null;
  redirectUri: string;
}

/** The callback: a session (or a test's claims), or an SsoError; a refusal changes nothing but its audit row. */
export async function finishSsoSignIn(deps: SsoDeps, request: FinishRequest, actor: Actor): Promise<SsoOutcome> {
  const { db } = deps;
  return system(async () => {
    const state = request.callbackUrl.searchParams.get('state');
    // Taken once: a replayed callback (or a second tab) finds nothing.
    const attempt = state ? await takeAttempt(db, sha256(state)) : null;
    // A test ticket (no nonce) is not a sign-in attempt.
    if (!state || !attempt?.nonce || attempt.expiresAt.getTime() < Date.now())
      throw new SsoError(
        'bad_state',
        'This sign-in link is not valid any more (used, expired or not ours). Start again.',
      );
    const provider = await providerOf(db, attempt.companyId);
    if (!provider)
      throw new SsoError('provider_unavailable', 'This company has no single sign-on configured any more.');
    const refuse = async (error: unknown): Promise<never> => {
      if (error instanceof SsoError && !attempt.testOnly)
        await recordAudit(
          db,
          { ...actor, email: attempt.email || null },
          {
            companyId: attempt.companyId,
            action: 'auth.login_failed',
            targetType: 'user',
            details: { method: 'sso', provider: provider.issuerUrl, reason: error.reason },
          },
        );
      throw error;
    };
    try {
      const claims = await deps.oidc.finish(settingsOf(deps.vault, provider), request.callbackUrl, {
        state,
        nonce: attempt.nonce,
        codeVerifier: attempt.codeVerifier,
        redirectUri: request.redirectUri,
      });
      if (attempt.testOnly) return { kind: 'test', companyId: attempt.companyId, claims: { ...claims } };
      return await signInWithClaims(deps, provider, attempt, claims, request, actor);
    } catch (error) {
      return refuse(error);
    }
  });
}

type Provider = NonNullable<Awaited<ReturnType<typeof providerOf>>>;

function groupsIn(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

async function signInWithClaims(
  deps: SsoDeps,
  provider: Provider,
  attempt: { companyId: string; email: string },
  claims: Record<string, unknown>,
  request: FinishRequest,
  actor: Actor,
): Promise<SsoOutcome> {
  const { db } = deps;
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email || email.length > 254)
    throw new SsoError('email_missing', 'Your identity provider did not share your email address (scope "email").');
  if (claims.email_verified !== true)
    throw new SsoError('email_unverified', 'Your identity provider says your email address is not verified.');
  if (!provider.domains.some((d) => d.domain === domainOf(email)))
    throw new SsoError(
      'domain_not_allowed',
      `Accounts of ${domainOf(email)} do not sign in through this company's provider.`,
    );
  const groups = new Set(groupsIn(claims, provider.groupsClaim));
  const mappedRoleIds = [
    ...new Set(provider.groupMappings.filter((m) => groups.has(m.groupName)).map((m) => m.roleId)),
  ];
  const invitation = await pendingInvitationFor(db, { companyId: provider.companyId, email });
  const found = await db.user.findUnique({
    where: { email },
    select: { id: true, sessionVersion: true, isPlatformAdmin: true, memberships: { select: { companyId: true } } },
  });
  if (found) {
    const may = identityProviderMaySignIn(found, provider.companyId);
    if (may === 'platform_admin')
      throw new SsoError('password_only', 'Platform administrators sign in with their password, not single sign-on.');
    if (may === 'other_company' && !invitation)
      throw new SsoError(
        'other_company',
        "This account belongs to another company: sign in with your password, or ask this company's administrator for an invitation.",
      );
  }
  const existing = found ? { id: found.id, sessionVersion: found.sessionVersion } : null;
  if (!existing && !provider.justInTimeProvisioning && mappedRoleIds.length === 0 && !invitation)
    throw new SsoError(
      'no_account',
      'You have no account here yet. Ask your administrator for an invitation or a group that gives you a role.',
    );
  const providerName = provider.issuerUrl;
  const user = await db.$transaction(async (tx) => {
    const user =
      existing ??
      (await tx.user.create({
        // No password: this person signs in through the provider (argon2 never verifies this value).
        data: { email, name: nameOf(claims, email), passwordHash: '!sso' },
        select: { id: true, sessionVersion: true },
      }));
    const who = { ...actor, userId: user.id, email };
    if (!existing)
      await recordAudit(tx, who, {
        companyId: provider.companyId,
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        details: { by: 'identity_provider', provider: providerName },
      });
    await syncRolesFromGroups(tx, who, {
      companyId: provider.companyId,
      userId: user.id,
      issuerUrl: providerName,
      groupsOnly: provider.groupsOnly,
      mappedRoleIds,
    });
    await recordAudit(tx, who, {
      companyId: provider.companyId,
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      details: { method: 'sso', provider: providerName },
    });
    return user;
  });
  // An open invitation to this company is accepted by signing in through its provider: its roles
  // are added as granted by hand, and the link stops working (the same claim as opening the link).
  if (invitation)
    await acceptInvitationForUser(db, { ...actor, userId: user.id, email }, { invitation, userId: user.id });
  await deps.limiter.succeeded(attempt.email || email, request.clientIp);
  const token = await deps.tokens.issue({ userId: user.id, sessionVersion: user.sessionVersion });
  return { kind: 'session', token, userId: user.id };
}

function nameOf(claims: Record<string, unknown>, email: string): string {
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  return (name || email.slice(0, email.indexOf('@'))).slice(0, 120);
}
