import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import { NotFoundError } from '../../graphql/errors.ts';
import { Company } from '../company/company.types.ts';
import { Role } from '../role/role.types.ts';
import { Membership, type MembershipRow } from './membership.types.ts';
import { grantCompanyAccess, revokeCompanyAccess } from './membership.service.ts';

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Company)
  async company(@Root() row: MembershipRow, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.company.load(row.companyId)) ?? Promise.reject(new NotFoundError('Company'));
  }

  @FieldResolver(() => Role)
  async role(@Root() row: MembershipRow, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.role.load(row.roleId)) ?? Promise.reject(new NotFoundError('Role'));
  }

  @Mutation(() => Membership, { description: 'Give a person a role in a company (idempotent).' })
  grantCompanyAccess(
    @Arg('userId', () => ID) userId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Arg('roleId', () => ID) roleId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return grantCompanyAccess(ctx.db, ctx.actor, { userId, companyId, roleId });
  }

  @Mutation(() => Boolean, { description: "Take a role in a company away from a person." })
  revokeCompanyAccess(
    @Arg('userId', () => ID) userId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Arg('roleId', () => ID) roleId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return revokeCompanyAccess(ctx.db, ctx.actor, { userId, companyId, roleId });
  }
}
