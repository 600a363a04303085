import { Arg, Ctx, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import { NotFoundError } from '../../lib/errors.ts';
import { assertSignedInAndBelongsTo, stillSignedInAndBelongsTo } from '../../graphql/shield.ts';
import type { Principal } from '../../auth/principal.ts';
import { withCompany } from '../../db/row-security/scope.ts';
import { decide, roleIdsIn } from '../../policy/policy.ts';
import { loadRoleGrants } from '../../policy/policy.facts.ts';
import {
  END_OF_STREAM,
  endpointEventStream,
  type EndpointEvent as EndpointEventData,
} from './inbound-webhook.events.ts';
import { rotateInboundWebhookSecret } from './inbound-webhook.service.ts';
import { EndpointEvent, InboundWebhookSecret } from './inbound-webhook.types.ts';

/**
 * May the subscriber read this endpoint now? Asked per event with the principal just re-checked
 * and the grants loaded afresh, so access revoked during a long-lived subscription stops its
 * events at once.
 */
async function mayRead(ctx: RequestContext, principal: Principal, event: EndpointEventData): Promise<boolean> {
  return withCompany(event.companyId, async () => {
    const grants = await loadRoleGrants(ctx.db, {
      companyId: event.companyId,
      roleIds: roleIdsIn(principal, event.companyId),
      endpointId: event.endpointId,
    });
    const endpoint = { id: event.endpointId, companyId: event.companyId };
    return decide(principal, event.companyId, endpoint, 'GET', grants.get(event.endpointId) ?? []).allowed;
  });
}

@Resolver()
export class InboundWebhookResolver {
  @Mutation(() => InboundWebhookSecret, {
    description:
      'Give the endpoint a new inbound webhook secret (the previous one stops verifying); the answer holds it, once.',
  })
  async rotateInboundWebhookSecret(@Arg('endpointId', () => ID) endpointId: string, @Ctx() ctx: RequestContext) {
    const companyId = await ctx.loaders.companyOfEndpoint.load(endpointId);
    if (!companyId) throw new NotFoundError('Endpoint');
    return rotateInboundWebhookSecret(ctx.db, ctx.vault, ctx.actor, { companyId, endpointId });
  }

  @Subscription(() => EndpointEvent, {
    description:
      "Events that upstream providers sent about the company's endpoints (inbound webhooks), for the endpoints the caller may read.",
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      const companyId = args.companyId as string;
      await assertSignedInAndBelongsTo(ctx, companyId);
      return endpointEventStream(ctx.endpointEvents, companyId, async (event) => {
        try {
          // The socket's own credential, again: a revoked token or session, or a lost role, ends it.
          if (!(await stillSignedInAndBelongsTo(ctx, companyId))) return END_OF_STREAM;
          return (await mayRead(ctx, ctx.principal!, event)) ? event : null;
        } catch (error) {
          ctx.logger.error(
            { err: error, requestId: ctx.requestId, endpointId: event.endpointId },
            'could not check access for an endpoint event',
          );
          return null;
        }
      });
    },
  })
  endpointEvents(@Root() event: EndpointEventData, @Arg('companyId', () => ID) _companyId: string): EndpointEventData {
    return event;
  }
}
