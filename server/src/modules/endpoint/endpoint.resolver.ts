import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import { loadOrNotFound } from '../../graphql/loaders.ts';
import { Company } from '../company/company.types.ts';
import {
  ApiEndpoint,
  CreateEndpointInput,
  CreateOperationInput,
  EndpointOperation,
  UpdateEndpointInput,
  UpdateOperationInput,
  type EndpointRow,
} from './endpoint.types.ts';
import {
  createEndpoint,
  createOperation,
  deleteEndpoint,
  deleteOperation,
  getEndpointOrThrow,
  listEndpoints,
  updateEndpoint,
  updateOperation,
} from './endpoint.service.ts';
import { credentialKindsFor, readEndpointAuth } from './endpoint.auth.ts';
import { EndpointAuth } from './endpoint.auth.types.ts';

/** The company the shield rule already checked (the same per-request lookup, cached). */
const companyOfEndpoint = (ctx: RequestContext, id: string) =>
  loadOrNotFound(ctx.loaders.companyOfEndpoint, id, 'Endpoint');
const companyOfOperation = (ctx: RequestContext, id: string) =>
  loadOrNotFound(ctx.loaders.companyOfOperation, id, 'Operation');

/**
 * The stored row behind an ApiEndpoint: some queries (myEndpoints, the policy's facts) return
 * fewer columns, so what they lack is read through the per-request loader.
 */
async function fullRow(ctx: RequestContext, endpoint: EndpointRow & { auth?: unknown; testOperationKey?: unknown }) {
  if ('auth' in endpoint && 'testOperationKey' in endpoint)
    return endpoint as { auth: unknown; testOperationKey: string | null };
  return loadOrNotFound(ctx.loaders.endpoint, { companyId: endpoint.companyId, id: endpoint.id }, 'Endpoint');
}

@Resolver(() => ApiEndpoint)
export class EndpointResolver {
  @Query(() => [ApiEndpoint], { description: 'Every endpoint of a company; its administrators only.' })
  endpoints(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return listEndpoints(ctx.db, { companyId });
  }

  @Query(() => ApiEndpoint, { description: "One endpoint; its company's administrators only." })
  async endpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return getEndpointOrThrow(ctx.db, { companyId: await companyOfEndpoint(ctx, id), endpointId: id });
  }

  @FieldResolver(() => Company)
  company(@Root() endpoint: EndpointRow, @Ctx() ctx: RequestContext) {
    return loadOrNotFound(ctx.loaders.company, endpoint.companyId, 'Company');
  }

  @FieldResolver(() => [EndpointOperation])
  operations(@Root() endpoint: EndpointRow, @Ctx() ctx: RequestContext) {
    return ctx.loaders.operationsByEndpoint.load({ companyId: endpoint.companyId, id: endpoint.id });
  }

  @FieldResolver(() => EndpointAuth, { nullable: true })
  async auth(@Root() endpoint: EndpointRow, @Ctx() ctx: RequestContext): Promise<EndpointAuth | null> {
    const auth = readEndpointAuth((await fullRow(ctx, endpoint)).auth);
    if (!auth) return null;
    return {
      schemes: auth.schemes.map((s) => ({
        apiKeyIn: null,
        apiKeyName: null,
        authorizationUrl: null,
        tokenUrl: null,
        openIdConnectUrl: null,
        flows: [],
        scopes: [],
        ...s,
      })),
      credentialKinds: credentialKindsFor(auth),
    };
  }

  @FieldResolver(() => String, { nullable: true })
  async testOperationKey(@Root() endpoint: EndpointRow, @Ctx() ctx: RequestContext) {
    return (await fullRow(ctx, endpoint)).testOperationKey ?? null;
  }

  @Mutation(() => ApiEndpoint)
  createEndpoint(@Arg('input', () => CreateEndpointInput) input: CreateEndpointInput, @Ctx() ctx: RequestContext) {
    return createEndpoint(ctx.db, ctx.actor, { input });
  }

  @Mutation(() => ApiEndpoint)
  async updateEndpoint(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEndpointInput) input: UpdateEndpointInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateEndpoint(ctx.db, ctx.actor, { companyId: await companyOfEndpoint(ctx, id), endpointId: id, input });
  }

  @Mutation(() => Boolean)
  async deleteEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteEndpoint(ctx.db, ctx.actor, { companyId: await companyOfEndpoint(ctx, id), endpointId: id });
  }

  @Mutation(() => EndpointOperation)
  async createOperation(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('input', () => CreateOperationInput) input: CreateOperationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createOperation(ctx.db, ctx.actor, {
      companyId: await companyOfEndpoint(ctx, endpointId),
      endpointId,
      input,
    });
  }

  @Mutation(() => EndpointOperation)
  async updateOperation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOperationInput) input: UpdateOperationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateOperation(ctx.db, ctx.actor, { companyId: await companyOfOperation(ctx, id), operationId: id, input });
  }

  @Mutation(() => Boolean)
  async deleteOperation(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteOperation(ctx.db, ctx.actor, { companyId: await companyOfOperation(ctx, id), operationId: id });
  }
}
