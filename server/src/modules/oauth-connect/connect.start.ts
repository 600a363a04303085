// Starting a Connect: checks what the administrator asked for, records the attempt (valid 10
// minutes, consumed once by the callback) and answers the provider's authorization URL with a
// signed state and, when the provider supports it, a PKCE S256 challenge.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { BadInputError, NotFoundError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/validate.ts';
import { CredentialKind } from '../../vault/credential-kinds.ts';
import type { Actor } from '../audit/audit.record.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { getCredentialOrThrow } from '../credential/credential.changes.ts';
import { getEndpointOrThrow } from '../endpoint/endpoint.service.ts';
import { getRoleOrThrow } from '../role/role.service.ts';
import { pkceChallenge, pkceVerifier, signState } from './connect-state.ts';
import { redirectUriOf, type OAuthConnectSettings } from './connect.settings.ts';
import { getOAuthAppOrThrow } from './oauth-app.service.ts';
import { findPreset } from './oauth-presets.ts';
import { checkedReturnTo } from './return-to.ts';

const ATTEMPT_LIFETIME_MS = 10 * 60_000;
/** Finished or abandoned attempts are kept a day (for support questions), then removed. */
const ATTEMPT_RETENTION_MS = 86_400_000;

const startSchema = z.object({
  companyId: z.string(),
  endpointId: z.string(),
  roleId: z.string().nullish(),
  appId: z.string().nullish(),
  provider: z.string().max(32).nullish(),
  scopes: z.string().trim().max(2048).nullish(),
  returnTo: z.string().max(512),
  credentialId: z.string().nullish(),
});

/**
 * Credentials Connect can give new tokens to: refresh-token credentials, and bearer tokens (what a
 * Connect stores when the provider issues no refresh token). Client-credentials need no consent.
 */
const RECONNECTABLE = new Set<string>([CredentialKind.OAUTH2_REFRESH_TOKEN, CredentialKind.BEARER]);

async function appFor(db: Db, companyId: string, data: { appId?: string | null; provider?: string | null }) {
  if (data.appId) return getOAuthAppOrThrow(db, { companyId, appId: data.appId });
  if (!data.provider) throw new BadInputError('Name the OAuth app (appId) or its provider.', 'appId');
  const app = await db.oAuthApp.findFirst({
    where: { companyId, provider: data.provider },
    orderBy: { createdAt: 'asc' },
  });
  if (!app) throw new NotFoundError('OAuth app');
  return app;
}

export async function startOAuthConnect(
  db: Db,
  settings: OAuthConnectSettings,
  actor: Actor & { userId: string },
  { input, now = Date.now() }: { input: unknown; now?: number },
) {
  const data = parseInput(startSchema, input, 'input');
  const { companyId } = data;
  const returnTo = checkedReturnTo(data.returnTo);
  const endpoint = await getEndpointOrThrow(db, { companyId, endpointId: data.endpointId });
  const app = await appFor(db, companyId, data);
  let roleId = data.roleId ?? null;
  let credentialId: string | null = null;
  if (data.credentialId) {
    const credential = await getCredentialOrThrow(db, { companyId, credentialId: data.credentialId });
    if (credential.endpointId !== endpoint.id)
      throw new BadInputError('The credential belongs to another endpoint.', 'credentialId');
    if (!RECONNECTABLE.has(credential.kind))
      throw new BadInputError('Only OAuth2 refresh-token or bearer credentials can be reconnected.', 'credentialId');
    if (data.roleId !== undefined && data.roleId !== null && data.roleId !== credential.roleId)
      throw new BadInputError("A reconnect keeps the credential's role.", 'roleId');
    roleId = credential.roleId;
    credentialId = credential.id;
  } else if (roleId !== null) {
    await getRoleOrThrow(db, { roleId });
  }
  const preset = findPreset(app.provider);
  const scopes = (data.scopes ?? app.scopes).trim();
  const id = randomUUID();
  const expiresAt = new Date(now + ATTEMPT_LIFETIME_MS);
  const redirectUri = redirectUriOf(settings);
  await db.$transaction(async (tx) => {
    await tx.oAuthConnectAttempt.deleteMany({
      where: { companyId, expiresAt: { lt: new Date(now - ATTEMPT_RETENTION_MS) } },
    });
    await tx.oAuthConnectAttempt.create({
      data: {
        id,
        companyId,
        endpointId: endpoint.id,
        roleId,
        appId: app.id,
        userId: actor.userId,
        credentialId,
        returnTo,
        redirectUri,
        scopes,
        expiresAt,
      },
    });
    await recordAudit(tx, actor, {
      companyId,
      action: 'oauth_connect.start',
      targetType: 'endpoint',
      targetId: endpoint.id,
      details: { attemptId: id, appId: app.id, provider: app.provider, roleId, credentialId, scopes },
    });
  });
  const url = new URL(app.authorizationUrl);
  const params: Record<string, string> = {
    ...((app.extraAuthorizeParams as Record<string, string> | null) ?? {}),
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: redirectUri,
    state: signState(settings.stateKey, { a: id, c: companyId, e: expiresAt.getTime() }),
  };
  if (scopes) params.scope = scopes.split(/[\s,]+/).join(preset?.scopeSeparator ?? ' ');
  if (app.usePkce) {
    params.code_challenge = pkceChallenge(pkceVerifier(settings.stateKey, id));
    params.code_challenge_method = 'S256';
  }
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { authorizationUrl: url.toString(), expiresAt, redirectUri };
}
