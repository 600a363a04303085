// What the Endpoints page shows of an endpoint and of an operation. The list query and the
// mutations that change them ask for the same fields, so a save updates the cached list as is.
import { graphql } from '../../../gql';

export const AdminEndpointFieldsFragment = graphql(`
  fragment AdminEndpointFields on ApiEndpoint {
    id
    name
    slug
    baseUrl
    description
    cacheTtlSeconds
    rateLimitPerMinute
    testOperationKey
    auth {
      credentialKinds
      schemes {
        type
        apiKeyIn
        apiKeyName
        flows
        authorizationUrl
        tokenUrl
        scopes
        openIdConnectUrl
      }
    }
  }
`);

export const AdminOperationFieldsFragment = graphql(`
  fragment AdminOperationFields on EndpointOperation {
    id
    key
    method
    path
    description
    paramsSchema
  }
`);
