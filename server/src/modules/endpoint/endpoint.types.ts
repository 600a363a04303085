import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { EndpointOperation as PrismaEndpointOperation } from '../../generated/prisma/client.ts';
import type { GrantedEndpointFacts } from '../../policy/policy.facts.ts';
import { Company } from '../company/company.types.ts';
import { EndpointAuth, EndpointAuthInput } from './endpoint.auth.types.ts';

@ObjectType({ simpleResolvers: true })
export class EndpointOperation {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Unique within its endpoint, e.g. "listOpportunities".' }) key!: string;
  @Field(() => String, { description: 'GET POST PUT PATCH DELETE' }) method!: string;
  @Field(() => String, { description: 'e.g. "/opportunities/{id}"' }) path!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => JSONResolver, { nullable: true, description: 'JSON Schema of the parameters.' }) paramsSchema!: unknown;
}

@ObjectType({ simpleResolvers: true })
export class ApiEndpoint {
  @Field(() => ID) id!: string;
  @Field(() => Company) company!: Company;
  @Field(() => String, { description: 'Unique within its company, e.g. "sales-api".' }) slug!: string;
  @Field(() => String, { description: 'Unique within its company, e.g. "Sales API".' }) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String) baseUrl!: string;
  @Field(() => Int, { description: 'Seconds a GET response may be served from cache; 0: never.' })
  cacheTtlSeconds!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Upstream calls per minute for the company; null: the platform default (600).',
  })
  rateLimitPerMinute!: number | null;
  @Field(() => [EndpointOperation]) operations!: EndpointOperation[];
  @Field(() => EndpointAuth, {
    nullable: true,
    description: "How the endpoint's API authenticates; null: not declared (every credential kind is accepted).",
  })
  auth!: EndpointAuth | null;
  @Field(() => String, {
    nullable: true,
    description: 'The operation a credential test calls; null: the first GET operation that needs no parameter.',
  })
  testOperationKey!: string | null;
}

/** What services return for an ApiEndpoint (the columns the policy's facts carry too); company and operations are resolved by loaders. */
export type EndpointRow = GrantedEndpointFacts;

/** What the operations loader holds for an EndpointOperation (the list queries carry no timestamps). */
export type OperationRow = Omit<PrismaEndpointOperation, 'createdAt' | 'updatedAt'>;

@InputType()
export class CreateOperationInput {
  @Field(() => String) key!: string;
  @Field(() => String) method!: string;
  @Field(() => String) path!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => JSONResolver, { nullable: true }) paramsSchema?: unknown;
}

@InputType()
export class UpdateOperationInput {
  @Field(() => String, { nullable: true }) key?: string | null;
  @Field(() => String, { nullable: true }) method?: string | null;
  @Field(() => String, { nullable: true }) path?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => JSONResolver, { nullable: true }) paramsSchema?: unknown;
}

@InputType()
export class CreateEndpointInput {
  @Field(() => ID) companyId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) slug!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String) baseUrl!: string;
  @Field(() => Int, { nullable: true }) cacheTtlSeconds?: number | null;
  @Field(() => Int, { nullable: true }) rateLimitPerMinute?: number | null;
  @Field(() => [CreateOperationInput], { nullable: true }) operations?: CreateOperationInput[] | null;
  @Field(() => EndpointAuthInput, { nullable: true, description: 'How the API authenticates; omit: not declared.' })
  auth?: EndpointAuthInput | null;
  @Field(() => String, { nullable: true, description: 'The operation a credential test calls.' })
  testOperationKey?: string | null;
}

@InputType()
export class UpdateEndpointInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) slug?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) baseUrl?: string | null;
  @Field(() => Int, { nullable: true }) cacheTtlSeconds?: number | null;
  @Field(() => Int, { nullable: true }) rateLimitPerMinute?: number | null;
  @Field(() => EndpointAuthInput, { nullable: true, description: 'How the API authenticates; null: unchanged.' })
  auth?: EndpointAuthInput | null;
  @Field(() => String, {
    nullable: true,
    description: 'The operation a credential test calls (an operation key of this endpoint); "": the default again.',
  })
  testOperationKey?: string | null;
}
