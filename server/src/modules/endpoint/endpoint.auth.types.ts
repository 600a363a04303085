// The GraphQL face of an endpoint's declared authentication (endpoint.auth.ts).
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CredentialKind } from '../../vault/credential-kinds.ts';
import { EndpointAuthType } from './endpoint.auth.ts';

registerEnumType(EndpointAuthType, {
  name: 'EndpointAuthType',
  valuesConfig: {
    API_KEY: { description: 'a key in a header or query parameter (apiKeyIn, apiKeyName)' },
    HTTP_BEARER: { description: 'Authorization: Bearer <token>' },
    HTTP_BASIC: { description: 'Authorization: Basic base64(username:password)' },
    OAUTH2: { description: 'OAuth2 (flows, authorizationUrl, tokenUrl, scopes)' },
    OPEN_ID_CONNECT: { description: 'OpenID Connect (openIdConnectUrl: its discovery document)' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'One way the API accepts to be called.' })
export class EndpointAuthScheme {
  @Field(() => EndpointAuthType) type!: EndpointAuthType;
  @Field(() => String, { nullable: true, description: 'API_KEY: "header" or "query".' }) apiKeyIn!: string | null;
  @Field(() => String, { nullable: true, description: 'API_KEY: the header or query parameter name.' })
  apiKeyName!: string | null;
  @Field(() => [String], {
    description: 'OAUTH2: the grant flows (authorizationCode, clientCredentials, implicit, password); empty: any.',
  })
  flows!: string[];
  @Field(() => String, { nullable: true }) authorizationUrl!: string | null;
  @Field(() => String, { nullable: true }) tokenUrl!: string | null;
  @Field(() => [String]) scopes!: string[];
  @Field(() => String, { nullable: true, description: 'OPEN_ID_CONNECT: the discovery document URL.' })
  openIdConnectUrl!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "How the endpoint's API authenticates." })
export class EndpointAuth {
  @Field(() => [EndpointAuthScheme], { description: 'Any one of them is enough; empty: the API needs no credential.' })
  schemes!: EndpointAuthScheme[];
  @Field(() => [CredentialKind], { description: 'The credential kinds that fit, in the order a form offers them.' })
  credentialKinds!: CredentialKind[];
}

@InputType()
export class EndpointAuthSchemeInput {
  @Field(() => EndpointAuthType) type!: EndpointAuthType;
  @Field(() => String, { nullable: true }) apiKeyIn?: string | null;
  @Field(() => String, { nullable: true }) apiKeyName?: string | null;
  @Field(() => [String], { nullable: true }) flows?: string[] | null;
  @Field(() => String, { nullable: true }) authorizationUrl?: string | null;
  @Field(() => String, { nullable: true }) tokenUrl?: string | null;
  @Field(() => [String], { nullable: true }) scopes?: string[] | null;
  @Field(() => String, { nullable: true }) openIdConnectUrl?: string | null;
}

@InputType()
export class EndpointAuthInput {
  @Field(() => [EndpointAuthSchemeInput], { description: 'Empty: the API needs no credential.' })
  schemes!: EndpointAuthSchemeInput[];
}
