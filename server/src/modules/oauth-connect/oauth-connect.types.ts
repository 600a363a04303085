import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

/** One provider of the Connect catalogue (modules/oauth-connect/presets/<key>.json). */
@ObjectType({ simpleResolvers: true })
export class OAuthProviderPreset {
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;
  @Field(() => String) authorizationUrl!: string;
  @Field(() => String) tokenUrl!: string;
  @Field(() => [String]) defaultScopes!: string[];
  @Field(() => String, { description: '" " or ","' }) scopeSeparator!: string;
  @Field(() => Boolean, { description: 'The provider documents PKCE: an S256 code_challenge is sent.' }) pkce!: boolean;
  @Field(() => String, { description: '"client_secret_post" or "client_secret_basic"' }) tokenAuthMethod!: string;
  @Field(() => String, { description: 'How the access token is sent to the API: "authorization_bearer".' })
  tokenPlacement!: string;
  @Field(() => JSONResolver, { nullable: true, description: 'Fixed query parameters of the authorization URL.' })
  extraAuthorizeParams!: Record<string, string> | null;
  @Field(() => String, { description: '"always", "with_scope", "optional" or "never"' }) refreshTokens!: string;
  @Field(() => Boolean, { description: 'A refresh returns a new refresh token; the old one stops working.' })
  rotatingRefreshTokens!: boolean;
  @Field(() => Int, { nullable: true }) accessTokenLifetimeSeconds!: number | null;
  @Field(() => String, { nullable: true }) refreshNotes!: string | null;
  @Field(() => String) documentationUrl!: string;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

/** A company's OAuth client at a provider. The client secret is write-only: only its hint shows. */
@ObjectType({ simpleResolvers: true })
export class OAuthApp {
  @Field(() => ID) id!: string;
  @Field(() => ID) companyId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'A preset key, or "custom".' }) provider!: string;
  @Field(() => String) authorizationUrl!: string;
  @Field(() => String) tokenUrl!: string;
  @Field(() => String, { description: 'Scopes asked for when Connect names none.' }) scopes!: string;
  @Field(() => String) tokenAuthMethod!: string;
  @Field(() => Boolean) usePkce!: boolean;
  @Field(() => String) clientId!: string;
  @Field(() => String, { nullable: true, description: 'At most the last 4 characters of the client secret.' })
  hint!: string | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver) updatedAt!: Date;
}

@InputType()
export class CreateOAuthAppInput {
  @Field(() => ID) companyId!: string;
  @Field(() => String, { description: 'A preset key (oauthProviderPresets) or "custom".' }) provider!: string;
  @Field(() => String, { nullable: true, description: "default: the preset's name" }) name?: string | null;
  @Field(() => String) clientId!: string;
  @Field(() => String, { description: 'Sealed by the vault; never shown again.' }) clientSecret!: string;
  @Field(() => String, { nullable: true, description: "default: the preset's default scopes" }) scopes?: string | null;
  @Field(() => String, { nullable: true, description: 'custom only' }) authorizationUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'custom only' }) tokenUrl?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'custom only: client_secret_post (default) or client_secret_basic',
  })
  tokenAuthMethod?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Send PKCE (default: on where the provider supports it).' })
  usePkce?: boolean | null;
}

@InputType()
export class UpdateOAuthAppInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) clientId?: string | null;
  @Field(() => String, { nullable: true, description: 'A new client secret; replaces the old one.' })
  clientSecret?: string | null;
  @Field(() => String, { nullable: true }) scopes?: string | null;
  @Field(() => String, { nullable: true, description: 'custom only' }) authorizationUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'custom only' }) tokenUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'custom only' }) tokenAuthMethod?: string | null;
  @Field(() => Boolean, { nullable: true }) usePkce?: boolean | null;
}

@InputType()
export class StartOAuthConnectInput {
  @Field(() => ID) companyId!: string;
  @Field(() => ID) endpointId!: string;
  @Field(() => ID, { nullable: true, description: 'omit for a company-wide credential' }) roleId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The OAuth app; or name its provider instead.' }) appId?:
    | string
    | null;
  @Field(() => String, { nullable: true, description: "The company's first app of this provider." })
  provider?: string | null;
  @Field(() => String, { nullable: true, description: "default: the app's scopes" }) scopes?: string | null;
  @Field(() => String, { description: 'A path of the web app to come back to, e.g. /admin/credentials.' })
  returnTo!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Reconnect: the credential whose tokens are replaced (same id, grants, history).',
  })
  credentialId?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class OAuthConnectStart {
  @Field(() => String, { description: "Send the browser here: the provider's consent page." })
  authorizationUrl!: string;
  @Field(() => DateTimeResolver, { description: 'The state stops working at this time (10 minutes).' })
  expiresAt!: Date;
  @Field(() => String, { description: 'The redirect URL this Connect uses: register it at the provider.' })
  redirectUri!: string;
}
