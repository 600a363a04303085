import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { administeredCompanyIds, memberCompanyIds } from '../../policy/policy.ts';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { Company, CreateCompanyInput, UpdateCompanyInput } from './company.types.ts';
import { createCompany, deleteCompany, getCompanyOrThrow, listCompanies, updateCompany } from './company.service.ts';

const administeredCompanies = (ctx: RequestContext) =>
  listCompanies(ctx.db, { ids: administeredCompanyIds(requirePrincipal(ctx)) });

@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => [Company], { description: 'The companies in which the caller holds a role.' })
  myCompanies(@Ctx() ctx: RequestContext) {
    return listCompanies(ctx.db, { ids: memberCompanyIds(requirePrincipal(ctx)) });
  }

  @Query(() => [Company], { description: 'Every company the caller may administer.' })
  companies(@Ctx() ctx: RequestContext) {
    return administeredCompanies(ctx);
  }

  @Query(() => [Company], {
    description:
      'The companies the caller administers: every one for a platform admin, none for a person without an admin role. Unlike `companies`, never FORBIDDEN, so the web app can ask it to decide what to show.',
  })
  myAdministeredCompanies(@Ctx() ctx: RequestContext) {
    return administeredCompanies(ctx);
  }

  @Query(() => Company, { description: 'One company the caller belongs to or administers.' })
  company(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return getCompanyOrThrow(ctx.db, { companyId: id });
  }

  @Mutation(() => Company)
  createCompany(@Arg('input', () => CreateCompanyInput) input: CreateCompanyInput, @Ctx() ctx: RequestContext) {
    return createCompany(ctx.db, ctx.actor, { input });
  }

  @Mutation(() => Company)
  updateCompany(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCompanyInput) input: UpdateCompanyInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateCompany(ctx.db, ctx.actor, { companyId: id, input });
  }

  @Mutation(() => Boolean)
  deleteCompany(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteCompany(ctx.db, ctx.actor, { companyId: id });
  }
}
