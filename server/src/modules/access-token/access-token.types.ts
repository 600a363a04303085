import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Company } from '../company/company.types.ts';

export enum AccessTokenStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(AccessTokenStatus, {
  name: 'AccessTokenStatus',
  valuesConfig: {
    ACTIVE: { description: 'accepted as `Authorization: Bearer` until it expires or is revoked' },
    EXPIRED: { description: 'past expiresAt: refused' },
    REVOKED: { description: 'revoked by its owner: refused' },
  },
});

/** A personal access token, without the token: only its owner ever sees it, once, at creation. */
@ObjectType({
  simpleResolvers: true,
  description:
    'A personal access token: acts for its owner in one company, as `Authorization: Bearer` on /graphql and /mcp.',
})
export class AccessToken {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, {
    description: 'The first 12 characters of the token ("tsr_pat_" and 4 more), to recognise it.',
  })
  prefix!: string;
  @Field(() => ID) companyId!: string;
  @Field(() => Company, { description: 'The only company the token acts in.' }) company!: Company;
  @Field(() => Boolean, { description: 'A read-only token may call no mutation and no write operation.' })
  readOnly!: boolean;
  @Field(() => DateTimeResolver) expiresAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Last accepted use, to the minute.' })
  lastUsedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) revokedAt!: Date | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => AccessTokenStatus) status!: AccessTokenStatus;
}

@ObjectType({ simpleResolvers: true })
export class CreatedAccessToken {
  @Field(() => String, { description: 'The token (tsr_pat_...). Shown only in this answer: only its hash is kept.' })
  token!: string;
  @Field(() => AccessToken) accessToken!: AccessToken;
}

@InputType()
export class CreateAccessTokenInput {
  @Field(() => ID, { description: 'The one company the token acts in; the caller must hold a role there.' })
  companyId!: string;
  @Field(() => String, { description: 'What the token is for, e.g. "CI reporting".' }) name!: string;
  @Field(() => Boolean, { defaultValue: false, description: 'Refuse every change made with the token.' })
  readOnly!: boolean;
  @Field(() => Int, { defaultValue: 30, description: 'Lifetime in days, 1 to 365.' }) expiresInDays!: number;
}

/** An access_tokens row as the resolvers receive it (the hash is never selected). */
export interface AccessTokenRow {
  id: string;
  userId: string;
  companyId: string;
  name: string;
  prefix: string;
  readOnly: boolean;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}
