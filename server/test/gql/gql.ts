/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation CreateToken($input: CreateAccessTokenInput!) {\n  createAccessToken(input: $input) { token accessToken { id name prefix companyId company { slug } readOnly expiresAt lastUsedAt revokedAt createdAt status } }\n}": typeof types.CreateTokenDocument,
    "query Tokens($c: ID) { accessTokens(companyId: $c) { id name prefix status lastUsedAt company { slug } } }": typeof types.TokensDocument,
    "mutation RevokeToken($id: ID!) { revokeAccessToken(id: $id) { id status revokedAt } }": typeof types.RevokeTokenDocument,
    "query TokenHolder { me { email } }": typeof types.TokenHolderDocument,
    "query TokenCompanies { myCompanies { slug } }": typeof types.TokenCompaniesDocument,
    "query TokenEndpoints($c: ID!) { myEndpoints(companyId: $c) { access endpoint { slug } } }": typeof types.TokenEndpointsDocument,
    "query TokenRead($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: \"listAccounts\", params: { limit: 1 }) { status } }": typeof types.TokenReadDocument,
    "mutation TokenWrite($c: ID!, $e: ID!) { writeOperation(companyId: $c, endpointId: $e, operation: \"createOpportunity\", params: { name: \"x\", accountId: \"y\", amount: 1 }) { status } }": typeof types.TokenWriteDocument,
    "mutation TokenChat($c: ID!) { chat(companyId: $c, message: \"hello\") { message } }": typeof types.TokenChatDocument,
    "mutation TokenConfirm($id: ID!) { confirmAction(id: $id) { result { status } } }": typeof types.TokenConfirmDocument,
    "query Dashboard($companyId: ID!) {\n  dashboard(companyId: $companyId) {\n    company { slug }\n    generatedAt\n    widgets { id title caption kind operationKey value unit cached error series { label value } endpoint { slug name } }\n  }\n}": typeof types.DashboardDocument,
    "query DashboardRead($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {\n  readOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) { data }\n}": typeof types.DashboardReadDocument,
    "mutation DashboardSetAccess($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {\n  setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access }\n}": typeof types.DashboardSetAccessDocument,
    "mutation DashboardCreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { id } }": typeof types.DashboardCreateCredentialDocument,
    "mutation InviteForLink($input: InviteInput!) { inviteToCompany(input: $input) { emailed acceptUrl invitation { id } } }": typeof types.InviteForLinkDocument,
    "mutation ResendForLink($id: ID!) { resendInvitation(id: $id) { emailed acceptUrl } }": typeof types.ResendForLinkDocument,
    "query LookUpLink($t: String!) { invitation(token: $t) { email } }": typeof types.LookUpLinkDocument,
    "mutation DeclineLink($t: String!) { declineInvitation(token: $t) }": typeof types.DeclineLinkDocument,
    "mutation Invite($input: InviteInput!) {\n  inviteToCompany(input: $input) { emailed acceptUrl invitation { id email status roles { key } expiresAt sentAt } }\n}": typeof types.InviteDocument,
    "mutation ResendInvitation($id: ID!) { resendInvitation(id: $id) { emailed acceptUrl invitation { id status } } }": typeof types.ResendInvitationDocument,
    "mutation RevokeInvitation($id: ID!) { revokeInvitation(id: $id) { id status } }": typeof types.RevokeInvitationDocument,
    "query Invitations($c: ID!) { invitations(companyId: $c) { id email status roles { key } } }": typeof types.InvitationsDocument,
    "query LookUpInvitation($t: String!) { invitation(token: $t) { companyName roles email status } }": typeof types.LookUpInvitationDocument,
    "mutation AcceptInvitation($t: String!, $n: String, $p: String) {\n  acceptInvitation(token: $t, name: $n, password: $p) { token user { email name memberships { company { slug } role { key } } } }\n}": typeof types.AcceptInvitationDocument,
    "mutation DeclineInvitation($t: String!) { declineInvitation(token: $t) }": typeof types.DeclineInvitationDocument,
    "query Invitee { me { email memberships { company { slug } role { key } } } }": typeof types.InviteeDocument,
    "mutation GrantRole($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { company { slug } role { key } } }": typeof types.GrantRoleDocument,
    "query PeopleIdsAndEmails { users { id email } }": typeof types.PeopleIdsAndEmailsDocument,
    "query SessionHolder { me { email } }": typeof types.SessionHolderDocument,
    "mutation SessionLogout { logout }": typeof types.SessionLogoutDocument,
    "mutation SessionSignOutEverywhere($u: ID) { signOutEverywhere(userId: $u) }": typeof types.SessionSignOutEverywhereDocument,
    "mutation LiveToken($c: ID!) { createAccessToken(input: { companyId: $c, name: \"live\" }) { token accessToken { id } } }": typeof types.LiveTokenDocument,
    "mutation RevokeLiveToken($id: ID!) { revokeAccessToken(id: $id) { status } }": typeof types.RevokeLiveTokenDocument,
    "mutation SalesInboundSecret($e: ID!) { rotateInboundWebhookSecret(endpointId: $e) { secret } }": typeof types.SalesInboundSecretDocument,
    "mutation SessionPerson($i: CreateUserInput!) { createUser(input: $i) { id } }": typeof types.SessionPersonDocument,
    "mutation SessionPersonRole($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { role { key } } }": typeof types.SessionPersonRoleDocument,
    "mutation SessionPersonRoleGone($u: ID!, $c: ID!, $r: ID!) { revokeCompanyAccess(userId: $u, companyId: $c, roleId: $r) }": typeof types.SessionPersonRoleGoneDocument,
    "query PersonById($id: ID!) { user(id: $id) { id email name isPlatformAdmin memberships { company { slug } role { key } } } }": typeof types.PersonByIdDocument,
    "query PeopleIds { users { id } }": typeof types.PeopleIdsDocument,
    "mutation CreatePerson($input: CreateUserInput!) { createUser(input: $input) { id email isPlatformAdmin } }": typeof types.CreatePersonDocument,
};
const documents: Documents = {
    "mutation CreateToken($input: CreateAccessTokenInput!) {\n  createAccessToken(input: $input) { token accessToken { id name prefix companyId company { slug } readOnly expiresAt lastUsedAt revokedAt createdAt status } }\n}": types.CreateTokenDocument,
    "query Tokens($c: ID) { accessTokens(companyId: $c) { id name prefix status lastUsedAt company { slug } } }": types.TokensDocument,
    "mutation RevokeToken($id: ID!) { revokeAccessToken(id: $id) { id status revokedAt } }": types.RevokeTokenDocument,
    "query TokenHolder { me { email } }": types.TokenHolderDocument,
    "query TokenCompanies { myCompanies { slug } }": types.TokenCompaniesDocument,
    "query TokenEndpoints($c: ID!) { myEndpoints(companyId: $c) { access endpoint { slug } } }": types.TokenEndpointsDocument,
    "query TokenRead($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: \"listAccounts\", params: { limit: 1 }) { status } }": types.TokenReadDocument,
    "mutation TokenWrite($c: ID!, $e: ID!) { writeOperation(companyId: $c, endpointId: $e, operation: \"createOpportunity\", params: { name: \"x\", accountId: \"y\", amount: 1 }) { status } }": types.TokenWriteDocument,
    "mutation TokenChat($c: ID!) { chat(companyId: $c, message: \"hello\") { message } }": types.TokenChatDocument,
    "mutation TokenConfirm($id: ID!) { confirmAction(id: $id) { result { status } } }": types.TokenConfirmDocument,
    "query Dashboard($companyId: ID!) {\n  dashboard(companyId: $companyId) {\n    company { slug }\n    generatedAt\n    widgets { id title caption kind operationKey value unit cached error series { label value } endpoint { slug name } }\n  }\n}": types.DashboardDocument,
    "query DashboardRead($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {\n  readOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) { data }\n}": types.DashboardReadDocument,
    "mutation DashboardSetAccess($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {\n  setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access }\n}": types.DashboardSetAccessDocument,
    "mutation DashboardCreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { id } }": types.DashboardCreateCredentialDocument,
    "mutation InviteForLink($input: InviteInput!) { inviteToCompany(input: $input) { emailed acceptUrl invitation { id } } }": types.InviteForLinkDocument,
    "mutation ResendForLink($id: ID!) { resendInvitation(id: $id) { emailed acceptUrl } }": types.ResendForLinkDocument,
    "query LookUpLink($t: String!) { invitation(token: $t) { email } }": types.LookUpLinkDocument,
    "mutation DeclineLink($t: String!) { declineInvitation(token: $t) }": types.DeclineLinkDocument,
    "mutation Invite($input: InviteInput!) {\n  inviteToCompany(input: $input) { emailed acceptUrl invitation { id email status roles { key } expiresAt sentAt } }\n}": types.InviteDocument,
    "mutation ResendInvitation($id: ID!) { resendInvitation(id: $id) { emailed acceptUrl invitation { id status } } }": types.ResendInvitationDocument,
    "mutation RevokeInvitation($id: ID!) { revokeInvitation(id: $id) { id status } }": types.RevokeInvitationDocument,
    "query Invitations($c: ID!) { invitations(companyId: $c) { id email status roles { key } } }": types.InvitationsDocument,
    "query LookUpInvitation($t: String!) { invitation(token: $t) { companyName roles email status } }": types.LookUpInvitationDocument,
    "mutation AcceptInvitation($t: String!, $n: String, $p: String) {\n  acceptInvitation(token: $t, name: $n, password: $p) { token user { email name memberships { company { slug } role { key } } } }\n}": types.AcceptInvitationDocument,
    "mutation DeclineInvitation($t: String!) { declineInvitation(token: $t) }": types.DeclineInvitationDocument,
    "query Invitee { me { email memberships { company { slug } role { key } } } }": types.InviteeDocument,
    "mutation GrantRole($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { company { slug } role { key } } }": types.GrantRoleDocument,
    "query PeopleIdsAndEmails { users { id email } }": types.PeopleIdsAndEmailsDocument,
    "query SessionHolder { me { email } }": types.SessionHolderDocument,
    "mutation SessionLogout { logout }": types.SessionLogoutDocument,
    "mutation SessionSignOutEverywhere($u: ID) { signOutEverywhere(userId: $u) }": types.SessionSignOutEverywhereDocument,
    "mutation LiveToken($c: ID!) { createAccessToken(input: { companyId: $c, name: \"live\" }) { token accessToken { id } } }": types.LiveTokenDocument,
    "mutation RevokeLiveToken($id: ID!) { revokeAccessToken(id: $id) { status } }": types.RevokeLiveTokenDocument,
    "mutation SalesInboundSecret($e: ID!) { rotateInboundWebhookSecret(endpointId: $e) { secret } }": types.SalesInboundSecretDocument,
    "mutation SessionPerson($i: CreateUserInput!) { createUser(input: $i) { id } }": types.SessionPersonDocument,
    "mutation SessionPersonRole($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { role { key } } }": types.SessionPersonRoleDocument,
    "mutation SessionPersonRoleGone($u: ID!, $c: ID!, $r: ID!) { revokeCompanyAccess(userId: $u, companyId: $c, roleId: $r) }": types.SessionPersonRoleGoneDocument,
    "query PersonById($id: ID!) { user(id: $id) { id email name isPlatformAdmin memberships { company { slug } role { key } } } }": types.PersonByIdDocument,
    "query PeopleIds { users { id } }": types.PeopleIdsDocument,
    "mutation CreatePerson($input: CreateUserInput!) { createUser(input: $input) { id email isPlatformAdmin } }": types.CreatePersonDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateToken($input: CreateAccessTokenInput!) {\n  createAccessToken(input: $input) { token accessToken { id name prefix companyId company { slug } readOnly expiresAt lastUsedAt revokedAt createdAt status } }\n}"): typeof import('./graphql').CreateTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Tokens($c: ID) { accessTokens(companyId: $c) { id name prefix status lastUsedAt company { slug } } }"): typeof import('./graphql').TokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeToken($id: ID!) { revokeAccessToken(id: $id) { id status revokedAt } }"): typeof import('./graphql').RevokeTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokenHolder { me { email } }"): typeof import('./graphql').TokenHolderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokenCompanies { myCompanies { slug } }"): typeof import('./graphql').TokenCompaniesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokenEndpoints($c: ID!) { myEndpoints(companyId: $c) { access endpoint { slug } } }"): typeof import('./graphql').TokenEndpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokenRead($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: \"listAccounts\", params: { limit: 1 }) { status } }"): typeof import('./graphql').TokenReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TokenWrite($c: ID!, $e: ID!) { writeOperation(companyId: $c, endpointId: $e, operation: \"createOpportunity\", params: { name: \"x\", accountId: \"y\", amount: 1 }) { status } }"): typeof import('./graphql').TokenWriteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TokenChat($c: ID!) { chat(companyId: $c, message: \"hello\") { message } }"): typeof import('./graphql').TokenChatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TokenConfirm($id: ID!) { confirmAction(id: $id) { result { status } } }"): typeof import('./graphql').TokenConfirmDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dashboard($companyId: ID!) {\n  dashboard(companyId: $companyId) {\n    company { slug }\n    generatedAt\n    widgets { id title caption kind operationKey value unit cached error series { label value } endpoint { slug name } }\n  }\n}"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardRead($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {\n  readOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) { data }\n}"): typeof import('./graphql').DashboardReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DashboardSetAccess($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {\n  setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access }\n}"): typeof import('./graphql').DashboardSetAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DashboardCreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { id } }"): typeof import('./graphql').DashboardCreateCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InviteForLink($input: InviteInput!) { inviteToCompany(input: $input) { emailed acceptUrl invitation { id } } }"): typeof import('./graphql').InviteForLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResendForLink($id: ID!) { resendInvitation(id: $id) { emailed acceptUrl } }"): typeof import('./graphql').ResendForLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LookUpLink($t: String!) { invitation(token: $t) { email } }"): typeof import('./graphql').LookUpLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeclineLink($t: String!) { declineInvitation(token: $t) }"): typeof import('./graphql').DeclineLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Invite($input: InviteInput!) {\n  inviteToCompany(input: $input) { emailed acceptUrl invitation { id email status roles { key } expiresAt sentAt } }\n}"): typeof import('./graphql').InviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResendInvitation($id: ID!) { resendInvitation(id: $id) { emailed acceptUrl invitation { id status } } }"): typeof import('./graphql').ResendInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeInvitation($id: ID!) { revokeInvitation(id: $id) { id status } }"): typeof import('./graphql').RevokeInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Invitations($c: ID!) { invitations(companyId: $c) { id email status roles { key } } }"): typeof import('./graphql').InvitationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LookUpInvitation($t: String!) { invitation(token: $t) { companyName roles email status } }"): typeof import('./graphql').LookUpInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptInvitation($t: String!, $n: String, $p: String) {\n  acceptInvitation(token: $t, name: $n, password: $p) { token user { email name memberships { company { slug } role { key } } } }\n}"): typeof import('./graphql').AcceptInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeclineInvitation($t: String!) { declineInvitation(token: $t) }"): typeof import('./graphql').DeclineInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Invitee { me { email memberships { company { slug } role { key } } } }"): typeof import('./graphql').InviteeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation GrantRole($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { company { slug } role { key } } }"): typeof import('./graphql').GrantRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PeopleIdsAndEmails { users { id email } }"): typeof import('./graphql').PeopleIdsAndEmailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SessionHolder { me { email } }"): typeof import('./graphql').SessionHolderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionLogout { logout }"): typeof import('./graphql').SessionLogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionSignOutEverywhere($u: ID) { signOutEverywhere(userId: $u) }"): typeof import('./graphql').SessionSignOutEverywhereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveToken($c: ID!) { createAccessToken(input: { companyId: $c, name: \"live\" }) { token accessToken { id } } }"): typeof import('./graphql').LiveTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeLiveToken($id: ID!) { revokeAccessToken(id: $id) { status } }"): typeof import('./graphql').RevokeLiveTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SalesInboundSecret($e: ID!) { rotateInboundWebhookSecret(endpointId: $e) { secret } }"): typeof import('./graphql').SalesInboundSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionPerson($i: CreateUserInput!) { createUser(input: $i) { id } }"): typeof import('./graphql').SessionPersonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionPersonRole($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { role { key } } }"): typeof import('./graphql').SessionPersonRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionPersonRoleGone($u: ID!, $c: ID!, $r: ID!) { revokeCompanyAccess(userId: $u, companyId: $c, roleId: $r) }"): typeof import('./graphql').SessionPersonRoleGoneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PersonById($id: ID!) { user(id: $id) { id email name isPlatformAdmin memberships { company { slug } role { key } } } }"): typeof import('./graphql').PersonByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PeopleIds { users { id } }"): typeof import('./graphql').PeopleIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreatePerson($input: CreateUserInput!) { createUser(input: $input) { id email isPlatformAdmin } }"): typeof import('./graphql').CreatePersonDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
