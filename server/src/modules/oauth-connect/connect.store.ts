// The tokens of a finished Connect, stored as a credential: a new one, or (reconnect) the same
// row with its tokens replaced, so its id, grants and audit history stay. Sealed by the vault
// bound to the row and to the endpoint's origin like every credential (credential.changes.ts);
// the token URL lives inside the sealed secret, so the refresh token is only ever sent there.
// A provider that gives no refresh token (GitHub OAuth apps, Slack without rotation) hands out
// a token that does not expire: it is stored as a bearer credential.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../db/client.ts';
import type { TokenAuthMethod } from '../../gateway/oauth-client-auth.ts';
import { CredentialKind, prepareSecret } from '../../vault/credential-kinds.ts';
import type { Vault } from '../../vault/vault.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { sealedColumns } from '../credential/credential.changes.ts';
import type { ExchangedTokens } from './token-exchange.ts';

/** Providers that send no expires_in (Salesforce) get their token renewed after an hour, or at its first 401. */
const ASSUMED_LIFETIME_S = 3600;

export interface ConnectTarget {
  companyId: string;
  endpoint: { id: string; name: string; baseUrl: string };
  role: { id: string; name: string } | null;
  credentialId: string | null;
  app: { id: string; provider: string; tokenUrl: string; clientId: string; tokenAuthMethod: string };
  clientSecret: string;
  attemptId: string;
}

function secretOf(target: ConnectTarget, tokens: ExchangedTokens, now: number) {
  if (!tokens.refreshToken)
    return {
      kind: CredentialKind.BEARER,
      prepared: prepareSecret(CredentialKind.BEARER, { token: tokens.accessToken }),
    };
  const expiresAt = new Date(now + (tokens.expiresInSeconds ?? ASSUMED_LIFETIME_S) * 1000).toISOString();
  return {
    kind: CredentialKind.OAUTH2_REFRESH_TOKEN,
    prepared: prepareSecret(CredentialKind.OAUTH2_REFRESH_TOKEN, {
      accessToken: tokens.accessToken,
      expiresAt,
      refreshToken: tokens.refreshToken,
      tokenUrl: target.app.tokenUrl,
      clientId: target.app.clientId,
      clientSecret: target.clientSecret,
      ...(tokens.scope ? { scope: tokens.scope } : {}),
      ...(target.app.tokenAuthMethod === 'client_secret_basic'
        ? { tokenAuthMethod: 'client_secret_basic' satisfies TokenAuthMethod }
        : {}),
    }),
  };
}

async function freeName(tx: Prisma.TransactionClient, target: ConnectTarget): Promise<string> {
  const base = `${target.endpoint.name} – ${target.role?.name ?? 'company-wide'} (Connect)`;
  for (let n = 1; n <= 50; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    const clash = await tx.apiCredential.findFirst({
      where: { companyId: target.companyId, roleId: target.role?.id ?? null, name },
      select: { id: true },
    });
    if (!clash) return name;
  }
  return `${base} ${randomUUID().slice(0, 8)}`;
}

/** The credential's id, or null when a reconnect's credential is gone by now. */
export async function storeConnectedCredential(
  tx: Prisma.TransactionClient,
  vault: Vault,
  actor: Actor,
  target: ConnectTarget,
  tokens: ExchangedTokens,
  now = Date.now(),
): Promise<string | null> {
  const { kind, prepared } = secretOf(target, tokens, now);
  const details = {
    attemptId: target.attemptId,
    appId: target.app.id,
    provider: target.app.provider,
    kind,
    endpointId: target.endpoint.id,
    roleId: target.role?.id ?? null,
  };
  if (target.credentialId) {
    const existing = await tx.apiCredential.findFirst({
      where: { id: target.credentialId, companyId: target.companyId, endpointId: target.endpoint.id },
      select: { id: true, companyId: true, roleId: true, endpointId: true, name: true },
    });
    if (!existing) return null;
    await tx.apiCredential.update({
      where: { id: existing.id },
      data: { kind, ...sealedColumns(vault, existing, target.endpoint.baseUrl, prepared) },
    });
    await recordAudit(tx, actor, {
      companyId: target.companyId,
      action: 'credential.reconnect',
      targetType: 'credential',
      targetId: existing.id,
      details: { ...details, name: existing.name },
    });
    return existing.id;
  }
  const row = {
    id: randomUUID(),
    companyId: target.companyId,
    roleId: target.role?.id ?? null,
    endpointId: target.endpoint.id,
  };
  const name = await freeName(tx, target);
  await tx.apiCredential.create({
    data: { ...row, name, kind, ...sealedColumns(vault, row, target.endpoint.baseUrl, prepared) },
  });
  await recordAudit(tx, actor, {
    companyId: target.companyId,
    action: 'credential.connect',
    targetType: 'credential',
    targetId: row.id,
    details: { ...details, name },
  });
  return row.id;
}
