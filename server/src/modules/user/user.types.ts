import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Membership } from '../membership/membership.types.ts';

@ObjectType({ simpleResolvers: true })
export class User {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean) isPlatformAdmin!: boolean;
  @Field(() => [Membership], { description: 'The roles held, limited to the companies the viewer may see.' })
  memberships!: Membership[];
}

@ObjectType({ simpleResolvers: true })
export class AuthPayload {
  @Field(() => String, { description: 'A JWT; send it as `Authorization: Bearer <token>`.' }) token!: string;
  @Field(() => User) user!: User;
}

@InputType()
export class CreateUserInput {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'At least 12 characters.' }) password!: string;
  @Field(() => Boolean, { nullable: true }) isPlatformAdmin?: boolean | null;
}
