import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

@ObjectType({
  simpleResolvers: true,
  description:
    "An endpoint's inbound webhook secret, as rotateInboundWebhookSecret answers it: the only time it is shown.",
})
export class InboundWebhookSecret {
  @Field(() => ID) endpointId!: string;
  @Field(() => String, {
    description:
      'The whsec_ secret (Standard Webhooks) the upstream provider signs with. Store it now: it is not shown again.',
  })
  secret!: string;
  @Field(() => String, {
    description: 'Where the provider sends its events, relative to this server: /webhooks/<endpointId>.',
  })
  path!: string;
  @Field(() => DateTimeResolver) rotatedAt!: Date;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "An upstream provider's event about one endpoint, accepted by its inbound webhook. The payload itself is not forwarded.",
})
export class EndpointEvent {
  @Field(() => ID) endpointId!: string;
  @Field(() => String) endpointSlug!: string;
  @Field(() => String, { description: 'The payload\'s "type" when it has a plain one, else "unknown".' })
  eventType!: string;
  @Field(() => DateTimeResolver) receivedAt!: Date;
}
