import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { administeredCompanyIds, visibleMemberships } from '../../policy/policy.ts';
import { Membership } from '../membership/membership.types.ts';
import { CreateUserInput, User } from './user.types.ts';
import { createUser, getUserOrThrow, getVisibleUserOrThrow, listUsers } from './user.service.ts';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'The signed-in user.' })
  me(@Ctx() ctx: RequestContext) {
    return getUserOrThrow(ctx.db, { userId: requirePrincipal(ctx).userId });
  }

  @Query(() => [User], {
    description: 'Administrators only: every user (platform admin) or the users of the companies one administers.',
  })
  users(@Ctx() ctx: RequestContext) {
    return listUsers(ctx.db, { companyIds: administeredCompanyIds(requirePrincipal(ctx)) });
  }

  @Query(() => User, {
    description: 'Administrators only: one user, among those the `users` query lists to the caller.',
  })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return getVisibleUserOrThrow(ctx.db, { userId: id, companyIds: administeredCompanyIds(requirePrincipal(ctx)) });
  }

  @Mutation(() => User, { description: 'Platform admin: create a person who can sign in.' })
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: RequestContext) {
    return createUser(ctx.db, ctx.actor, { input });
  }

  @FieldResolver(() => [Membership])
  async memberships(@Root() user: { id: string }, @Ctx() ctx: RequestContext) {
    return visibleMemberships(requirePrincipal(ctx), user.id, await ctx.loaders.membershipsByUser.load(user.id));
  }
}
