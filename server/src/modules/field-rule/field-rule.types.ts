import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { EndpointOperation } from '../endpoint/endpoint.types.ts';
import { Role } from '../role/role.types.ts';

export enum FieldRuleMode {
  ALLOW = 'ALLOW',
  REMOVE = 'REMOVE',
}

registerEnumType(FieldRuleMode, {
  name: 'FieldRuleMode',
  description: 'How a response field rule reads its paths.',
  valuesConfig: {
    ALLOW: { description: 'The role sees only the listed paths (and the objects and arrays leading to them).' },
    REMOVE: { description: 'The role sees everything but the listed paths.' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description:
    "Which fields of one operation's answer a role may see in one company; applied by the gateway to every call.",
})
export class FieldRule {
  @Field(() => ID) id!: string;
  @Field(() => EndpointOperation) operation!: EndpointOperation;
  @Field(() => Role) role!: Role;
  @Field(() => FieldRuleMode) mode!: FieldRuleMode;
  @Field(() => [String], {
    description:
      'JSON paths: keys separated by dots, [] after a key for every element of an array, e.g. "data[].customer.email".',
  })
  paths!: string[];
  @Field(() => DateTimeResolver) updatedAt!: Date;
}

@InputType({ description: "Sets (creates or replaces) a role's field rule on one operation." })
export class SetFieldRuleInput {
  @Field(() => ID, { description: 'The operation whose answers the rule filters.' }) operationId!: string;
  @Field(() => ID, { description: 'The role the rule applies to (the role whose grant is used for the call).' })
  roleId!: string;
  @Field(() => ID, { description: 'The company the operation belongs to.' }) companyId!: string;
  @Field(() => FieldRuleMode) mode!: FieldRuleMode;
  @Field(() => [String], { description: 'At most 100 paths of at most 200 characters; no wildcards other than [].' })
  paths!: string[];
}
