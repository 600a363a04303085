// The end of a Connect: the provider sent the browser back to /oauth/callback. The state is
// checked (signature, then the attempt it names: in its company, unused, unexpired) and consumed
// at once, so a replay of the state or of the code finds it used; the administrator who started
// it must still be allowed by the policy; then the code is exchanged and the tokens stored.
// Every refusal changes no credential, is audited with its reason, and ends on the return page
// with `oauth=error&reason=…` or, when the state cannot be trusted to name a return page, on a
// page of its own.
import { loadPrincipal } from '../../auth/principal.ts';
import type { Db } from '../../db/client.ts';
import { withCompany } from '../../db/row-security/scope.ts';
import type { Logger } from '../../lib/logger.ts';
import { mayConnectCompanyApis } from '../../policy/policy.ts';
import type { Vault } from '../../vault/vault.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { pkceVerifier, verifyState } from './connect-state.ts';
import type { OAuthConnectSettings } from './connect.settings.ts';
import { storeConnectedCredential } from './connect.store.ts';
import { openClientSecret } from './oauth-app.service.ts';
import { withOutcome } from './return-to.ts';
import { exchangeCode } from './token-exchange.ts';

export interface CallbackDeps {
  db: Db;
  vault: Vault;
  settings: OAuthConnectSettings;
  logger: Logger;
  now?: () => number;
}

export interface CallbackQuery {
  state?: string;
  code?: string;
  error?: string;
}

export type CallbackOutcome =
  | { kind: 'redirect'; location: string }
  /** The state is not ours (or not readable): nothing says where to go back to. */
  | { kind: 'page'; status: number; title: string; message: string };

const OAUTH_ERROR = /^[a-z_]{1,64}$/;

const untrustedState: CallbackOutcome = {
  kind: 'page',
  status: 400,
  title: 'This connection link is not valid',
  message:
    'The link the provider sent you back with was not issued by Tessera, was changed, or belongs to another company. Nothing was changed. Go back to Credentials and press Connect again.',
};

export async function completeOAuthConnect(
  deps: CallbackDeps,
  query: CallbackQuery,
  requestId: string,
): Promise<CallbackOutcome> {
  const { db, settings } = deps;
  const now = (deps.now ?? Date.now)();
  const anonymous: Actor = { userId: null, email: null, requestId };
  const payload = query.state ? verifyState(settings.stateKey, query.state) : null;
  if (!payload) {
    await recordAudit(db, anonymous, {
      action: 'oauth_connect.refused',
      details: { reason: query.state ? 'state_invalid' : 'state_missing' },
    });
    return untrustedState;
  }
  const companyId = payload.c;
  return withCompany(companyId, async () => {
    const attempt = await db.oAuthConnectAttempt.findFirst({ where: { id: payload.a, companyId } });
    if (!attempt) {
      await recordAudit(db, anonymous, {
        action: 'oauth_connect.refused',
        details: { reason: 'state_unknown', attemptId: payload.a, companyId },
      });
      return untrustedState;
    }
    const principal = await loadPrincipal(db, attempt.userId);
    // The administrator the state names (no session comes with a provider's redirect).
    const actor: Actor = { userId: attempt.userId, email: principal?.email ?? null, requestId };
    const refuse = async (reason: string, extra: Record<string, string> = {}): Promise<CallbackOutcome> => {
      await recordAudit(db, actor, {
        companyId,
        action: 'oauth_connect.refused',
        targetType: 'endpoint',
        targetId: attempt.endpointId,
        details: { reason, attemptId: attempt.id, ...extra },
      });
      deps.logger.info({ companyId, attemptId: attempt.id, reason }, 'OAuth connect refused');
      return { kind: 'redirect', location: withOutcome(attempt.returnTo, { oauth: 'error', reason }) };
    };
    if (attempt.consumedAt) return refuse('state_used');
    // Consumed before anything else happens: a second callback with this state (a replayed code
    // included) finds it used, whatever becomes of this one.
    const { count } = await db.oAuthConnectAttempt.updateMany({
      where: { id: attempt.id, companyId, consumedAt: null },
      data: { consumedAt: new Date(now) },
    });
    if (count !== 1) return refuse('state_used');
    if (attempt.expiresAt.getTime() <= now || payload.e <= now) return refuse('state_expired');
    if (!principal || !mayConnectCompanyApis(principal, companyId)) return refuse('not_allowed');
    if (query.error) return refuse(OAUTH_ERROR.test(query.error) ? query.error : 'provider_error');
    if (!query.code) return refuse('code_missing');

    const [app, endpoint, role] = await Promise.all([
      db.oAuthApp.findFirst({ where: { id: attempt.appId, companyId } }),
      db.apiEndpoint.findFirst({ where: { id: attempt.endpointId, companyId } }),
      attempt.roleId ? db.role.findUnique({ where: { id: attempt.roleId } }) : null,
    ]);
    if (!app || !endpoint || (attempt.roleId && !role)) return refuse('target_gone');
    const clientSecret = openClientSecret(deps.vault, app);
    const exchanged = await exchangeCode(settings.send, {
      tokenUrl: app.tokenUrl,
      code: query.code,
      redirectUri: attempt.redirectUri,
      codeVerifier: app.usePkce ? pkceVerifier(settings.stateKey, attempt.id) : null,
      clientId: app.clientId,
      clientSecret,
      tokenAuthMethod: app.tokenAuthMethod === 'client_secret_basic' ? 'client_secret_basic' : 'client_secret_post',
    });
    if (!exchanged.ok) return refuse(exchanged.reason);
    const credentialId = await db.$transaction((tx) =>
      storeConnectedCredential(
        tx,
        deps.vault,
        actor,
        {
          companyId,
          endpoint,
          role: role ? { id: role.id, name: role.name } : null,
          credentialId: attempt.credentialId,
          app,
          clientSecret,
          attemptId: attempt.id,
        },
        exchanged.tokens,
        now,
      ),
    );
    if (!credentialId) return refuse('credential_gone');
    return {
      kind: 'redirect',
      location: withOutcome(attempt.returnTo, {
        oauth: attempt.credentialId ? 'reconnected' : 'connected',
        credential: credentialId,
      }),
    };
  });
}
