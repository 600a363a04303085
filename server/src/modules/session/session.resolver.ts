import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import { AuthPayload } from '../user/user.types.ts';
import { login } from './session.service.ts';
import { scopeOfPrincipal } from '../../db/row-security/principal-scope.ts';
import { DemoLogin } from './session.types.ts';

@Resolver()
export class SessionResolver {
  @Query(() => [DemoLogin], { description: 'The demo personas (shared password "tessera-demo") when this installation runs the demo world; empty otherwise and always in production.' })
  demoLogins(@Ctx() ctx: RequestContext): readonly DemoLogin[] {
    return ctx.demoLogins;
  }

  @Mutation(() => AuthPayload, { description: 'Sign in; the token goes in `Authorization: Bearer <token>`.' })
  async login(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: RequestContext) {
    const payload = await login(ctx.db, ctx.tokens, ctx.actor, { email, password }, { limiter: ctx.loginLimiter, clientIp: ctx.clientIp });
    // The User.memberships field resolver needs a principal: the one who just signed in.
    ctx.principal = await ctx.loadPrincipal(payload.user.id);
    ctx.dbScope.scope = scopeOfPrincipal(ctx.principal);
    return payload;
  }
}
