import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import { NotFoundError } from '../../lib/errors.ts';
import {
  companiesOfSubscriptions,
  createWebhookSubscription,
  deleteWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
} from './webhook.service.ts';
import { CreatedWebhookSubscription, WebhookDelivery, WebhookSubscription } from './webhook.types.ts';

/** The company the shield rule already checked for this subscription id. */
export async function companyOfSubscription(ctx: Pick<RequestContext, 'db'>, id: string): Promise<string | null> {
  return (await companiesOfSubscriptions(ctx.db, { subscriptionIds: [id] })).get(id) ?? null;
}

async function companyOrNotFound(ctx: RequestContext, id: string) {
  const companyId = await companyOfSubscription(ctx, id);
  if (!companyId) throw new NotFoundError('Webhook subscription');
  return companyId;
}

@Resolver()
export class WebhookResolver {
  @Query(() => [WebhookSubscription], { description: "The company's webhook subscriptions; its administrators only." })
  webhookSubscriptions(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return listWebhookSubscriptions(ctx.db, { companyId });
  }

  @Query(() => [WebhookDelivery], { description: 'The most recent deliveries of one subscription, newest first.' })
  async webhookDeliveries(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    return listWebhookDeliveries(ctx.db, {
      companyId: await companyOrNotFound(ctx, subscriptionId),
      subscriptionId,
      first,
    });
  }

  @Mutation(() => CreatedWebhookSubscription, {
    description: 'Subscribe a URL to events; the answer holds the signing secret, once.',
  })
  createWebhookSubscription(
    @Arg('companyId', () => ID) companyId: string,
    @Arg('url', () => String) url: string,
    @Arg('events', () => [String]) events: string[],
    @Arg('description', () => String, { nullable: true }) description: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return createWebhookSubscription(ctx.db, ctx.vault, ctx.actor, ctx.webhooks, {
      companyId,
      url,
      events,
      description,
    });
  }

  @Mutation(() => Boolean)
  async deleteWebhookSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteWebhookSubscription(ctx.db, ctx.actor, {
      companyId: await companyOrNotFound(ctx, id),
      subscriptionId: id,
    });
  }
}
