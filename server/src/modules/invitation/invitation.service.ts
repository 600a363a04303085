// Invitations as a company's administrators handle them: invite an address with roles, resend
// (a new token: the old link stops working), revoke, list the open ones. Who may is the shield's
// question (policy: mayManageInvitations); these take the company explicitly and write an audit
// row with every change. What the invited person does with the link is invitation.accept.ts.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/prisma-errors.ts';
import { ConflictError, NotFoundError, UpstreamError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { emailSchema, parseInput } from '../../lib/validate.ts';
import { MailNotSentError } from '../../mail/mailer.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { getCompanyOrThrow } from '../company/company.service.ts';
import { acceptUrl, deliverInvitation, type InvitationDelivery } from './invitation.delivery.ts';
import { generateInvitationToken } from './invitation.token.ts';
import { InvitationStatus } from './invitation.types.ts';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_ROLES = 20;

const inviteSchema = z.object({
  companyId: z.string(),
  email: emailSchema,
  roleIds: z
    .array(z.string())
    .min(1, 'choose at least one role')
    .max(MAX_ROLES, `must be at most ${MAX_ROLES} roles`)
    .transform((ids) => [...new Set(ids)]),
});

/** Every column an administrator may see (never the token's hash), with the roles' ids. */
const INVITATION_COLUMNS = {
  id: true,
  companyId: true,
  email: true,
  status: true,
  sentAt: true,
  expiresAt: true,
  createdAt: true,
  roles: { select: { roleId: true }, orderBy: { roleId: 'asc' } },
} as const;

interface StoredInvitation {
  id: string;
  companyId: string;
  email: string;
  status: string;
  sentAt: Date;
  expiresAt: Date;
  createdAt: Date;
  roles: { roleId: string }[];
}

/** What the resolvers return for an Invitation; `roles` is resolved from `roleIds`. */
export interface InvitationRow {
  id: string;
  companyId: string;
  email: string;
  status: InvitationStatus;
  sentAt: Date;
  expiresAt: Date;
  createdAt: Date;
  roleIds: string[];
}

/** A pending invitation past its expiry reads as expired (the row is updated only when superseded). */
function statusOf(row: Pick<StoredInvitation, 'status' | 'expiresAt'>, now = new Date()): InvitationStatus {
  if (row.status === 'pending' && row.expiresAt.getTime() <= now.getTime()) return InvitationStatus.EXPIRED;
  return row.status.toUpperCase() as InvitationStatus;
}

function invitationView({ roles, ...row }: StoredInvitation): InvitationRow {
  return { ...row, status: statusOf(row), roleIds: roles.map((r) => r.roleId) };
}

export interface SentInvitation {
  invitation: InvitationRow;
  emailed: boolean;
  acceptUrl: string | null;
}

export async function inviteToCompany(
  db: Db,
  actor: Actor,
  delivery: InvitationDelivery,
  { input }: { input: unknown },
): Promise<SentInvitation> {
  const { companyId, email, roleIds } = parseInput(inviteSchema, input, 'input');
  const company = await getCompanyOrThrow(db, { companyId });
  const roles = await rolesOrThrow(db, roleIds);
  const { token, tokenHash } = generateInvitationToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  let row: StoredInvitation;
  try {
    row = await db.$transaction(async (tx) => {
      // An expired invitation to the same address makes way for the new one.
      await tx.invitation.updateMany({
        where: { companyId, openEmail: email, expiresAt: { lte: now } },
        data: { status: 'expired', openEmail: null },
      });
      const created = await tx.invitation.create({
        data: {
          companyId,
          email,
          openEmail: email,
          tokenHash,
          expiresAt,
          sentAt: now,
          invitedById: actor.userId,
          roles: { create: roles.map((r) => ({ roleId: r.id })) },
        },
        select: INVITATION_COLUMNS,
      });
      await recordAudit(tx, actor, {
        companyId,
        action: 'invitation.create',
        targetType: 'invitation',
        targetId: created.id,
        details: { email, roleKeys: roles.map((r) => r.key), expiresAt: expiresAt.toISOString() },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError(
        'This address already has a pending invitation to this company: resend it or revoke it first.',
        'email',
      );
    throw error;
  }
  return send(delivery, row, token, { companyName: company.name, roleNames: roles.map((r) => r.name), actor });
}

/** A new token and a new expiry for a pending (or expired) invitation: the old link stops working. */
export async function resendInvitation(
  db: Db,
  actor: Actor,
  delivery: InvitationDelivery,
  { invitationId }: { invitationId: string },
): Promise<SentInvitation> {
  const current = await getInvitationOrThrow(db, { invitationId });
  if (current.status !== 'pending')
    throw new ConflictError(`This invitation is ${current.status}: invite the address again instead.`);
  const { token, tokenHash } = generateInvitationToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const row = await db.$transaction(async (tx) => {
    // Still pending at the moment of the change: a concurrent accept or revoke wins.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, status: 'pending' },
      data: { tokenHash, sentAt: now, expiresAt },
    });
    if (count !== 1) throw new ConflictError('This invitation was answered or withdrawn meanwhile.');
    await recordAudit(tx, actor, {
      companyId: current.companyId,
      action: 'invitation.resend',
      targetType: 'invitation',
      targetId: invitationId,
      details: { email: current.email, expiresAt: expiresAt.toISOString() },
    });
    return tx.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: INVITATION_COLUMNS });
  });
  const company = await getCompanyOrThrow(db, { companyId: row.companyId });
  const roles = await rolesOrThrow(
    db,
    row.roles.map((r) => r.roleId),
  );
  return send(delivery, row, token, { companyName: company.name, roleNames: roles.map((r) => r.name), actor });
}

/** Withdraws a pending invitation (its link stops working). Revoking twice changes nothing the second time. */
export async function revokeInvitation(
  db: Db,
  actor: Actor,
  { invitationId }: { invitationId: string },
): Promise<InvitationRow> {
  const current = await getInvitationOrThrow(db, { invitationId });
  if (current.status === 'revoked') return invitationView(current);
  if (current.status !== 'pending') throw new ConflictError(`This invitation is already ${current.status}.`);
  const row = await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, status: 'pending' },
      data: { status: 'revoked', openEmail: null, decidedAt: new Date() },
    });
    if (count !== 1) throw new ConflictError('This invitation was answered meanwhile.');
    await recordAudit(tx, actor, {
      companyId: current.companyId,
      action: 'invitation.revoke',
      targetType: 'invitation',
      targetId: invitationId,
      details: { email: current.email },
    });
    return tx.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: INVITATION_COLUMNS });
  });
  return invitationView(row);
}

/** The company's open invitations (pending, and pending ones past their expiry), newest first. */
export async function listInvitations(db: Db, { companyId }: { companyId: string }): Promise<InvitationRow[]> {
  const rows = await db.invitation.findMany({
    where: { companyId, status: 'pending' },
    select: INVITATION_COLUMNS,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map(invitationView);
}

/** The company of each invitation the caller's row scope lets it see (for the shield). */
export async function companiesOfInvitations(
  db: Db,
  { invitationIds }: { invitationIds: readonly string[] },
): Promise<Map<string, string>> {
  const ids = invitationIds.filter(isUuid);
  const rows = ids.length
    ? await db.invitation.findMany({ where: { id: { in: ids } }, select: { id: true, companyId: true } })
    : [];
  return new Map(rows.map((r) => [r.id, r.companyId]));
}

async function getInvitationOrThrow(db: Db, { invitationId }: { invitationId: string }) {
  const row = isUuid(invitationId)
    ? await db.invitation.findUnique({ where: { id: invitationId }, select: INVITATION_COLUMNS })
    : null;
  if (!row) throw new NotFoundError('Invitation');
  return row;
}

async function rolesOrThrow(db: Db, roleIds: readonly string[]) {
  const ids = roleIds.filter(isUuid);
  const roles = ids.length
    ? await db.role.findMany({ where: { id: { in: ids } }, select: { id: true, key: true, name: true } })
    : [];
  if (roles.length !== roleIds.length) throw new NotFoundError('Role');
  return roles.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Mails the link, or returns it when there is no mail server. The invitation is saved either
 * way: when the mail server refuses, Resend tries again with a new link.
 */
async function send(
  delivery: InvitationDelivery,
  row: StoredInvitation,
  token: string,
  { companyName, roleNames, actor }: { companyName: string; roleNames: string[]; actor: Actor },
): Promise<SentInvitation> {
  const url = acceptUrl(delivery, token);
  let emailed: boolean;
  try {
    emailed = await deliverInvitation(delivery, {
      to: row.email,
      companyName,
      roleNames,
      inviterEmail: actor.email,
      url,
      expiresAt: row.expiresAt,
    });
  } catch (error) {
    if (error instanceof MailNotSentError)
      throw new UpstreamError(
        `The invitation is saved, but the mail server did not take the message. Try Resend later. ${error.message}`,
        { reason: 'mail_not_sent' },
      );
    throw error;
  }
  return { invitation: invitationView(row), emailed, acceptUrl: emailed ? null : url };
}
