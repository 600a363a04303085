// Creating, changing and deleting credentials. The secret is validated per kind, sealed by
// the vault bound to the row (so the id is chosen before the insert), and never stored,
// logged, audited or returned in clear.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/prisma-errors.ts';
import { BadInputError, ConflictError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { nameSchema, parseInput, unchangedIfNull } from '../../lib/validate.ts';
import type { Vault } from '../../vault/vault.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { getCompanyOrThrow } from '../company/company.service.ts';
import { getEndpointOrThrow } from '../endpoint/endpoint.service.ts';
import { fitSecretToAuth, readEndpointAuth } from '../endpoint/endpoint.auth.ts';
import { getRoleOrThrow } from '../role/role.service.ts';
import { credentialMetadataSelect } from './credential.queries.ts';
import { originOf } from '../../lib/origin.ts';
import { CredentialKind, prepareSecret, type PreparedSecret } from '../../vault/credential-kinds.ts';

const KINDS = new Set<string>(Object.values(CredentialKind));

const createSchema = z.object({
  companyId: z.string(),
  roleId: z.string().nullish(),
  endpointId: z.string(),
  name: nameSchema,
  kind: z.string().refine((k) => KINDS.has(k), 'must be a credential kind'),
  secret: z.unknown(),
});

const updateSchema = z.object({ name: unchangedIfNull(nameSchema), secret: z.unknown().optional() });

export async function getCredentialOrThrow(
  db: Db,
  { companyId, credentialId }: { companyId: string; credentialId: string },
) {
  const row = isUuid(credentialId)
    ? await db.apiCredential.findFirst({ where: { id: credentialId, companyId } })
    : null;
  if (!row) throw new NotFoundError('Credential');
  return row;
}

/** The companies credentials belong to, for authorization before anything else is read. */
export async function companiesOfCredentials(
  db: Db,
  { credentialIds }: { credentialIds: readonly string[] },
): Promise<Map<string, string>> {
  const rows = await db.apiCredential.findMany({
    where: { id: { in: credentialIds.filter(isUuid) } },
    select: { id: true, companyId: true },
  });
  return new Map(rows.map((r) => [r.id, r.companyId]));
}

/** Unique per role, company and name; company-wide ones (role null) too, which SQL's NULLs would allow. */
async function assertNameFree(
  db: Db,
  key: { companyId: string; roleId: string | null; name: string },
  exceptId?: string,
) {
  const clash = await db.apiCredential.findFirst({
    where: { ...key, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash)
    throw new ConflictError(
      `A credential named "${key.name}" already exists for this ${key.roleId ? 'role and company' : 'company'}.`,
      'name',
    );
}

/**
 * The sealed columns for a new secret, and a reset of everything derived from the old one. The
 * secret belongs to the origin of the endpoint's base URL as it is now (credential.origin.ts).
 */
export function sealedColumns(
  vault: Vault,
  ref: { id: string; companyId: string; roleId: string | null; endpointId: string },
  baseUrl: string,
  prepared: PreparedSecret,
) {
  const token = prepared.initialToken;
  const row = { ...ref, origin: originOf(baseUrl) };
  return {
    ...vault.sealCredentialSecret(row, prepared.secret),
    origin: row.origin,
    settings: prepared.settings as object,
    hint: prepared.hint,
    status: 'untested',
    statusReason: null,
    refreshFailures: 0,
    refreshBlockedUntil: null,
    ...(token
      ? { ...vault.sealToken(row, { accessToken: token.accessToken }), tokenExpiresAt: token.expiresAt }
      : { tokenCiphertext: null, tokenKeyId: null, tokenExpiresAt: null }),
  };
}

function conflictOnRace(error: unknown): never {
  if (isUniqueViolation(error)) throw new ConflictError('A credential with this name already exists.', 'name');
  throw error;
}

export async function createCredential(db: Db, vault: Vault, actor: Actor, { input }: { input: unknown }) {
  const data = parseInput(createSchema, input, 'input');
  const companyId = data.companyId;
  const roleId = data.roleId ?? null;
  await getCompanyOrThrow(db, { companyId });
  // Any given roleId must name a role: an empty string used to skip this check and reach the
  // database as an invalid uuid (INTERNAL_SERVER_ERROR; found by the mutation fuzzer).
  if (roleId !== null) await getRoleOrThrow(db, { roleId });
  const endpoint = await getEndpointOrThrow(db, { companyId, endpointId: data.endpointId });
  // The endpoint's declared auth decides which kinds fit (and where an API key goes).
  const kind = data.kind as CredentialKind;
  const prepared = prepareSecret(kind, fitSecretToAuth(readEndpointAuth(endpoint.auth), kind, data.secret));
  await assertNameFree(db, { companyId, roleId, name: data.name });
  const row = { id: randomUUID(), companyId, roleId, endpointId: data.endpointId };
  return db
    .$transaction(async (tx) => {
      const created = await tx.apiCredential.create({
        data: {
          ...row,
          name: data.name,
          kind: data.kind as CredentialKind,
          ...sealedColumns(vault, row, endpoint.baseUrl, prepared),
        },
        select: credentialMetadataSelect,
      });
      await recordAudit(tx, actor, {
        companyId,
        action: 'credential.create',
        targetType: 'credential',
        targetId: row.id,
        details: { name: data.name, kind: data.kind, roleId, endpointId: data.endpointId },
      });
      return created;
    })
    .catch(conflictOnRace);
}

/** Renames, and/or replaces the secret ("rotate" in the admin screen) with one of the same kind. */
export async function updateCredential(
  db: Db,
  vault: Vault,
  actor: Actor,
  { companyId, credentialId, input }: { companyId: string; credentialId: string; input: unknown },
) {
  const data = parseInput(updateSchema, input, 'input');
  const existing = await getCredentialOrThrow(db, { companyId, credentialId });
  if (data.name === undefined && data.secret === undefined)
    throw new BadInputError('Nothing to update: give a name or a secret.', 'input');
  if (data.name) await assertNameFree(db, { companyId, roleId: existing.roleId, name: data.name }, credentialId);
  const endpoint =
    data.secret === undefined ? null : await getEndpointOrThrow(db, { companyId, endpointId: existing.endpointId });
  const sealed =
    endpoint === null
      ? {}
      : sealedColumns(
          vault,
          existing,
          endpoint.baseUrl,
          prepareSecret(
            existing.kind as CredentialKind,
            fitSecretToAuth(readEndpointAuth(endpoint.auth), existing.kind as CredentialKind, data.secret),
          ),
        );
  return db
    .$transaction(async (tx) => {
      const updated = await tx.apiCredential.update({
        where: { id: credentialId },
        data: { ...(data.name ? { name: data.name } : {}), ...sealed },
        select: credentialMetadataSelect,
      });
      await recordAudit(tx, actor, {
        companyId,
        action: data.secret === undefined ? 'credential.update' : 'credential.rotate',
        targetType: 'credential',
        targetId: credentialId,
        details: {
          name: updated.name,
          ...(data.name ? { renamedFrom: existing.name } : {}),
          secretReplaced: data.secret !== undefined,
          ...(endpoint ? { origin: originOf(endpoint.baseUrl) } : {}),
        },
      });
      return updated;
    })
    .catch(conflictOnRace);
}

export async function deleteCredential(
  db: Db,
  actor: Actor,
  { companyId, credentialId }: { companyId: string; credentialId: string },
) {
  const existing = await getCredentialOrThrow(db, { companyId, credentialId });
  await db.$transaction(async (tx) => {
    await tx.apiCredential.delete({ where: { id: credentialId } });
    await recordAudit(tx, actor, {
      companyId,
      action: 'credential.delete',
      targetType: 'credential',
      targetId: credentialId,
      details: { name: existing.name, kind: existing.kind },
    });
  });
  return true;
}
