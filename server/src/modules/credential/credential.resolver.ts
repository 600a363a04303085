import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { NotFoundError } from '../../graphql/errors.ts';
import { Company } from '../company/company.types.ts';
import { ApiEndpoint } from '../endpoint/endpoint.types.ts';
import { Role } from '../role/role.types.ts';
import { ApiCredential, type CredentialRow } from './credential.types.ts';
import { listCredentials, listMyCredentials } from './credential.service.ts';

@Resolver(() => ApiCredential)
export class CredentialResolver {
  @Query(() => [ApiCredential], { description: "Credential metadata of a company; its administrators only." })
  credentials(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return listCredentials(ctx.db, { companyId });
  }

  @Query(() => [ApiCredential], { description: 'Metadata of the credentials used for the caller\'s calls in the company.' })
  myCredentials(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return listMyCredentials(ctx.db, { companyId, principal: requirePrincipal(ctx) });
  }

  @FieldResolver(() => Company)
  async company(@Root() row: CredentialRow, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.company.load(row.companyId)) ?? Promise.reject(new NotFoundError('Company'));
  }

  @FieldResolver(() => Role, { nullable: true })
  role(@Root() row: CredentialRow, @Ctx() ctx: RequestContext) {
    return row.roleId ? ctx.loaders.role.load(row.roleId) : null;
  }

  @FieldResolver(() => ApiEndpoint)
  async endpoint(@Root() row: CredentialRow, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.endpoint.load({ companyId: row.companyId, id: row.endpointId })) ?? Promise.reject(new NotFoundError('Endpoint'));
  }
}
