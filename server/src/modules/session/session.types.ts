import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'A demo persona shown on the sign-in page of a demo installation.' })
export class DemoLogin {
  @Field(() => String)
  email!: string;

  @Field(() => String, { description: 'Who this persona is, e.g. "CEO at Acme and at Globex".' })
  note!: string;
}
