import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import { loadOrNotFound } from '../../graphql/loaders.ts';
import { Company } from '../company/company.types.ts';
import { Role } from '../role/role.types.ts';
import { Membership, type MembershipRow } from './membership.types.ts';
import { grantCompanyAccess, revokeCompanyAccess } from './membership.service.ts';

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Company)
  company(@Root() row: MembershipRow, @Ctx() ctx: RequestContext) {
    return loadOrNotFound(ctx.loaders.company, row.companyId, 'Company');
  }

  @FieldResolver(() => Role)
  role(@Root() row: MembershipRow, @Ctx() ctx: RequestContext) {
    return loadOrNotFound(ctx.loaders.role, row.roleId, 'Role');
  }

  @Mutation(() => Membership, { description: 'Give a person a role in a company (idempotent).' })
  grantCompanyAccess(
    @Arg('userId', () => ID) userId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Arg('roleId', () => ID) roleId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return grantCompanyAccess(ctx.db, ctx.actor, ctx.principal!, { userId, companyId, roleId });
  }

  @Mutation(() => Boolean, { description: 'Take a role in a company away from a person.' })
  revokeCompanyAccess(
    @Arg('userId', () => ID) userId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Arg('roleId', () => ID) roleId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return revokeCompanyAccess(ctx.db, ctx.actor, { userId, companyId, roleId });
  }
}
