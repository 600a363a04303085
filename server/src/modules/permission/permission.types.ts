import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ApiEndpoint, type EndpointRow } from '../endpoint/endpoint.types.ts';
import { Role } from '../role/role.types.ts';

export enum AccessLevel {
  NONE = 'NONE',
  READ = 'READ',
  WRITE = 'WRITE',
}

registerEnumType(AccessLevel, {
  name: 'AccessLevel',
  valuesConfig: {
    NONE: { description: 'no access' },
    READ: { description: 'GET operations' },
    WRITE: { description: 'every operation, GET, POST, PUT, PATCH and DELETE' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'An endpoint and the access level someone has to it.' })
export class EndpointGrant {
  @Field(() => ApiEndpoint) endpoint!: ApiEndpoint;
  @Field(() => AccessLevel) access!: AccessLevel;
}

export interface EndpointGrantRow {
  endpoint: EndpointRow;
  access: AccessLevel;
}

@ObjectType({
  simpleResolvers: true,
  description: "A person's effective access to an endpoint: the highest over their roles in the company.",
})
export class EffectiveGrant {
  @Field(() => ApiEndpoint) endpoint!: ApiEndpoint;
  @Field(() => AccessLevel) access!: AccessLevel;
  @Field(() => [Role], { description: 'The roles whose grant gives this access (empty for NONE).' }) viaRoles!: Role[];
}

export interface EffectiveGrantRow extends EndpointGrantRow {
  viaRoles: { id: string; key: string; name: string; description: string | null; capabilities: string[] }[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'A tool the assistant would offer: one operation the policy allows.',
})
export class ToolPreview {
  @Field(() => String, { description: 'The tool name the model sees: "<endpoint slug>__<operation key>".' })
  name!: string;
  @Field(() => String, { description: 'The description the model sees.' }) description!: string;
  @Field(() => String) method!: string;
  @Field(() => String) path!: string;
  @Field(() => ApiEndpoint) endpoint!: ApiEndpoint;
  @Field(() => String) operationKey!: string;
  @Field(() => Boolean, {
    description: 'True when the operation changes data: the assistant only proposes it, the person confirms.',
  })
  writes!: boolean;
}

export interface ToolPreviewRow {
  name: string;
  description: string;
  method: string;
  path: string;
  endpointId: string;
  companyId: string;
  operationKey: string;
  writes: boolean;
}
