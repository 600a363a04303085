// The GraphQL operations of Connect (OAuth apps, presets, starting a Connect).
import { graphql } from '../../../../gql';

export const OAuthConnectQuery = graphql(`
  query OAuthConnect($companyId: ID!) {
    oauthApps(companyId: $companyId) {
      id
      name
      provider
      authorizationUrl
      tokenUrl
      scopes
      clientId
      hint
      usePkce
    }
    oauthProviderPresets {
      key
      name
      defaultScopes
      scopeSeparator
      pkce
      refreshTokens
      rotatingRefreshTokens
      accessTokenLifetimeSeconds
      refreshNotes
      documentationUrl
      notes
    }
    oauthRedirectUri
  }
`);

export const CreateOAuthAppMutation = graphql(`
  mutation CreateOAuthApp($input: CreateOAuthAppInput!) {
    createOAuthApp(input: $input) {
      id
      name
    }
  }
`);

export const ReplaceOAuthAppSecretMutation = graphql(`
  mutation ReplaceOAuthAppSecret($id: ID!, $clientSecret: String!) {
    updateOAuthApp(id: $id, input: { clientSecret: $clientSecret }) {
      id
      hint
    }
  }
`);

export const DeleteOAuthAppMutation = graphql(`
  mutation DeleteOAuthApp($id: ID!) {
    deleteOAuthApp(id: $id)
  }
`);

export const StartOAuthConnectMutation = graphql(`
  mutation StartOAuthConnect($input: StartOAuthConnectInput!) {
    startOAuthConnect(input: $input) {
      authorizationUrl
    }
  }
`);
