import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { loadOrNotFound } from '../../graphql/loaders.ts';
import { Company } from '../company/company.types.ts';
import { ApiEndpoint } from '../endpoint/endpoint.types.ts';
import { Role } from '../role/role.types.ts';
import {
  ApiCredential,
  CreateCredentialInput,
  CredentialTestResult,
  UpdateCredentialInput,
  type CredentialRow,
} from './credential.types.ts';
import { listCredentials, listMyCredentials } from './credential.queries.ts';
import { createCredential, deleteCredential, updateCredential } from './credential.changes.ts';
import { testCredential } from './credential.tester.ts';
import { confirmCredentialOrigin } from './credential.origin.ts';

/** The company the shield rule already checked (the same per-request lookup, cached). */
const companyOfCredential = (ctx: RequestContext, id: string) =>
  loadOrNotFound(ctx.loaders.companyOfCredential, id, 'Credential');

@Resolver(() => ApiCredential)
export class CredentialResolver {
  @Query(() => [ApiCredential], {
    description: 'Credential metadata of a company, by endpoint, role and name; its administrators only.',
  })
  credentials(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return listCredentials(ctx.db, { companyId });
  }

  @Query(() => [ApiCredential], {
    description: "Metadata of the credentials used for the caller's calls in the company.",
  })
  myCredentials(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return listMyCredentials(ctx.db, { companyId, principal: requirePrincipal(ctx) });
  }

  @Mutation(() => ApiCredential, { description: 'Store a credential; its secret is encrypted and never shown again.' })
  createCredential(
    @Arg('input', () => CreateCredentialInput) input: CreateCredentialInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createCredential(ctx.db, ctx.vault, ctx.actor, { input });
  }

  @Mutation(() => ApiCredential, { description: 'Rename a credential and/or replace its secret.' })
  async updateCredential(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCredentialInput) input: UpdateCredentialInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateCredential(ctx.db, ctx.vault, ctx.actor, {
      companyId: await companyOfCredential(ctx, id),
      credentialId: id,
      input,
    });
  }

  @Mutation(() => ApiCredential, { description: 'Replace the secret of a credential with a new one of the same kind.' })
  async rotateCredential(
    @Arg('id', () => ID) id: string,
    @Arg('secret', () => JSONResolver) secret: unknown,
    @Ctx() ctx: RequestContext,
  ) {
    return updateCredential(ctx.db, ctx.vault, ctx.actor, {
      companyId: await companyOfCredential(ctx, id),
      credentialId: id,
      input: { secret },
    });
  }

  @Mutation(() => ApiCredential, {
    description:
      "Re-seal a credential for its endpoint's current origin, which the administrator names as they were shown it (CONFLICT when the endpoint is elsewhere now). Ends a needs_reconnect of reason origin_changed.",
  })
  async confirmCredentialOrigin(
    @Arg('id', () => ID) id: string,
    @Arg('origin', () => String) origin: string,
    @Ctx() ctx: RequestContext,
  ) {
    return confirmCredentialOrigin(ctx.db, ctx.vault, ctx.actor, {
      companyId: await companyOfCredential(ctx, id),
      credentialId: id,
      origin,
    });
  }

  @Mutation(() => Boolean)
  async deleteCredential(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteCredential(ctx.db, ctx.actor, { companyId: await companyOfCredential(ctx, id), credentialId: id });
  }

  @Mutation(() => CredentialTestResult, {
    description: "Call the endpoint with this credential and report; updates the credential's status.",
  })
  async testCredential(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return testCredential(ctx.db, ctx.gateway, ctx.actor, {
      companyId: await companyOfCredential(ctx, id),
      credentialId: id,
    });
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
