import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { ApiEndpoint } from '../endpoint/endpoint.types.ts';
import { AccessLevel, EndpointGrant, type EndpointGrantRow } from './permission.types.ts';
import { listMyEndpoints, listRoleAccess, setEndpointAccess } from './permission.service.ts';

@Resolver(() => EndpointGrant)
export class PermissionResolver {
  @Query(() => [EndpointGrant], { description: 'What the caller may use in the company, READ or WRITE.' })
  myEndpoints(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return listMyEndpoints(ctx.db, { companyId, principal: requirePrincipal(ctx) });
  }

  @Query(() => [EndpointGrant], { description: 'Every endpoint of the company with the role\'s access, NONE included.' })
  roleAccess(@Arg('roleId', () => ID) roleId: string, @Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return listRoleAccess(ctx.db, { companyId, roleId });
  }

  @Mutation(() => EndpointGrant)
  setEndpointAccess(
    @Arg('roleId', () => ID) roleId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('access', () => AccessLevel) access: AccessLevel,
    @Ctx() ctx: RequestContext,
  ) {
    return setEndpointAccess(ctx.db, ctx.actor, { companyId, roleId, endpointId, access });
  }

  @FieldResolver(() => ApiEndpoint)
  endpoint(@Root() grant: EndpointGrantRow) {
    return grant.endpoint;
  }
}
