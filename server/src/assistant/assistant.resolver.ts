import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../graphql/context.ts';
import { NotFoundError } from '../lib/errors.ts';
import { loadOrNotFound } from '../graphql/loaders.ts';
import { assertSignedInAndBelongsTo, stillSignedInAndBelongsTo } from '../graphql/shield.ts';
import { ApiEndpoint, EndpointOperation } from '../modules/endpoint/endpoint.types.ts';
import { confirmAction, listPendingActions, rejectAction } from './actions.ts';
import { ActionResult, ChatReply, ChatStreamEvent, PendingAction, type PendingActionRow } from './assistant.types.ts';
import { streamChat } from './chat-stream.ts';

@Resolver(() => PendingAction)
export class AssistantResolver {
  @Mutation(() => ChatReply, {
    description: "Ask the assistant; it answers from the company's APIs with the caller's access.",
  })
  async chat(
    @Arg('companyId', () => ID) companyId: string,
    @Arg('message', () => String) message: string,
    @Arg('conversationId', () => ID, { nullable: true }) conversationId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const reply = await ctx.assistant.chat({
      principal: requirePrincipal(ctx),
      actor: ctx.actor,
      companyId,
      message,
      conversationId,
      requestId: ctx.requestId,
    });
    return { ...reply, model: ctx.assistant.providerName };
  }

  @Mutation(() => ActionResult, {
    description: 'Execute exactly the stored request of a pending action, once; its owner only.',
  })
  confirmAction(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return confirmAction(ctx.db, ctx.gateway, ctx.actor, {
      principal: requirePrincipal(ctx),
      id,
      requestId: ctx.requestId,
    });
  }

  @Mutation(() => ActionResult, { description: 'Close a pending action without executing it; its owner only.' })
  rejectAction(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return rejectAction(ctx.db, ctx.actor, { principal: requirePrincipal(ctx), id });
  }

  @Subscription(() => ChatStreamEvent, {
    description:
      'The same as chat, streamed: answer tokens, tool calls and proposed actions as they happen, then the reply.',
    subscribe: async function* ({ args, context }) {
      const ctx = context as RequestContext;
      const companyId = args.companyId as string;
      await assertSignedInAndBelongsTo(ctx, companyId);
      const events = streamChat(ctx.assistant, {
        principal: requirePrincipal(ctx),
        actor: ctx.actor,
        companyId,
        message: args.message as string,
        conversationId: (args.conversationId as string | null) ?? null,
        requestId: ctx.requestId,
      });
      // Each chunk, tool call and proposed action asks again whether the socket's credential
      // (and its role in the company) still holds: a revoked one receives nothing more.
      for await (const event of events) {
        if (!(await stillSignedInAndBelongsTo(ctx, companyId))) return;
        yield event;
      }
    },
  })
  chatStream(
    @Root() event: ChatStreamEvent,
    @Arg('companyId', () => ID) _companyId: string,
    @Arg('message', () => String) _message: string,
    @Arg('conversationId', () => ID, { nullable: true }) _conversationId: string | null,
  ): ChatStreamEvent {
    return event;
  }

  @Query(() => [PendingAction], { description: "The caller's actions in the company that still await a decision." })
  myPendingActions(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return listPendingActions(ctx.db, { companyId, principal: requirePrincipal(ctx) });
  }

  @FieldResolver(() => ApiEndpoint)
  endpoint(@Root() action: PendingActionRow, @Ctx() ctx: RequestContext) {
    return loadOrNotFound(ctx.loaders.endpoint, { companyId: action.companyId, id: action.endpointId }, 'Endpoint');
  }

  @FieldResolver(() => EndpointOperation)
  async operation(@Root() action: PendingActionRow, @Ctx() ctx: RequestContext) {
    const operations = await ctx.loaders.operationsByEndpoint.load({
      companyId: action.companyId,
      id: action.endpointId,
    });
    const operation = operations.find((o) => o.id === action.operationId);
    if (!operation) throw new NotFoundError('Operation');
    return operation;
  }
}
