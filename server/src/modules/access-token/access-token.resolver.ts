import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { loadOrNotFound } from '../../graphql/loaders.ts';
import { Company } from '../company/company.types.ts';
import { createAccessToken, listAccessTokens, revokeAccessToken } from './access-token.service.ts';
import { AccessToken, CreateAccessTokenInput, CreatedAccessToken, type AccessTokenRow } from './access-token.types.ts';

@Resolver(() => AccessToken)
export class AccessTokenResolver {
  @Query(() => [AccessToken], {
    description: "The caller's own personal access tokens, newest first, revoked and expired ones included.",
  })
  accessTokens(
    @Arg('companyId', () => ID, {
      nullable: true,
      description: 'Only the tokens of this company (one where the caller holds a role).',
    })
    companyId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return listAccessTokens(ctx.db, { principal: requirePrincipal(ctx), companyId });
  }

  @Mutation(() => CreatedAccessToken, {
    description:
      'Create a personal access token for one company where the caller holds a role; the answer holds the token, once.',
  })
  createAccessToken(
    @Arg('input', () => CreateAccessTokenInput) input: CreateAccessTokenInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createAccessToken(ctx.db, ctx.actor, { principal: requirePrincipal(ctx), input });
  }

  @Mutation(() => AccessToken, {
    description: "Revoke one of the caller's own tokens: it is refused from the next request on.",
  })
  revokeAccessToken(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return revokeAccessToken(ctx.db, ctx.actor, { userId: requirePrincipal(ctx).userId, tokenId: id });
  }

  @FieldResolver(() => Company)
  company(@Root() row: AccessTokenRow, @Ctx() ctx: RequestContext) {
    return loadOrNotFound(ctx.loaders.company, row.companyId, 'Company');
  }
}
