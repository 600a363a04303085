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
    "mutation GrantRole($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { company { slug } role { key } } }": typeof types.GrantRoleDocument,
    "query PeopleIdsAndEmails { users { id email } }": typeof types.PeopleIdsAndEmailsDocument,
    "query PersonById($id: ID!) { user(id: $id) { id email name isPlatformAdmin memberships { company { slug } role { key } } } }": typeof types.PersonByIdDocument,
    "query PeopleIds { users { id } }": typeof types.PeopleIdsDocument,
    "mutation CreatePerson($input: CreateUserInput!) { createUser(input: $input) { id email isPlatformAdmin } }": typeof types.CreatePersonDocument,
};
const documents: Documents = {
    "mutation GrantRole($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { company { slug } role { key } } }": types.GrantRoleDocument,
    "query PeopleIdsAndEmails { users { id email } }": types.PeopleIdsAndEmailsDocument,
    "query PersonById($id: ID!) { user(id: $id) { id email name isPlatformAdmin memberships { company { slug } role { key } } } }": types.PersonByIdDocument,
    "query PeopleIds { users { id } }": types.PeopleIdsDocument,
    "mutation CreatePerson($input: CreateUserInput!) { createUser(input: $input) { id email isPlatformAdmin } }": types.CreatePersonDocument,
};

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
