/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

export type AccessLevel =
  /** no access */
  | 'NONE'
  /** GET operations */
  | 'READ'
  /** every operation, GET, POST, PUT, PATCH and DELETE */
  | 'WRITE';

export type ActionResult = {
  __typename?: 'ActionResult';
  action: PendingAction;
  result?: Maybe<UpstreamResult>;
};

export type ApiCredential = {
  __typename?: 'ApiCredential';
  company: Company;
  endpoint: ApiEndpoint;
  /** At most the last 4 characters of the secret. */
  hint?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: CredentialKind;
  lastTestedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** null: shared by every role of the company that may use the endpoint */
  role?: Maybe<Role>;
  /** Non-secret settings: header or query name, token URL, scope. */
  settings?: Maybe<Scalars['JSON']['output']>;
  /** "ok", "untested", "failing", "needs_reconnect" */
  status: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type ApiEndpoint = {
  __typename?: 'ApiEndpoint';
  baseUrl: Scalars['String']['output'];
  /** Seconds a GET response may be served from cache; 0: never. */
  cacheTtlSeconds: Scalars['Int']['output'];
  company: Company;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Unique within its company, e.g. "Sales API". */
  name: Scalars['String']['output'];
  operations: Array<EndpointOperation>;
  /** Upstream calls per minute for the company; null: the platform default (600). */
  rateLimitPerMinute?: Maybe<Scalars['Int']['output']>;
  /** Unique within its company, e.g. "sales-api". */
  slug: Scalars['String']['output'];
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** A JWT; send it as `Authorization: Bearer <token>`. */
  token: Scalars['String']['output'];
  user: User;
};

export type ChatReply = {
  __typename?: 'ChatReply';
  conversationId: Scalars['ID']['output'];
  message: Scalars['String']['output'];
  /** Which model answered: "offline-planner" or "openai:<model>". */
  model: Scalars['String']['output'];
  pendingActions: Array<PendingAction>;
  toolCalls: Array<ToolCallTrace>;
};

/** One event of a streamed chat: "token", "tool_call", "pending_action", "done" or "error". */
export type ChatStreamEvent = {
  __typename?: 'ChatStreamEvent';
  actionId?: Maybe<Scalars['ID']['output']>;
  /** error: its code */
  code?: Maybe<Scalars['String']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  /** done: the whole reply */
  reply?: Maybe<ChatReply>;
  /** token: a piece of the answer */
  text?: Maybe<Scalars['String']['output']>;
  toolCall?: Maybe<ToolCallTrace>;
  type: Scalars['String']['output'];
};

/** A company whose people and APIs Tessera manages. */
export type Company = {
  __typename?: 'Company';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Unique, lowercase, dashes: "acme". */
  slug: Scalars['String']['output'];
};

export type CreateCompanyInput = {
  name: Scalars['String']['input'];
  slug: Scalars['String']['input'];
};

export type CreateCredentialInput = {
  companyId: Scalars['ID']['input'];
  endpointId: Scalars['ID']['input'];
  kind: CredentialKind;
  name: Scalars['String']['input'];
  /** omit for a company-wide credential */
  roleId?: InputMaybe<Scalars['ID']['input']>;
  /** kind-specific: { apiKey, headerName? | queryParam? } | { token } | { username, password } | { clientId, clientSecret, tokenUrl, scope? } | { accessToken, refreshToken, expiresAt, tokenUrl, clientId, clientSecret? } */
  secret: Scalars['JSON']['input'];
};

export type CreateEndpointInput = {
  baseUrl: Scalars['String']['input'];
  cacheTtlSeconds?: InputMaybe<Scalars['Int']['input']>;
  companyId: Scalars['ID']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  operations?: InputMaybe<Array<CreateOperationInput>>;
  rateLimitPerMinute?: InputMaybe<Scalars['Int']['input']>;
  slug: Scalars['String']['input'];
};

export type CreateOperationInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  method: Scalars['String']['input'];
  paramsSchema?: InputMaybe<Scalars['JSON']['input']>;
  path: Scalars['String']['input'];
};

export type CreateUserInput = {
  email: Scalars['String']['input'];
  isPlatformAdmin?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  /** At least 12 characters. */
  password: Scalars['String']['input'];
};

export type CredentialKind =
  /** secret sent in a header or query parameter named by the credential */
  | 'API_KEY'
  /** Authorization: Basic base64(username:password) */
  | 'BASIC'
  /** Authorization: Bearer <secret> */
  | 'BEARER'
  /** client id + secret exchanged at tokenUrl, cached, renewed */
  | 'OAUTH2_CLIENT_CREDENTIALS'
  /** access + refresh token, refreshed at tokenUrl before expiry */
  | 'OAUTH2_REFRESH_TOKEN';

export type CredentialTestResult = {
  __typename?: 'CredentialTestResult';
  durationMs: Scalars['Float']['output'];
  message: Scalars['String']['output'];
  ok: Scalars['Boolean']['output'];
  /** upstream HTTP status, when one came back */
  status?: Maybe<Scalars['Int']['output']>;
};

/** An endpoint and the access level someone has to it. */
export type EndpointGrant = {
  __typename?: 'EndpointGrant';
  access: AccessLevel;
  endpoint: ApiEndpoint;
};

export type EndpointOperation = {
  __typename?: 'EndpointOperation';
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Unique within its endpoint, e.g. "listOpportunities". */
  key: Scalars['String']['output'];
  /** GET POST PUT PATCH DELETE */
  method: Scalars['String']['output'];
  /** JSON Schema of the parameters. */
  paramsSchema?: Maybe<Scalars['JSON']['output']>;
  /** e.g. "/opportunities/{id}" */
  path: Scalars['String']['output'];
};

/** A role held in a company. */
export type Membership = {
  __typename?: 'Membership';
  company: Company;
  role: Role;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Ask the assistant; it answers from the company's APIs with the caller's access. */
  chat: ChatReply;
  /** Execute exactly the stored request of a pending action, once; its owner only. */
  confirmAction: ActionResult;
  createCompany: Company;
  /** Store a credential; its secret is encrypted and never shown again. */
  createCredential: ApiCredential;
  createEndpoint: ApiEndpoint;
  createOperation: EndpointOperation;
  /** Platform admin: create a person who can sign in. */
  createUser: User;
  deleteCompany: Scalars['Boolean']['output'];
  deleteCredential: Scalars['Boolean']['output'];
  deleteEndpoint: Scalars['Boolean']['output'];
  deleteOperation: Scalars['Boolean']['output'];
  /** Give a person a role in a company (idempotent). */
  grantCompanyAccess: Membership;
  /** Sign in; the token goes in `Authorization: Bearer <token>`. */
  login: AuthPayload;
  /** Close a pending action without executing it; its owner only. */
  rejectAction: ActionResult;
  /** Take a role in a company away from a person. */
  revokeCompanyAccess: Scalars['Boolean']['output'];
  /** Replace the secret of a credential with a new one of the same kind. */
  rotateCredential: ApiCredential;
  setEndpointAccess: EndpointGrant;
  /** Call the endpoint with this credential and report; updates the credential's status. */
  testCredential: CredentialTestResult;
  updateCompany: Company;
  /** Rename a credential and/or replace its secret. */
  updateCredential: ApiCredential;
  updateEndpoint: ApiEndpoint;
  updateOperation: EndpointOperation;
  /** Run a POST, PUT, PATCH or DELETE operation; needs WRITE access. */
  writeOperation: UpstreamResult;
};


export type MutationChatArgs = {
  companyId: Scalars['ID']['input'];
  conversationId?: InputMaybe<Scalars['ID']['input']>;
  message: Scalars['String']['input'];
};


export type MutationConfirmActionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateCompanyArgs = {
  input: CreateCompanyInput;
};


export type MutationCreateCredentialArgs = {
  input: CreateCredentialInput;
};


export type MutationCreateEndpointArgs = {
  input: CreateEndpointInput;
};


export type MutationCreateOperationArgs = {
  endpointId: Scalars['ID']['input'];
  input: CreateOperationInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationDeleteCompanyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteCredentialArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteOperationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationGrantCompanyAccessArgs = {
  companyId: Scalars['ID']['input'];
  roleId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationRejectActionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeCompanyAccessArgs = {
  companyId: Scalars['ID']['input'];
  roleId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRotateCredentialArgs = {
  id: Scalars['ID']['input'];
  secret: Scalars['JSON']['input'];
};


export type MutationSetEndpointAccessArgs = {
  access: AccessLevel;
  companyId: Scalars['ID']['input'];
  endpointId: Scalars['ID']['input'];
  roleId: Scalars['ID']['input'];
};


export type MutationTestCredentialArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateCompanyArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCompanyInput;
};


export type MutationUpdateCredentialArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCredentialInput;
};


export type MutationUpdateEndpointArgs = {
  id: Scalars['ID']['input'];
  input: UpdateEndpointInput;
};


export type MutationUpdateOperationArgs = {
  id: Scalars['ID']['input'];
  input: UpdateOperationInput;
};


export type MutationWriteOperationArgs = {
  body?: InputMaybe<Scalars['JSON']['input']>;
  companyId: Scalars['ID']['input'];
  endpointId: Scalars['ID']['input'];
  operation: Scalars['String']['input'];
  params?: InputMaybe<Scalars['JSON']['input']>;
};

/** A write the assistant proposed: the exact request, awaiting its owner. */
export type PendingAction = {
  __typename?: 'PendingAction';
  /** { params, body } exactly as they will be sent */
  args: Scalars['JSON']['output'];
  createdAt: Scalars['DateTime']['output'];
  endpoint: ApiEndpoint;
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  operation: EndpointOperation;
  /** HTTP status of the executed request */
  resultStatus?: Maybe<Scalars['Int']['output']>;
  /** "pending", "executed", "rejected", "expired", "failed" */
  status: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Every company the caller may administer. */
  companies: Array<Company>;
  /** One company the caller belongs to or administers. */
  company: Company;
  /** Credential metadata of a company, by endpoint, role and name; its administrators only. */
  credentials: Array<ApiCredential>;
  /** One endpoint; its company's administrators only. */
  endpoint: ApiEndpoint;
  /** Every endpoint of a company; its administrators only. */
  endpoints: Array<ApiEndpoint>;
  /** The signed-in user. */
  me: User;
  /** The companies in which the caller holds a role. */
  myCompanies: Array<Company>;
  /** Metadata of the credentials used for the caller's calls in the company. */
  myCredentials: Array<ApiCredential>;
  /** What the caller may use in the company, READ or WRITE. */
  myEndpoints: Array<EndpointGrant>;
  /** The caller's actions in the company that still await a decision. */
  myPendingActions: Array<PendingAction>;
  /** Run a GET operation of one of the company's APIs with the caller's access and credential. */
  readOperation: UpstreamResult;
  /** Every endpoint of the company with the role's access, NONE included. */
  roleAccess: Array<EndpointGrant>;
  /** Every role; administrators only. */
  roles: Array<Role>;
  /** Administrators only: every user (platform admin) or the users of the companies one administers. */
  users: Array<User>;
};


export type QueryCompanyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCredentialsArgs = {
  companyId: Scalars['ID']['input'];
};


export type QueryEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEndpointsArgs = {
  companyId: Scalars['ID']['input'];
};


export type QueryMyCredentialsArgs = {
  companyId: Scalars['ID']['input'];
};


export type QueryMyEndpointsArgs = {
  companyId: Scalars['ID']['input'];
};


export type QueryMyPendingActionsArgs = {
  companyId: Scalars['ID']['input'];
};


export type QueryReadOperationArgs = {
  companyId: Scalars['ID']['input'];
  endpointId: Scalars['ID']['input'];
  operation: Scalars['String']['input'];
  params?: InputMaybe<Scalars['JSON']['input']>;
};


export type QueryRoleAccessArgs = {
  companyId: Scalars['ID']['input'];
  roleId: Scalars['ID']['input'];
};

/** A job function shared by all companies; what it may use is set per company. */
export type Role = {
  __typename?: 'Role';
  /** Administrative powers, e.g. "manage_company". */
  capabilities: Array<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Stable, lower snake case: "ceo", "developer", "data_admin". */
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** The same as chat, streamed: answer tokens, tool calls and proposed actions as they happen, then the reply. */
  chatStream: ChatStreamEvent;
};


export type SubscriptionChatStreamArgs = {
  companyId: Scalars['ID']['input'];
  conversationId?: InputMaybe<Scalars['ID']['input']>;
  message: Scalars['String']['input'];
};

/** One tool the assistant ran while answering. */
export type ToolCallTrace = {
  __typename?: 'ToolCallTrace';
  ok: Scalars['Boolean']['output'];
  status?: Maybe<Scalars['Int']['output']>;
  /** "<endpoint slug>__<operation key>" */
  tool: Scalars['String']['output'];
};

export type UpdateCompanyInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateCredentialInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new secret of the same kind; replaces the old one. */
  secret?: InputMaybe<Scalars['JSON']['input']>;
};

export type UpdateEndpointInput = {
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  cacheTtlSeconds?: InputMaybe<Scalars['Int']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  rateLimitPerMinute?: InputMaybe<Scalars['Int']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateOperationInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
  method?: InputMaybe<Scalars['String']['input']>;
  paramsSchema?: InputMaybe<Scalars['JSON']['input']>;
  path?: InputMaybe<Scalars['String']['input']>;
};

/** The answer of a company's API, through the gateway. */
export type UpstreamResult = {
  __typename?: 'UpstreamResult';
  /** Upstream requests made (0 when cached). */
  attempts: Scalars['Int']['output'];
  /** Served from the response cache. */
  cached: Scalars['Boolean']['output'];
  data?: Maybe<Scalars['JSON']['output']>;
  durationMs: Scalars['Float']['output'];
  status: Scalars['Int']['output'];
};

export type User = {
  __typename?: 'User';
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  isPlatformAdmin: Scalars['Boolean']['output'];
  /** The roles held, limited to the companies the viewer may see. */
  memberships: Array<Membership>;
  name: Scalars['String']['output'];
};

export type MyEndpointsQueryVariables = Exact<{
  companyId: Scalars['ID']['input'];
}>;


export type MyEndpointsQuery = { __typename?: 'Query', myEndpoints: Array<{ __typename?: 'EndpointGrant', access: AccessLevel, endpoint: { __typename?: 'ApiEndpoint', id: string, name: string, slug: string, description?: string | null, operations: Array<{ __typename?: 'EndpointOperation', id: string, key: string, method: string, path: string, description?: string | null }> } }> };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, name: string, email: string, isPlatformAdmin: boolean, memberships: Array<{ __typename?: 'Membership', company: { __typename?: 'Company', id: string, name: string }, role: { __typename?: 'Role', id: string, name: string } }> } };

export type SignInMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type SignInMutation = { __typename?: 'Mutation', login: { __typename?: 'AuthPayload', token: string, user: { __typename?: 'User', id: string, name: string } } };


export const MyEndpointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyEndpoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myEndpoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"companyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"operations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyEndpointsQuery, MyEndpointsQueryVariables>;
export const HomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Home"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"isPlatformAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;