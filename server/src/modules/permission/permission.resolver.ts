import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { loadOrNotFound } from '../../graphql/loaders.ts';
import { administeredCompanyIds } from '../../policy/policy.ts';
import { ApiEndpoint } from '../endpoint/endpoint.types.ts';
import {
  AccessLevel,
  EffectiveGrant,
  EndpointGrant,
  ToolPreview,
  type EndpointGrantRow,
  type ToolPreviewRow,
} from './permission.types.ts';
import { previewReadOperation, previewTools } from './permission.preview.ts';
import { JSONResolver } from 'graphql-scalars';
import { UpstreamResult } from '../operation/operation.types.ts';
import { listMyEndpoints, listRoleAccess, listUserAccess, setEndpointAccess } from './permission.service.ts';
import type { EndpointWithOperations } from './permission.queries.ts';

/** The operations came with the endpoints: the `operations` field's loader need not ask again. */
function primeOperations<T extends EndpointGrantRow & EndpointWithOperations>(
  ctx: RequestContext,
  companyId: string,
  rows: T[],
): T[] {
  for (const row of rows) ctx.loaders.operationsByEndpoint.prime({ companyId, id: row.endpoint.id }, row.operations);
  return rows;
}

@Resolver(() => EndpointGrant)
export class PermissionResolver {
  @Query(() => [EndpointGrant], { description: 'What the caller may use in the company, READ or WRITE.' })
  async myEndpoints(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return primeOperations(
      ctx,
      companyId,
      await listMyEndpoints(ctx.db, { companyId, principal: requirePrincipal(ctx) }),
    );
  }

  @Query(() => [EndpointGrant], { description: "Every endpoint of the company with the role's access, NONE included." })
  async roleAccess(
    @Arg('roleId', () => ID) roleId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Ctx() ctx: RequestContext,
  ) {
    await loadOrNotFound(ctx.loaders.company, companyId, 'Company');
    return primeOperations(ctx, companyId, await listRoleAccess(ctx.db, { companyId, roleId }));
  }

  @Query(() => [EffectiveGrant], {
    description:
      "Every endpoint of the company with the person's effective access there and the roles that give it; the company's administrators only.",
  })
  userAccess(
    @Arg('userId', () => ID) userId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return listUserAccess(ctx.db, { companyId, userId, visibleTo: administeredCompanyIds(requirePrincipal(ctx)) });
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

@Resolver(() => ToolPreview)
export class ToolPreviewResolver {
  @Query(() => [ToolPreview], {
    description:
      "The tools the assistant would offer someone holding only this role in the company (past 40 the model reaches the same list through a search tool); the company's administrators only.",
  })
  previewTools(
    @Arg('roleId', () => ID) roleId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return previewTools(ctx.db, { companyId, roleId });
  }

  @Query(() => UpstreamResult, {
    description:
      "Run a GET operation as someone holding only this role in the company would (the role's grant, credential and field rules); the company's administrators only, audited.",
  })
  previewReadOperation(
    @Arg('roleId', () => ID) roleId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('operation', () => String) operation: string,
    @Arg('params', () => JSONResolver, { nullable: true }) params: unknown,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    return previewReadOperation(ctx.db, ctx.gateway, ctx.actor, { companyId, roleId, endpointId, operation, params });
  }

  @FieldResolver(() => ApiEndpoint)
  endpoint(@Root() tool: ToolPreviewRow, @Ctx() ctx: RequestContext) {
    return loadOrNotFound(ctx.loaders.endpoint, { companyId: tool.companyId, id: tool.endpointId }, 'Endpoint');
  }
}
