import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Role } from '../role/role.types.ts';
import { User } from '../user/user.types.ts';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  valuesConfig: {
    PENDING: { description: 'sent; its link works until expiresAt' },
    ACCEPTED: { description: 'accepted: the person holds its roles' },
    DECLINED: { description: 'declined by the person' },
    REVOKED: { description: 'withdrawn by an administrator' },
    EXPIRED: { description: 'not answered before expiresAt: its link no longer works (resend makes a new one)' },
  },
});

/** An invitation as its company's administrators see it: never its token. */
@ObjectType({
  simpleResolvers: true,
  description: 'An invitation of an email address to a company with roles. It grants nothing until accepted.',
})
export class Invitation {
  @Field(() => ID) id!: string;
  @Field(() => ID) companyId!: string;
  @Field(() => String, { description: 'Lower-case.' }) email!: string;
  @Field(() => [Role], { description: 'The roles the person gets in the company on accepting.' }) roles!: Role[];
  @Field(() => InvitationStatus) status!: InvitationStatus;
  @Field(() => DateTimeResolver, { description: 'When the current link was sent (created or last resent).' })
  sentAt!: Date;
  @Field(() => DateTimeResolver) expiresAt!: Date;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class InvitationSent {
  @Field(() => Invitation) invitation!: Invitation;
  @Field(() => Boolean, { description: 'True when the link went out by mail (SMTP_URL is set).' }) emailed!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'The accept link, only when no mail server is configured: pass it on to the person yourself. Null when it was mailed.',
  })
  acceptUrl!: string | null;
}

/** What the holder of an invitation link may see: nothing but what they are invited to. */
@ObjectType({ simpleResolvers: true, description: 'An invitation, as its link shows it to the person invited.' })
export class InvitationPreview {
  @Field(() => String) companyName!: string;
  @Field(() => [String], { description: 'The names of the roles offered.' }) roles!: string[];
  @Field(() => String) email!: string;
  @Field(() => InvitationStatus) status!: InvitationStatus;
}

@ObjectType({ simpleResolvers: true })
export class InvitationAcceptance {
  @Field(() => String, {
    nullable: true,
    description:
      'A session for the account the invitation created (send it as `Authorization: Bearer`); null when the caller was already signed in as the invited account.',
  })
  token!: string | null;
  @Field(() => User) user!: User;
}

@InputType()
export class InviteInput {
  @Field(() => ID) companyId!: string;
  @Field(() => String) email!: string;
  @Field(() => [ID], { description: 'One or more roles (at most 20) the person gets in the company.' })
  roleIds!: string[];
}
