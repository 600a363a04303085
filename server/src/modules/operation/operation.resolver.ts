import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { UpstreamResult } from './operation.types.ts';

@Resolver()
export class OperationResolver {
  @Query(() => UpstreamResult, {
    description: "Run a GET operation of one of the company's APIs with the caller's access and credential.",
  })
  readOperation(
    @Arg('companyId', () => ID) companyId: string,
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('operation', () => String) operation: string,
    @Arg('params', () => JSONResolver, { nullable: true }) params: unknown,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.gateway.call({
      principal: requirePrincipal(ctx),
      companyId,
      endpointId,
      operationKey: operation,
      params,
      mode: 'read',
      source: 'graphql',
      requestId: ctx.requestId,
    });
  }

  @Mutation(() => UpstreamResult, { description: 'Run a POST, PUT, PATCH or DELETE operation; needs WRITE access.' })
  writeOperation(
    @Arg('companyId', () => ID) companyId: string,
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('operation', () => String) operation: string,
    @Arg('params', () => JSONResolver, { nullable: true }) params: unknown,
    @Arg('body', () => JSONResolver, { nullable: true }) body: unknown,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.gateway.call({
      principal: requirePrincipal(ctx),
      companyId,
      endpointId,
      operationKey: operation,
      params,
      body,
      mode: 'write',
      source: 'graphql',
      requestId: ctx.requestId,
    });
  }
}
