import { Field, ObjectType } from 'type-graphql';
import { Company } from '../company/company.types.ts';
import { Role } from '../role/role.types.ts';

@ObjectType({ simpleResolvers: true, description: 'A role held in a company.' })
export class Membership {
  @Field(() => Company) company!: Company;
  @Field(() => Role) role!: Role;
}

/** What resolvers return for a Membership; the fields above are resolved from the ids. */
export interface MembershipRow {
  userId: string;
  companyId: string;
  roleId: string;
}
