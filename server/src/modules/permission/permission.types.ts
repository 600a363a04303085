import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ApiEndpoint, type EndpointRow } from '../endpoint/endpoint.types.ts';

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

@ObjectType({ description: 'An endpoint and the access level someone has to it.' })
export class EndpointGrant {
  @Field(() => ApiEndpoint) endpoint!: ApiEndpoint;
  @Field(() => AccessLevel) access!: AccessLevel;
}

export interface EndpointGrantRow {
  endpoint: EndpointRow;
  access: AccessLevel;
}
