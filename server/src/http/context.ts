// Builds the per-request context for HTTP and WebSocket operations alike: the verified
// principal (or null), fresh DataLoaders, and the actor stamped on audit rows.
import { bearerToken } from '../auth/jwt.ts';
import { loadPrincipal } from '../auth/principal.ts';
import type { RequestContext } from '../graphql/context.ts';
import { createLoaders } from '../graphql/loaders.ts';
import { isUuid } from '../lib/ids.ts';
import { asSystem, NO_COMPANIES, type ScopeCell } from '../db/row-security/scope.ts';
import { scopeOfPrincipal } from '../db/row-security/principal-scope.ts';
import type { AppDeps } from './app.ts';

export interface ContextSource {
  authorization: string | undefined;
  requestId: string;
  clientIp: string | null;
  /** The cell the request runs in (HTTP: made by app.ts around Apollo); a new one otherwise. */
  scopeCell?: ScopeCell;
}

export function createContextFactory(deps: AppDeps) {
  const { db, tokens, logger } = deps;
  // Whose request this is decides its row scope, so this one read runs before any scope exists.
  const principalFor = (userId: string) => (isUuid(userId) ? asSystem('load the caller', () => loadPrincipal(db, userId)) : Promise.resolve(null));
  return async ({ authorization, requestId, clientIp, scopeCell = { scope: NO_COMPANIES } }: ContextSource): Promise<RequestContext> => {
    const token = bearerToken(authorization);
    const claims = token ? await tokens.verify(token) : null;
    const principal = claims
      ? await principalFor(claims.userId).catch((error: unknown) => {
          // Apollo answers a masked 500; the log keeps what happened, with the request id.
          logger.error({ requestId, err: error }, 'could not load the principal');
          throw error;
        })
      : null;
    scopeCell.scope = scopeOfPrincipal(principal);
    return {
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
      requestId,
      principal,
      dbScope: scopeCell,
      loadPrincipal: principalFor,
      loaders: createLoaders(db),
      actor: { userId: principal?.userId ?? null, email: principal?.email ?? null, requestId },
      clientIp,
    };
  };
}
