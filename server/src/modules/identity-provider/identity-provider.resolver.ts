import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import {
  configureIdentityProvider,
  deleteIdentityProvider,
  getIdentityProvider,
  setGroupMappings,
} from './identity-provider.service.ts';
import {
  GroupMappingInput,
  IdentityProviderGroupMapping,
  IdentityProviderInput,
  IdentityProviderSettings,
  SignInMethod,
} from './identity-provider.types.ts';
import { signInMethod } from './sign-in-method.ts';
import { createTestTicket } from './sso-sign-in.ts';
import { SSO_TEST_PATH } from './sso.route.ts';

@Resolver()
export class IdentityProviderResolver {
  @Query(() => IdentityProviderSettings, {
    description: "The company's single sign-on settings (configured: false when it has none). Company administrators.",
  })
  identityProvider(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return getIdentityProvider(ctx.db, { companyId });
  }

  @Query(() => SignInMethod, {
    description: 'Password or single sign-on for this email (by its domain; reveals nothing about accounts).',
  })
  signInMethod(@Arg('email', () => String) email: string, @Ctx() ctx: RequestContext) {
    return signInMethod(ctx.db, { email });
  }

  @Mutation(() => IdentityProviderSettings, { description: "Create or replace the company's single sign-on." })
  configureIdentityProvider(
    @Arg('companyId', () => ID) companyId: string,
    @Arg('input', () => IdentityProviderInput) input: IdentityProviderInput,
    @Ctx() ctx: RequestContext,
  ) {
    return configureIdentityProvider(ctx.db, ctx.vault, ctx.actor, { companyId, input: { ...input } });
  }

  @Mutation(() => String, {
    description:
      "Test the company's sign-in: a one-time link (two minutes) to open in a new tab; it signs in at the provider and shows the claims received, without signing anyone in here.",
  })
  async startIdentityProviderTest(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    const ticket = await createTestTicket(ctx.db, ctx.actor, { companyId });
    return `${SSO_TEST_PATH}?${new URLSearchParams({ ticket })}`;
  }

  @Mutation(() => Boolean, {
    description: "Remove the company's single sign-on (roles its groups gave stay, as if granted by hand).",
  })
  deleteIdentityProvider(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return deleteIdentityProvider(ctx.db, ctx.actor, { companyId });
  }

  @Mutation(() => [IdentityProviderGroupMapping], {
    description: "Replace the company's group mappings (group claim value → role in this company).",
  })
  setIdentityProviderGroupMappings(
    @Arg('companyId', () => ID) companyId: string,
    @Arg('mappings', () => [GroupMappingInput]) mappings: GroupMappingInput[],
    @Ctx() ctx: RequestContext,
  ) {
    return setGroupMappings(ctx.db, ctx.actor, { companyId, mappings: mappings.map((m) => ({ ...m })) });
  }
}
