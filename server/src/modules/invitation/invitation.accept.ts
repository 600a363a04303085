// What the holder of an invitation link may do: see what it offers, accept it (a new account
// with a password, or the roles added to the account they are signed in as), or decline it.
// The token is the only credential, so these are guarded like sign-in: each attempt counts
// against the login limiter (per token and per address), and an unknown, expired, used,
// declined or revoked token all get the same answer. Until accepted, an invitation grants
// nothing: the policy never reads one, and memberships are made only here.
//
// The single sign-on sign-in may use `pendingInvitationFor` and `acceptInvitationForUser`: the
// same acceptance for a person their company's identity provider vouched for.
import type { TokenService } from '../../auth/jwt.ts';
import type { Principal } from '../../auth/principal.ts';
import { hashPassword } from '../../auth/passwords.ts';
import type { Db, Prisma } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/prisma-errors.ts';
import { asSystem, withCompany } from '../../db/row-security/scope.ts';
import {
  AppError,
  ConflictError,
  ErrorCode,
  ForbiddenError,
  RateLimitedError,
  UnauthenticatedError,
} from '../../lib/errors.ts';
import { nameSchema, parseInput } from '../../lib/validate.ts';
import { z } from 'zod';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import type { LoginGuard } from '../session/session.service.ts';
import { passwordSchema, publicUserSelect } from '../user/user.service.ts';
import { hashInvitationToken, isInvitationTokenShaped } from './invitation.token.ts';
import { InvitationStatus } from './invitation.types.ts';

export const INVALID_INVITATION =
  'This invitation link does not work: it may have expired, been used, declined or withdrawn. Ask the person who invited you for a new one.';
export const TOO_MANY_INVITATION_TRIES = 'Too many invitation links tried from here. Try again later.';

/** One answer for every token that cannot be used (no telling which reason: no enumeration). */
export class InvalidInvitationError extends AppError {
  constructor() {
    super(ErrorCode.NOT_FOUND, INVALID_INVITATION, { reason: 'invitation_invalid' });
  }
}

/** A pending, unexpired invitation: what accepting needs. */
export interface OpenInvitation {
  id: string;
  companyId: string;
  email: string;
  companyName: string;
  roles: { id: string; key: string; name: string }[];
}

const OPEN_COLUMNS = {
  id: true,
  companyId: true,
  email: true,
  company: { select: { name: true } },
  roles: { select: { role: { select: { id: true, key: true, name: true } } } },
} as const;

type OpenRow = Prisma.InvitationGetPayload<{ select: typeof OPEN_COLUMNS }>;

const openView = (row: OpenRow): OpenInvitation => ({
  id: row.id,
  companyId: row.companyId,
  email: row.email,
  companyName: row.company.name,
  roles: row.roles.map((r) => r.role).sort((a, b) => a.name.localeCompare(b.name)),
});

const stillOpen = () => ({ status: 'pending', expiresAt: { gt: new Date() } });

/**
 * The open invitation a token names, counted against the limiter like a sign-in. A success gives
 * the attempt back; anything else is InvalidInvitationError.
 */
async function openInvitationByToken(db: Db, guard: LoginGuard, token: string): Promise<OpenInvitation> {
  const key = `invitation:${hashInvitationToken(token)}`;
  const decision = await guard.limiter.begin(key, guard.clientIp);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds, TOO_MANY_INVITATION_TRIES);
  const row = isInvitationTokenShaped(token)
    ? await asSystem('an invitation is found by its link before anyone is known', () =>
        db.invitation.findFirst({
          where: { tokenHash: hashInvitationToken(token), ...stillOpen() },
          select: OPEN_COLUMNS,
        }),
      )
    : null;
  if (!row) throw new InvalidInvitationError();
  await guard.limiter.succeeded(key, guard.clientIp);
  return openView(row);
}

/** What the link shows: the company, the roles, the address, the state. Nothing else. */
export async function lookupInvitation(db: Db, guard: LoginGuard, { token }: { token: string }) {
  const open = await openInvitationByToken(db, guard, token);
  return {
    companyName: open.companyName,
    roles: open.roles.map((r) => r.name),
    email: open.email,
    status: InvitationStatus.PENDING,
  };
}

/** The open invitation of `email` to `companyId`, if any (for single sign-on's first sign-in). */
export async function pendingInvitationFor(
  db: Db,
  { companyId, email }: { companyId: string; email: string },
): Promise<OpenInvitation | null> {
  const row = await withCompany(companyId, () =>
    db.invitation.findFirst({
      where: { companyId, openEmail: email.trim().toLowerCase(), ...stillOpen() },
      select: OPEN_COLUMNS,
    }),
  );
  return row ? openView(row) : null;
}

/**
 * Marks the invitation accepted by `userId` and gives them its roles, in one transaction with
 * its audit row. An invitation no longer open (accepted at the same moment, say) is
 * InvalidInvitationError and changes nothing: each invitation is used once.
 */
export function acceptInvitationForUser(
  db: Db,
  actor: Actor,
  { invitation, userId }: { invitation: OpenInvitation; userId: string },
): Promise<void> {
  return withCompany(invitation.companyId, () => db.$transaction((tx) => claim(tx, actor, invitation, userId)));
}

async function claim(tx: Prisma.TransactionClient, actor: Actor, invitation: OpenInvitation, userId: string) {
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, ...stillOpen() },
    data: { status: 'accepted', openEmail: null, acceptedById: userId, decidedAt: new Date() },
  });
  if (count !== 1) throw new InvalidInvitationError();
  await tx.userCompanyAccess.createMany({
    data: invitation.roles.map((role) => ({ userId, companyId: invitation.companyId, roleId: role.id })),
    skipDuplicates: true,
  });
  await recordAudit(tx, actor, {
    companyId: invitation.companyId,
    action: 'invitation.accept',
    targetType: 'invitation',
    targetId: invitation.id,
    details: { userId, email: invitation.email, roleKeys: invitation.roles.map((r) => r.key) },
  });
}

const newAccountSchema = z.object({ name: nameSchema, password: passwordSchema });

export interface AcceptDeps {
  db: Db;
  tokens: TokenService;
  actor: Actor;
  principal: Principal | null;
  guard: LoginGuard;
}

/**
 * Accepts with the link. When an account with the invited address exists, the caller must be
 * signed in as it (in a session) and just gets the roles; otherwise the account is created with
 * `name` and `password`, and a session for it is returned.
 */
export async function acceptInvitation(
  { db, tokens, actor, principal, guard }: AcceptDeps,
  { token, name, password }: { token: string; name?: string | null; password?: string | null },
): Promise<{ token: string | null; userId: string }> {
  const invitation = await openInvitationByToken(db, guard, token);
  const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  if (existing) {
    if (!principal)
      throw new UnauthenticatedError(
        `An account for ${invitation.email} already exists: sign in with it, then open this link again to accept.`,
      );
    if (principal.userId !== existing.id)
      throw new ForbiddenError(`This invitation is for ${invitation.email}: sign in as that account to accept it.`);
    if (!principal.session)
      throw new ForbiddenError('Accept an invitation from a signed-in session, not with an access token.');
    await acceptInvitationForUser(db, actor, { invitation, userId: existing.id });
    return { token: null, userId: existing.id };
  }
  const data = parseInput(newAccountSchema, { name: name ?? '', password: password ?? '' }, 'input');
  const passwordHash = await hashPassword(data.password);
  try {
    const user = await withCompany(invitation.companyId, () =>
      db.$transaction(async (tx) => {
        const created = await tx.user.create({
          data: { email: invitation.email, name: data.name, passwordHash },
          select: { ...publicUserSelect, sessionVersion: true },
        });
        const self: Actor = { ...actor, userId: created.id, email: created.email };
        // In the company's chain: its administrators see who joined through their invitation.
        await recordAudit(tx, self, {
          companyId: invitation.companyId,
          action: 'user.create',
          targetType: 'user',
          targetId: created.id,
          details: { email: created.email, invitationId: invitation.id },
        });
        await claim(tx, self, invitation, created.id);
        return created;
      }),
    );
    return { token: await tokens.issue({ userId: user.id, sessionVersion: user.sessionVersion }), userId: user.id };
  } catch (error) {
    // Another request made the account at the same moment: accept again, signed in as it.
    if (isUniqueViolation(error))
      throw new ConflictError(`An account for ${invitation.email} was just created: sign in with it to accept.`);
    throw error;
  }
}

/** Declines with the link: the invitation closes and grants nothing. */
export async function declineInvitation(
  db: Db,
  actor: Actor,
  guard: LoginGuard,
  { token }: { token: string },
): Promise<boolean> {
  const invitation = await openInvitationByToken(db, guard, token);
  await withCompany(invitation.companyId, () =>
    db.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({
        where: { id: invitation.id, ...stillOpen() },
        data: { status: 'declined', openEmail: null, decidedAt: new Date() },
      });
      if (count !== 1) throw new InvalidInvitationError();
      await recordAudit(tx, actor, {
        companyId: invitation.companyId,
        action: 'invitation.decline',
        targetType: 'invitation',
        targetId: invitation.id,
        details: { email: invitation.email },
      });
    }),
  );
  return true;
}
