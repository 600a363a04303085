import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { Company } from '../company/company.types.ts';
import { ApiEndpoint } from '../endpoint/endpoint.types.ts';
import { Role } from '../role/role.types.ts';
import { CredentialKind } from '../../vault/credential-kinds.ts';

registerEnumType(CredentialKind, {
  name: 'CredentialKind',
  valuesConfig: {
    API_KEY: { description: 'secret sent in a header or query parameter named by the credential' },
    BEARER: { description: 'Authorization: Bearer <secret>' },
    BASIC: { description: 'Authorization: Basic base64(username:password)' },
    OAUTH2_CLIENT_CREDENTIALS: { description: 'client id + secret exchanged at tokenUrl, cached, renewed' },
    OAUTH2_REFRESH_TOKEN: { description: 'access + refresh token, refreshed at tokenUrl before expiry' },
  },
});

/** Metadata only: the secret never leaves the server. */
@ObjectType({ simpleResolvers: true })
export class ApiCredential {
  @Field(() => ID) id!: string;
  @Field(() => Company) company!: Company;
  @Field(() => Role, {
    nullable: true,
    description: 'null: shared by every role of the company that may use the endpoint',
  })
  role!: Role | null;
  @Field(() => ApiEndpoint) endpoint!: ApiEndpoint;
  @Field(() => String) name!: string;
  @Field(() => CredentialKind) kind!: CredentialKind;
  @Field(() => String, { nullable: true, description: 'At most the last 4 characters of the secret.' }) hint!:
    | string
    | null;
  @Field(() => String, { description: '"ok", "untested", "failing", "needs_reconnect"' }) status!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Why the status is what it is, when it alone does not say: "origin_changed" (the endpoint\'s base URL moved to another origin than `origin`; nothing is sent with this credential until an administrator replaces the secret or confirms it for the new origin with confirmCredentialOrigin).',
  })
  statusReason!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The origin (scheme://host:port) the secret was entered or confirmed for: the only one it is sent to.',
  })
  origin!: string | null;
  @Field(() => DateTimeResolver) updatedAt!: Date;
  @Field(() => JSONResolver, {
    nullable: true,
    description: 'Non-secret settings: header or query name, token URL, scope.',
  })
  settings!: unknown;
  @Field(() => DateTimeResolver, { nullable: true }) lastTestedAt!: Date | null;
}

@InputType()
export class CreateCredentialInput {
  @Field(() => ID) companyId!: string;
  @Field(() => ID, { nullable: true, description: 'omit for a company-wide credential' }) roleId?: string | null;
  @Field(() => ID) endpointId!: string;
  @Field(() => String) name!: string;
  @Field(() => CredentialKind) kind!: CredentialKind;
  @Field(() => JSONResolver, {
    description:
      'kind-specific: { apiKey, headerName? | queryParam? } | { token } | { username, password } | { clientId, clientSecret, tokenUrl, scope? } | { accessToken, refreshToken, expiresAt, tokenUrl, clientId, clientSecret? }',
  })
  secret!: unknown;
}

@InputType()
export class UpdateCredentialInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => JSONResolver, { nullable: true, description: 'A new secret of the same kind; replaces the old one.' })
  secret?: unknown;
}

@ObjectType({ simpleResolvers: true })
export class CredentialTestResult {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => Int, { nullable: true, description: 'upstream HTTP status, when one came back' }) status!: number | null;
  @Field(() => Float) durationMs!: number;
  @Field(() => String) message!: string;
}

export interface CredentialRow {
  id: string;
  companyId: string;
  roleId: string | null;
  endpointId: string;
  name: string;
  kind: string;
  hint: string | null;
  status: string;
  statusReason: string | null;
  origin: string | null;
  updatedAt: Date;
  settings: unknown;
  lastTestedAt: Date | null;
}
