import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

@ObjectType({ simpleResolvers: true, description: 'A company whose people and APIs Tessera manages.' })
export class Company {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Unique, lowercase, dashes: "acme".' }) slug!: string;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

@InputType()
export class CreateCompanyInput {
  @Field(() => String) name!: string;
  @Field(() => String) slug!: string;
}

@InputType()
export class UpdateCompanyInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) slug?: string | null;
}
