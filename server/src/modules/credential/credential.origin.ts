// A credential belongs to the origin (scheme://host:port) of the endpoint it was entered for.
// When an endpoint's base URL moves to another origin, its credentials are suspended
// (needs_reconnect, reason origin_changed) and the gateway refuses to send them
// (gateway/credential-call.ts checks every request); an administrator then replaces the secret,
// or confirms it for the new origin after seeing it. Moving back to the origin restores them.
// A path change within the origin changes nothing. See docs/decisions/0019-credential-origin.md.
import type { Db, Prisma } from '../../db/client.ts';
import { originOf } from '../../lib/origin.ts';
import { getEndpointOrThrow } from '../endpoint/endpoint.service.ts';
import { ConflictError } from '../../lib/errors.ts';
import { VaultDecryptError } from '../../vault/envelope.ts';
import type { Vault } from '../../vault/vault.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { emitCredentialStatus } from '../webhook/webhook.events.ts';
import { getCredentialOrThrow } from './credential.changes.ts';
import { credentialMetadataSelect } from './credential.queries.ts';

export const ORIGIN_CHANGED = 'origin_changed';
const SUSPENDED = 'needs_reconnect';

type Tx = Prisma.TransactionClient;

/**
 * Called in the transaction that changes an endpoint's base URL. Credentials of another origin
 * than the new one are suspended; those suspended for their origin and now at it again are
 * restored (untested). One audit row names the change and the counts; nothing when the origin
 * stays the same.
 */
export async function followEndpointOrigin(
  tx: Tx,
  actor: Actor,
  { companyId, endpointId, from, to }: { companyId: string; endpointId: string; from: string; to: string },
): Promise<void> {
  const [before, after] = [originOf(from), originOf(to)];
  if (before === after) return;
  const rows = await tx.apiCredential.findMany({
    where: { companyId, endpointId },
    select: { id: true, status: true, statusReason: true, origin: true },
  });
  const suspend = rows.filter((r) => r.origin !== after && r.statusReason !== ORIGIN_CHANGED);
  const restore = rows.filter((r) => r.origin === after && r.statusReason === ORIGIN_CHANGED);
  if (suspend.length) {
    await tx.apiCredential.updateMany({
      where: { id: { in: suspend.map((r) => r.id) } },
      data: { status: SUSPENDED, statusReason: ORIGIN_CHANGED },
    });
    for (const r of suspend)
      await emitCredentialStatus(tx, { companyId, credentialId: r.id, endpointId, from: r.status, to: SUSPENDED });
  }
  if (restore.length)
    await tx.apiCredential.updateMany({
      where: { id: { in: restore.map((r) => r.id) } },
      data: { status: 'untested', statusReason: null },
    });
  await recordAudit(tx, actor, {
    companyId,
    action: 'endpoint.origin_change',
    targetType: 'endpoint',
    targetId: endpointId,
    details: { from: before, to: after, credentialsSuspended: suspend.length, credentialsRestored: restore.length },
  });
}

/**
 * The gateway refused a credential for its origin: show it (needs_reconnect, origin_changed)
 * if nothing did yet, e.g. after the base URL was changed in the database. One audit row per
 * change of state, not per refused call.
 */
export async function markOriginRefused(
  db: Db,
  actor: Actor,
  credential: { id: string; companyId: string; endpointId: string; origin: string | null },
  requestOrigin: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.apiCredential.findUnique({
      where: { id: credential.id },
      select: { status: true, statusReason: true },
    });
    if (!row || row.statusReason === ORIGIN_CHANGED) return;
    await tx.apiCredential.update({
      where: { id: credential.id },
      data: { status: SUSPENDED, statusReason: ORIGIN_CHANGED },
    });
    await emitCredentialStatus(tx, {
      companyId: credential.companyId,
      credentialId: credential.id,
      endpointId: credential.endpointId,
      from: row.status,
      to: SUSPENDED,
    });
    await recordAudit(tx, actor, {
      companyId: credential.companyId,
      action: 'credential.suspend',
      targetType: 'credential',
      targetId: credential.id,
      details: { reason: ORIGIN_CHANGED, origin: credential.origin, endpointOrigin: requestOrigin },
    });
  });
}

/**
 * An administrator confirms the credential for the endpoint's current origin, which they name
 * (what they were shown): a base URL that moved again meanwhile answers CONFLICT. The secret is
 * opened under its old origin and sealed again under the new one; a cached OAuth2 access token
 * is dropped (a new one is fetched for the new origin).
 */
export async function confirmCredentialOrigin(
  db: Db,
  vault: Vault,
  actor: Actor,
  { companyId, credentialId, origin }: { companyId: string; credentialId: string; origin: string },
) {
  const credential = await getCredentialOrThrow(db, { companyId, credentialId });
  const endpoint = await getEndpointOrThrow(db, { companyId, endpointId: credential.endpointId });
  const current = originOf(endpoint.baseUrl);
  if (origin !== current)
    throw new ConflictError(
      `The endpoint's base URL is at ${current}, not at the origin you confirmed; review it and confirm again.`,
      'origin',
    );
  let secret: unknown;
  try {
    secret = vault.openCredentialSecret(credential);
  } catch (error) {
    if (!(error instanceof VaultDecryptError)) throw error;
    throw new ConflictError('The stored secret cannot be opened; replace it instead.', 'id');
  }
  const moved = { ...credential, origin: current };
  return db.$transaction(async (tx) => {
    // Compare-and-set on the ciphertext: a secret replaced meanwhile is not overwritten with this one.
    const { count } = await tx.apiCredential.updateMany({
      where: { id: credentialId, ciphertext: credential.ciphertext },
      data: {
        ...vault.sealCredentialSecret(moved, secret),
        origin: current,
        status: 'untested',
        statusReason: null,
        tokenCiphertext: null,
        tokenKeyId: null,
        tokenExpiresAt: null,
      },
    });
    if (count !== 1) throw new ConflictError('The credential changed meanwhile; reload and confirm again.', 'id');
    await recordAudit(tx, actor, {
      companyId,
      action: 'credential.confirm_origin',
      targetType: 'credential',
      targetId: credentialId,
      details: { name: credential.name, from: credential.origin, to: current },
    });
    return tx.apiCredential.findUniqueOrThrow({ where: { id: credentialId }, select: credentialMetadataSelect });
  });
}
