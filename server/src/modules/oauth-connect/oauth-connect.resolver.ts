import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { NotFoundError } from '../../lib/errors.ts';
import { startOAuthConnect } from './connect.start.ts';
import { redirectUriOf } from './connect.settings.ts';
import {
  companyOfOAuthApp,
  createOAuthApp,
  deleteOAuthApp,
  listOAuthApps,
  updateOAuthApp,
} from './oauth-app.service.ts';
import {
  CreateOAuthAppInput,
  OAuthApp,
  OAuthConnectStart,
  OAuthProviderPreset,
  StartOAuthConnectInput,
  UpdateOAuthAppInput,
} from './oauth-connect.types.ts';
import { oauthPresets } from './oauth-presets.ts';

/** The company the shield rule already checked. */
async function companyOfApp(ctx: RequestContext, id: string): Promise<string> {
  const companyId = await companyOfOAuthApp(ctx.db, id);
  if (!companyId) throw new NotFoundError('OAuth app');
  return companyId;
}

@Resolver()
export class OAuthConnectResolver {
  @Query(() => [OAuthProviderPreset], {
    description: 'The providers Connect knows: URLs, scopes, PKCE, refresh behaviour.',
  })
  oauthProviderPresets(): OAuthProviderPreset[] {
    return oauthPresets().map((p) => ({
      key: p.key,
      name: p.name,
      authorizationUrl: p.authorizationUrl,
      tokenUrl: p.tokenUrl,
      defaultScopes: p.defaultScopes,
      scopeSeparator: p.scopeSeparator,
      pkce: p.pkce,
      tokenAuthMethod: p.tokenAuthMethod,
      tokenPlacement: p.tokenPlacement,
      extraAuthorizeParams: p.extraAuthorizeParams ?? null,
      refreshTokens: p.refresh.refreshTokens,
      rotatingRefreshTokens: p.refresh.rotating,
      accessTokenLifetimeSeconds: p.refresh.accessTokenLifetimeSeconds,
      refreshNotes: p.refresh.notes ?? null,
      documentationUrl: p.documentationUrl,
      notes: p.notes ?? null,
    }));
  }

  @Query(() => String, { description: 'The redirect URL to register at a provider: <public origin>/oauth/callback.' })
  oauthRedirectUri(@Ctx() ctx: RequestContext): string {
    return redirectUriOf(ctx.oauthConnect);
  }

  @Query(() => [OAuthApp], { description: "The company's OAuth apps; its administrators only." })
  oauthApps(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return listOAuthApps(ctx.db, { companyId });
  }

  @Mutation(() => OAuthApp, { description: 'Register an OAuth app (client id and secret) for a provider.' })
  createOAuthApp(@Arg('input', () => CreateOAuthAppInput) input: CreateOAuthAppInput, @Ctx() ctx: RequestContext) {
    return createOAuthApp(ctx.db, ctx.vault, ctx.actor, { input });
  }

  @Mutation(() => OAuthApp)
  async updateOAuthApp(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOAuthAppInput) input: UpdateOAuthAppInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateOAuthApp(ctx.db, ctx.vault, ctx.actor, { companyId: await companyOfApp(ctx, id), appId: id, input });
  }

  @Mutation(() => Boolean)
  async deleteOAuthApp(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteOAuthApp(ctx.db, ctx.actor, { companyId: await companyOfApp(ctx, id), appId: id });
  }

  @Mutation(() => OAuthConnectStart, {
    description:
      "Start Connect (or Reconnect, with credentialId): answers the provider's authorization URL. The provider sends the browser back to /oauth/callback, which stores the tokens and returns to returnTo with oauth=connected|reconnected|error.",
  })
  startOAuthConnect(
    @Arg('input', () => StartOAuthConnectInput) input: StartOAuthConnectInput,
    @Ctx() ctx: RequestContext,
  ) {
    const principal = requirePrincipal(ctx);
    return startOAuthConnect(ctx.db, ctx.oauthConnect, { ...ctx.actor, userId: principal.userId }, { input });
  }
}
