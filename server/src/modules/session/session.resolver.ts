import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import { AuthPayload } from '../user/user.types.ts';
import { login } from './session.service.ts';

@Resolver()
export class SessionResolver {
  @Mutation(() => AuthPayload, { description: 'Sign in; the token goes in `Authorization: Bearer <token>`.' })
  async login(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: RequestContext) {
    const payload = await login(ctx.db, ctx.tokens, ctx.actor, { email, password });
    // The User.memberships field resolver needs a principal: the one who just signed in.
    ctx.principal = await ctx.loadPrincipal(payload.user.id);
    return payload;
  }
}
