import { Field, Float, Int, ObjectType } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';

@ObjectType({ simpleResolvers: true, description: "The answer of a company's API, through the gateway." })
export class UpstreamResult {
  @Field(() => Int) status!: number;
  @Field(() => JSONResolver, { nullable: true }) data!: unknown;
  @Field(() => Boolean, { description: 'Served from the response cache.' }) cached!: boolean;
  @Field(() => Int, { description: 'Upstream requests made (0 when cached).' }) attempts!: number;
  @Field(() => Float) durationMs!: number;
}
