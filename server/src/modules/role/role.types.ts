import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'A job function shared by all companies; what it may use is set per company.',
})
export class Role {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Stable, lower snake case: "ceo", "developer", "data_admin".' }) key!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [String], { description: 'Administrative powers, e.g. "manage_company".' }) capabilities!: string[];
}
