import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

@ObjectType({ simpleResolvers: true, description: 'A group claim value that gives a role in the company.' })
export class IdentityProviderGroupMapping {
  @Field(() => String, { description: 'The value in the ID token groups claim.' }) group!: string;
  @Field(() => ID) roleId!: string;
  @Field(() => String) roleKey!: string;
  @Field(() => String) roleName!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "A company's single sign-on over OpenID Connect. The client secret is never part of it.",
})
export class IdentityProviderSettings {
  @Field(() => ID) companyId!: string;
  @Field(() => Boolean, { description: 'False: the company has no single sign-on; the other fields are the defaults.' })
  configured!: boolean;
  @Field(() => String, { description: 'The issuer; its /.well-known/openid-configuration is read at sign-in.' })
  issuerUrl!: string;
  @Field(() => String) clientId!: string;
  @Field(() => Boolean, { description: 'Whether a client secret is stored (it is never shown).' })
  hasClientSecret!: boolean;
  @Field(() => [String], { description: 'Email domains whose people sign in through this provider.' })
  allowedDomains!: string[];
  @Field(() => Boolean, { description: "Whether the company's people may still sign in with a password." })
  passwordSignInAllowed!: boolean;
  @Field(() => Boolean, { description: 'First sign-in creates the account even without a group mapping.' })
  justInTimeProvisioning!: boolean;
  @Field(() => String, { description: 'The ID token claim that lists the groups.' }) groupsClaim!: string;
  @Field(() => Boolean, { description: 'Roles granted by hand are removed at sign-in too: the groups alone decide.' })
  groupsOnly!: boolean;
  @Field(() => [IdentityProviderGroupMapping]) groupMappings!: IdentityProviderGroupMapping[];
  @Field(() => DateTimeResolver, { nullable: true }) updatedAt!: Date | null;
}

@InputType({ description: "A company's single sign-on settings (replaces the previous ones)." })
export class IdentityProviderInput {
  @Field(() => String, { description: 'https (http only on 127.0.0.1 or localhost).' }) issuerUrl!: string;
  @Field(() => String) clientId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Write-only. Absent or null: keep the stored one; empty: remove it (PKCE only).',
  })
  clientSecret?: string | null;
  @Field(() => [String], { description: 'At least one; a domain belongs to one company only.' })
  allowedDomains!: string[];
  @Field(() => Boolean) passwordSignInAllowed!: boolean;
  @Field(() => Boolean) justInTimeProvisioning!: boolean;
  @Field(() => String) groupsClaim!: string;
  @Field(() => Boolean) groupsOnly!: boolean;
}

@InputType()
export class GroupMappingInput {
  @Field(() => String) group!: string;
  @Field(() => ID) roleId!: string;
}

export enum SignInMethodKind {
  PASSWORD = 'PASSWORD',
  SSO = 'SSO',
}

registerEnumType(SignInMethodKind, { name: 'SignInMethodKind' });

@ObjectType({
  simpleResolvers: true,
  description:
    "How an email signs in. Decided by the email's domain alone, so it tells nothing about whether an account exists.",
})
export class SignInMethod {
  @Field(() => SignInMethodKind) method!: SignInMethodKind;
  @Field(() => String, {
    nullable: true,
    description: "SSO: where the browser goes to start at the company's provider.",
  })
  startUrl!: string | null;
  @Field(() => Boolean, { description: 'Whether a password is accepted for this email.' })
  passwordAllowed!: boolean;
}
