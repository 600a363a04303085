import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { AuthPayload } from '../user/user.types.ts';
import { login } from './session.service.ts';
import { scopeOfPrincipal } from '../../db/row-security/principal-scope.ts';
import { DemoLogin } from './session.types.ts';
import { logout, signOutEverywhere } from './session.revoke.ts';

@Resolver()
export class SessionResolver {
  @Query(() => [DemoLogin], {
    description:
      'The demo personas (shared password "tessera-demo") when this installation runs the demo world; empty otherwise and always in production.',
  })
  demoLogins(@Ctx() ctx: RequestContext): readonly DemoLogin[] {
    return ctx.demoLogins;
  }

  @Mutation(() => AuthPayload, { description: 'Sign in; the token goes in `Authorization: Bearer <token>`.' })
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: RequestContext,
  ) {
    const payload = await login(
      ctx.db,
      ctx.tokens,
      ctx.actor,
      { email, password },
      { limiter: ctx.loginLimiter, clientIp: ctx.clientIp },
    );
    // The User.memberships field resolver needs a principal: the one who just signed in.
    ctx.principal = await ctx.loadPrincipal(payload.user.id);
    ctx.dbScope.scope = scopeOfPrincipal(ctx.principal);
    return payload;
  }

  @Mutation(() => Boolean, {
    description:
      'End this session: its token is refused from now on, here and on every instance, and its subscriptions close. Sessions only (an access token is revoked with revokeAccessToken).',
  })
  logout(@Ctx() ctx: RequestContext) {
    return logout(ctx.db, ctx.actor, requirePrincipal(ctx));
  }

  @Mutation(() => Boolean, {
    description:
      "End every session of a person (default: the caller's own, from a signed-in session), including this one. Another person's: platform administrators only. Access tokens stay valid; revoke them one by one.",
  })
  signOutEverywhere(@Arg('userId', () => ID, { nullable: true }) userId: string | null, @Ctx() ctx: RequestContext) {
    return signOutEverywhere(ctx.db, ctx.actor, requirePrincipal(ctx), userId ?? null);
  }
}
