import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import { loadOrNotFound } from '../../graphql/loaders.ts';
import { scopeOfPrincipal } from '../../db/row-security/principal-scope.ts';
import { Role } from '../role/role.types.ts';
import { getUserOrThrow } from '../user/user.service.ts';
import { acceptInvitation, declineInvitation, lookupInvitation } from './invitation.accept.ts';
import {
  inviteToCompany,
  listInvitations,
  resendInvitation,
  revokeInvitation,
  type InvitationRow,
} from './invitation.service.ts';
import {
  Invitation,
  InvitationAcceptance,
  InvitationPreview,
  InvitationSent,
  InviteInput,
} from './invitation.types.ts';

const guardOf = (ctx: RequestContext) => ({ limiter: ctx.loginLimiter, clientIp: ctx.clientIp });

@Resolver(() => Invitation)
export class InvitationResolver {
  @FieldResolver(() => [Role])
  roles(@Root() row: InvitationRow, @Ctx() ctx: RequestContext) {
    return Promise.all(row.roleIds.map((id) => loadOrNotFound(ctx.loaders.role, id, 'Role')));
  }

  @Query(() => [Invitation], {
    description: 'Administrators of the company: its open invitations (pending or expired), newest first.',
  })
  invitations(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return listInvitations(ctx.db, { companyId });
  }

  @Query(() => InvitationPreview, {
    description:
      'Anyone holding an invitation link: what it offers. Every link that cannot be used (unknown, expired, used, declined, withdrawn) answers the same NOT_FOUND; rate-limited like sign-in.',
  })
  invitation(@Arg('token', () => String) token: string, @Ctx() ctx: RequestContext) {
    return lookupInvitation(ctx.db, guardOf(ctx), { token });
  }

  @Mutation(() => InvitationSent, {
    description:
      'Administrators of the company: invite an email address with one or more roles. The link is mailed (SMTP_URL), or returned to you to pass on when no mail server is configured.',
  })
  inviteToCompany(@Arg('input', () => InviteInput) input: InviteInput, @Ctx() ctx: RequestContext) {
    return inviteToCompany(ctx.db, ctx.actor, ctx.invitations, { input });
  }

  @Mutation(() => InvitationSent, {
    description:
      'Send a pending or expired invitation again with a new link (the old one stops working) and 7 more days.',
  })
  resendInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return resendInvitation(ctx.db, ctx.actor, ctx.invitations, { invitationId: id });
  }

  @Mutation(() => Invitation, { description: 'Withdraw a pending invitation: its link stops working.' })
  revokeInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return revokeInvitation(ctx.db, ctx.actor, { invitationId: id });
  }

  @Mutation(() => InvitationAcceptance, {
    description:
      'Accept with the link. A new address: name and password (12+ characters) make the account, and a session for it is returned. An address that has an account: sign in as it first; the roles are added.',
  })
  async acceptInvitation(
    @Arg('token', () => String) token: string,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Arg('password', () => String, { nullable: true }) password: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const accepted = await acceptInvitation(
      { db: ctx.db, tokens: ctx.tokens, actor: ctx.actor, principal: ctx.principal, guard: guardOf(ctx) },
      { token, name, password },
    );
    // The person as they are now (with the new roles), for User.memberships.
    ctx.principal = await ctx.loadPrincipal(accepted.userId);
    ctx.dbScope.scope = scopeOfPrincipal(ctx.principal);
    return { token: accepted.token, user: await getUserOrThrow(ctx.db, { userId: accepted.userId }) };
  }

  @Mutation(() => Boolean, { description: 'Decline with the link: the invitation closes and grants nothing.' })
  declineInvitation(@Arg('token', () => String) token: string, @Ctx() ctx: RequestContext) {
    return declineInvitation(ctx.db, ctx.actor, guardOf(ctx), { token });
  }
}
