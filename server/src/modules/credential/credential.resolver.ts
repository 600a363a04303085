import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { loadOrNotFound } from '../../graphql/loaders.ts';
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
  company(@Root() row: CredentialRow, @Ctx() ctx: RequestContext) {
    return loadOrNotFound(ctx.loaders.company, row.companyId, 'Company');
  }

  @FieldResolver(() => Role, { nullable: true })
  role(@Root() row: CredentialRow, @Ctx() ctx: RequestContext) {
    return row.roleId ? ctx.loaders.role.load(row.roleId) : null;
  }

  @FieldResolver(() => ApiEndpoint)
  endpoint(@Root() row: CredentialRow, @Ctx() ctx: RequestContext) {
    return loadOrNotFound(ctx.loaders.endpoint, { companyId: row.companyId, id: row.endpointId }, 'Endpoint');
  }
}
