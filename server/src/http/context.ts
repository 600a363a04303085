// Builds the per-request context for HTTP and WebSocket operations alike: the verified
// principal (or null), fresh DataLoaders, and the actor stamped on audit rows.
import { authenticateBearer, loadSessionPrincipal } from '../auth/authenticate.ts';
import type { RequestContext } from '../graphql/context.ts';
import { createLoaders } from '../graphql/loaders.ts';
import { NO_COMPANIES, type ScopeCell } from '../db/row-security/scope.ts';
import { scopeOfPrincipal } from '../db/row-security/principal-scope.ts';
import { actorOf } from '../modules/audit/audit.record.ts';
import type { AppDeps } from './app.ts';

export interface ContextSource {
  authorization: string | undefined;
  requestId: string;
  clientIp: string | null;
  /** The cell the request runs in (HTTP: made by app.ts around Apollo); a new one otherwise. */
  scopeCell?: ScopeCell;
  /** Called when the credential no longer authenticates on a re-check (WebSocket: closes the socket). */
  onCredentialLost?: () => void;
}

export function createContextFactory(deps: AppDeps) {
  const { db, tokens, logger } = deps;
  return async ({
    authorization,
    requestId,
    clientIp,
    scopeCell = { scope: NO_COMPANIES },
    onCredentialLost,
  }: ContextSource): Promise<RequestContext> => {
    // A session JWT or a personal access token (auth/authenticate.ts); anything else: no principal.
    const principal = await authenticateBearer(deps, authorization).catch((error: unknown) => {
      // Apollo answers a masked 500; the log keeps what happened, with the request id.
      logger.error({ requestId, err: error }, 'could not load the principal');
      throw error;
    });
    scopeCell.scope = scopeOfPrincipal(principal);
    const context: RequestContext = {
      db,
      tokens,
      vault: deps.vault,
      oauth: deps.oauth,
      gateway: deps.gateway,
      assistant: deps.assistant,
      logger,
      demoLogins: deps.demoLogins,
      loginLimiter: deps.loginLimiter,
      webhooks: deps.webhooks,
      endpointEvents: deps.endpointEvents,
      invitations: deps.invitations,
      oauthConnect: deps.oauthConnect,
      requestId,
      principal,
      dbScope: scopeCell,
      loadPrincipal: (userId) => loadSessionPrincipal(db, userId),
      // The same credential again (the token, never the person's other sessions): a revoked or
      // expired token, an ended session or an owner without a role there answers null.
      async recheckPrincipal() {
        const fresh = await authenticateBearer(deps, authorization);
        if (!fresh) {
          onCredentialLost?.();
          return null;
        }
        context.principal = fresh;
        scopeCell.scope = scopeOfPrincipal(fresh);
        return fresh;
      },
      loaders: createLoaders(db),
      actor: actorOf(principal, requestId),
      clientIp,
    };
    return context;
  };
}
