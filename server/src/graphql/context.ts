// What every resolver and shield rule receives. Built once per request: the verified
// principal (or null), per-request DataLoaders, and the actor that services stamp on audit
// rows.
import type { Principal } from '../auth/principal.ts';
import type { OAuthConnectSettings } from '../modules/oauth-connect/connect.settings.ts';
import type { Db } from '../db/client.ts';
import type { ScopeCell } from '../db/row-security/scope.ts';
import type { Logger } from '../lib/logger.ts';
import type { Actor } from '../modules/audit/audit.record.ts';
import { UnauthenticatedError } from '../lib/errors.ts';
import type { Loaders } from './loaders.ts';
import type { TokenService } from '../auth/jwt.ts';
import type { Assistant } from '../assistant/chat.ts';
import type { Gateway } from '../gateway/gateway.ts';
import type { OAuthTokens } from '../gateway/oauth.ts';
import type { Vault } from '../vault/vault.ts';
import type { LoginLimiter } from '../modules/session/login-limit.ts';
import type { WebhookSettings } from '../modules/webhook/webhook.service.ts';
import type { EndpointEventBus } from '../modules/inbound-webhook/inbound-webhook.events.ts';
import type { InvitationDelivery } from '../modules/invitation/invitation.delivery.ts';

/** The long-lived services of one running Tessera, shared by every request. */
export interface AppServices {
  db: Db;
  tokens: TokenService;
  vault: Vault;
  oauth: OAuthTokens;
  gateway: Gateway;
  assistant: Assistant;
  logger: Logger;
  /** The demo personas offered on the sign-in page; empty unless this is a demo installation. */
  demoLogins: readonly { email: string; note: string }[];
  /** Failed sign-ins per account and per address (modules/session/login-limit.ts). */
  loginLimiter: LoginLimiter;
  /** What webhook URLs may be (modules/webhook). */
  webhooks: WebhookSettings;
  /** Endpoint events (inbound webhooks) on their way to dashboards' `endpointEvents` subscriptions. */
  endpointEvents: EndpointEventBus;
  /** How invitation links reach people: the mailer (SMTP_URL) or none, and the public URL (modules/invitation). */
  invitations: InvitationDelivery;
  /** OAuth Connect: the state key, the public origin, the guarded client for token URLs. */
  oauthConnect: OAuthConnectSettings;
}

export interface RequestContext extends AppServices {
  requestId: string;
  principal: Principal | null;
  /** The rows this request may see in the database: the principal's companies (db/row-security). */
  dbScope: ScopeCell;
  /** Loads a principal by user id (used right after login). */
  loadPrincipal(userId: string): Promise<Principal | null>;
  /**
   * Authenticates the request's credential again and makes the answer the context's principal.
   * Long-lived work (a subscription's events) calls it before each step: null means the token or
   * session no longer works (and a WebSocket is then closed with 4401).
   */
  recheckPrincipal(): Promise<Principal | null>;
  loaders: Loaders;
  actor: Actor;
  clientIp: string | null;
}

/** The principal, for resolvers behind an authenticated shield rule. */
export function requirePrincipal(ctx: RequestContext): Principal {
  if (!ctx.principal) throw new UnauthenticatedError();
  return ctx.principal;
}
