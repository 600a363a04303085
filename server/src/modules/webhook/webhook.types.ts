import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

/** A company's webhook endpoint. The signing secret is never part of it. */
@ObjectType({ simpleResolvers: true })
export class WebhookSubscription {
  @Field(() => ID) id!: string;
  @Field(() => ID) companyId!: string;
  @Field(() => String) url!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [String], {
    description: 'permission.changed, credential.failing, credential.needs_reconnect, action.pending, action.executed',
  })
  events!: string[];
  @Field(() => String, {
    description: '"active", or "failing" once a delivery used up its retries (then it receives no new events)',
  })
  status!: string;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class CreatedWebhookSubscription {
  @Field(() => WebhookSubscription) subscription!: WebhookSubscription;
  @Field(() => String, {
    description: 'The whsec_ signing secret (Standard Webhooks). Shown only in this answer: store it now.',
  })
  secret!: string;
}

@ObjectType({ simpleResolvers: true })
export class WebhookDelivery {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The webhook-id header, the same on every attempt.' }) messageId!: string;
  @Field(() => String) eventType!: string;
  @Field(() => JSONResolver, { description: 'The body sent: { type, timestamp, data }.' }) payload!: unknown;
  @Field(() => String, { description: '"pending", "delivered" or "failed"' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => DateTimeResolver) nextAttemptAt!: Date;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt, if it got one.' }) lastStatus!:
    | number
    | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
}
