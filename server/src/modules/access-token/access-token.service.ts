// Personal access tokens of the signed-in user: create (the token is returned once; only its
// SHA-256 is stored), list and revoke their own. Accepting a token on a request is auth's
// (auth/access-token.ts). Row security still applies: a token's rows are its company's.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { generateAccessToken } from '../../auth/access-token.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/client.ts';
import { ConflictError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { nameSchema, parseInput } from '../../lib/validate.ts';
import { isMember } from '../../policy/policy.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { AccessTokenStatus, type AccessTokenRow } from './access-token.types.ts';

/** Enough for every script a person runs; a bound on what one stolen session could mint. */
export const MAX_ACTIVE_TOKENS_PER_USER = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

const createSchema = z.object({
  companyId: z.string(),
  name: nameSchema,
  readOnly: z.boolean().default(false),
  expiresInDays: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(365, 'must be at most 365')
    .default(30),
});

/** Every column but the hash, which never leaves this module's writes. */
const PUBLIC_COLUMNS = {
  id: true,
  userId: true,
  companyId: true,
  name: true,
  prefix: true,
  readOnly: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

export type AccessTokenView = AccessTokenRow & { status: AccessTokenStatus };

function statusOf(row: Pick<AccessTokenRow, 'expiresAt' | 'revokedAt'>, now = new Date()): AccessTokenStatus {
  if (row.revokedAt) return AccessTokenStatus.REVOKED;
  return row.expiresAt.getTime() <= now.getTime() ? AccessTokenStatus.EXPIRED : AccessTokenStatus.ACTIVE;
}

const view = (row: AccessTokenRow): AccessTokenView => ({ ...row, status: statusOf(row) });

export async function createAccessToken(
  db: Db,
  actor: Actor,
  { principal, input }: { principal: Principal; input: unknown },
) {
  const data = parseInput(createSchema, input, 'input');
  // A role in the company, not administration of it: a token acts as its owner, who must be someone there.
  if (!isUuid(data.companyId) || !isMember(principal, data.companyId)) throw new NotFoundError('Company');
  const now = new Date();
  const active = await db.accessToken.count({
    where: { userId: principal.userId, revokedAt: null, expiresAt: { gt: now } },
  });
  if (active >= MAX_ACTIVE_TOKENS_PER_USER) {
    throw new ConflictError(`You already have ${MAX_ACTIVE_TOKENS_PER_USER} active access tokens: revoke one first.`);
  }
  const { token, prefix, tokenHash } = generateAccessToken();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + data.expiresInDays * DAY_MS);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.accessToken.create({
      data: {
        id,
        userId: principal.userId,
        companyId: data.companyId,
        name: data.name,
        prefix,
        tokenHash,
        readOnly: data.readOnly,
        expiresAt,
      },
      select: PUBLIC_COLUMNS,
    });
    await recordAudit(tx, actor, {
      companyId: data.companyId,
      action: 'access_token.create',
      targetType: 'access_token',
      targetId: id,
      details: { name: data.name, prefix, readOnly: data.readOnly, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { token, accessToken: view(row) };
}

/**
 * The caller's own tokens, newest first; row security keeps a token's caller to its company.
 * A company filter outside the caller's companies is NOT_FOUND, as everywhere.
 */
export async function listAccessTokens(
  db: Db,
  { principal, companyId }: { principal: Principal; companyId?: string | null },
) {
  if (companyId !== null && companyId !== undefined && !isMember(principal, companyId))
    throw new NotFoundError('Company');
  const rows = await db.accessToken.findMany({
    where: { userId: principal.userId, ...(companyId ? { companyId } : {}) },
    select: PUBLIC_COLUMNS,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map(view);
}

/** Anyone else's token reads as not found. Revoking twice changes nothing the second time. */
export async function revokeAccessToken(
  db: Db,
  actor: Actor,
  { userId, tokenId }: { userId: string; tokenId: string },
) {
  const row = isUuid(tokenId)
    ? await db.accessToken.findFirst({ where: { id: tokenId, userId }, select: PUBLIC_COLUMNS })
    : null;
  if (!row) throw new NotFoundError('Access token');
  if (row.revokedAt) return view(row);
  const revoked = await db.$transaction(async (tx) => {
    const updated = await tx.accessToken.update({
      where: { id: tokenId },
      data: { revokedAt: new Date() },
      select: PUBLIC_COLUMNS,
    });
    await recordAudit(tx, actor, {
      companyId: row.companyId,
      action: 'access_token.revoke',
      targetType: 'access_token',
      targetId: tokenId,
      details: { name: row.name, prefix: row.prefix },
    });
    return updated;
  });
  return view(revoked);
}
