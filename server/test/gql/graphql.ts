/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** A personal access token: acts for its owner in one company, as `Authorization: Bearer` on /graphql and /mcp. */
export type AccessToken = {
  __typename?: 'AccessToken';
  /** The only company the token acts in. */
  company: Company;
  companyId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Last accepted use, to the minute. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The first 12 characters of the token ("tsr_pat_" and 4 more), to recognise it. */
  prefix: Scalars['String']['output'];
  /** A read-only token may call no mutation and no write operation. */
  readOnly: Scalars['Boolean']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  status: AccessTokenStatus;
};

export type AccessTokenStatus =
  /** accepted as `Authorization: Bearer` until it expires or is revoked */
  | 'ACTIVE'
  /** past expiresAt: refused */
  | 'EXPIRED'
  /** revoked by its owner: refused */
  | 'REVOKED';

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
  /** The origin (scheme://host:port) the secret was entered or confirmed for: the only one it is sent to. */
  origin?: Maybe<Scalars['String']['output']>;
  /** null: shared by every role of the company that may use the endpoint */
  role?: Maybe<Role>;
  /** Non-secret settings: header or query name, token URL, scope. */
  settings?: Maybe<Scalars['JSON']['output']>;
  /** "ok", "untested", "failing", "needs_reconnect" */
  status: Scalars['String']['output'];
  /** Why the status is what it is, when it alone does not say: "origin_changed" (the endpoint's base URL moved to another origin than `origin`; nothing is sent with this credential until an administrator replaces the secret or confirms it for the new origin with confirmCredentialOrigin). */
  statusReason?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

export type ApiEndpoint = {
  __typename?: 'ApiEndpoint';
  /** How the endpoint's API authenticates; null: not declared (every credential kind is accepted). */
  auth?: Maybe<EndpointAuth>;
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
  /** The operation a credential test calls; null: the first GET operation that needs no parameter. */
  testOperationKey?: Maybe<Scalars['String']['output']>;
};

/** Who made a change: as recorded then, with the name while the user still exists. */
export type AuditActor = {
  __typename?: 'AuditActor';
  /** The email recorded with the change (for a failed sign-in: the one typed). */
  email?: Maybe<Scalars['String']['output']>;
  /** null when nobody was signed in (a failed sign-in). */
  id?: Maybe<Scalars['ID']['output']>;
  /** The current name, while the user exists. */
  name?: Maybe<Scalars['String']['output']>;
};

/** Audit entries, newest first. */
export type AuditLogConnection = {
  __typename?: 'AuditLogConnection';
  edges: Array<AuditLogEdge>;
  pageInfo: PageInfo;
};

export type AuditLogEdge = {
  __typename?: 'AuditLogEdge';
  cursor: Scalars['String']['output'];
  node: AuditLogEntry;
};

/** One recorded change. Details never hold secrets. */
export type AuditLogEntry = {
  __typename?: 'AuditLogEntry';
  /** What happened, "<thing>.<verb>": "permission.set", "credential.create", "auth.login", ... */
  action: Scalars['String']['output'];
  actor?: Maybe<AuditActor>;
  /** null for platform-wide entries and for companies since deleted. */
  company?: Maybe<Company>;
  /** The company the change belongs to; null for platform-wide changes (sign-ins, users). */
  companyId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  details?: Maybe<Scalars['JSON']['output']>;
  id: Scalars['ID']['output'];
  /** The request that made the change (the x-request-id header). */
  requestId?: Maybe<Scalars['String']['output']>;
  targetId?: Maybe<Scalars['String']['output']>;
  /** "company", "endpoint", "operation", "credential", "user", "pending_action" */
  targetType?: Maybe<Scalars['String']['output']>;
};

/** Every given condition must hold. */
export type AuditLogFilter = {
  /** An exact action ("permission.set"), or a family ending in "." ("credential."). */
  action?: InputMaybe<Scalars['String']['input']>;
  /** Changes made by this user. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** At or after this time. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Changes to this kind of thing ("credential"). */
  targetType?: InputMaybe<Scalars['String']['input']>;
  /** Before this time. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
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

export type CreateAccessTokenInput = {
  /** The one company the token acts in; the caller must hold a role there. */
  companyId: Scalars['ID']['input'];
  /** Lifetime in days, 1 to 365. */
  expiresInDays?: Scalars['Int']['input'];
  /** What the token is for, e.g. "CI reporting". */
  name: Scalars['String']['input'];
  /** Refuse every change made with the token. */
  readOnly?: Scalars['Boolean']['input'];
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
  /** How the API authenticates; omit: not declared. */
  auth?: InputMaybe<EndpointAuthInput>;
  baseUrl: Scalars['String']['input'];
  cacheTtlSeconds?: InputMaybe<Scalars['Int']['input']>;
  companyId: Scalars['ID']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  operations?: InputMaybe<Array<CreateOperationInput>>;
  rateLimitPerMinute?: InputMaybe<Scalars['Int']['input']>;
  slug: Scalars['String']['input'];
  /** The operation a credential test calls. */
  testOperationKey?: InputMaybe<Scalars['String']['input']>;
};

export type CreateOAuthAppInput = {
  /** custom only */
  authorizationUrl?: InputMaybe<Scalars['String']['input']>;
  clientId: Scalars['String']['input'];
  /** Sealed by the vault; never shown again. */
  clientSecret: Scalars['String']['input'];
  companyId: Scalars['ID']['input'];
  /** default: the preset's name */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A preset key (oauthProviderPresets) or "custom". */
  provider: Scalars['String']['input'];
  /** default: the preset's default scopes */
  scopes?: InputMaybe<Scalars['String']['input']>;
  /** custom only: client_secret_post (default) or client_secret_basic */
  tokenAuthMethod?: InputMaybe<Scalars['String']['input']>;
  /** custom only */
  tokenUrl?: InputMaybe<Scalars['String']['input']>;
  /** Send PKCE (default: on where the provider supports it). */
  usePkce?: InputMaybe<Scalars['Boolean']['input']>;
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

export type CreatedAccessToken = {
  __typename?: 'CreatedAccessToken';
  accessToken: AccessToken;
  /** The token (tsr_pat_...). Shown only in this answer: only its hash is kept. */
  token: Scalars['String']['output'];
};

export type CreatedWebhookSubscription = {
  __typename?: 'CreatedWebhookSubscription';
  /** The whsec_ signing secret (Standard Webhooks). Shown only in this answer: store it now. */
  secret: Scalars['String']['output'];
  subscription: WebhookSubscription;
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

/** The caller's dashboard of one company: widgets from the operations they may read there. */
export type Dashboard = {
  __typename?: 'Dashboard';
  company: Company;
  generatedAt: Scalars['DateTime']['output'];
  /** Most relevant to the caller's roles first. Empty: no readable operation has a dashboard metric. */
  widgets: Array<DashboardWidget>;
};

export type DashboardPoint = {
  __typename?: 'DashboardPoint';
  label: Scalars['String']['output'];
  /** What this point's colour means, from the widget's colours; null: not said. */
  meaning?: Maybe<SeriesMeaning>;
  value: Scalars['Float']['output'];
};

/** One card of a dashboard: a metric derived from one operation the caller may read. */
export type DashboardWidget = {
  __typename?: 'DashboardWidget';
  /** Every upstream answer behind it came from the response cache. */
  cached: Scalars['Boolean']['output'];
  caption?: Maybe<Scalars['String']['output']>;
  /** The widget definition (DashboardWidgetDefinition) this card shows. */
  definitionId: Scalars['ID']['output'];
  /** The endpoint the numbers come from. */
  endpoint: ApiEndpoint;
  /** Why this widget has no numbers (its upstream call failed); the other widgets are unaffected. */
  error?: Maybe<Scalars['String']['output']>;
  /** How to write the numbers; null: a plain number. */
  format?: Maybe<WidgetFormat>;
  /** Stable and unique: "<company slug>__<endpoint slug>__<operation key>__<metric>". */
  id: Scalars['ID']['output'];
  kind: DashboardWidgetKind;
  operationKey: Scalars['String']['output'];
  /** The same number one period earlier (DELTA cards). */
  previous?: Maybe<Scalars['Float']['output']>;
  /** Seconds between refreshes this widget asks for; null: on events and when opened. */
  refreshSeconds?: Maybe<Scalars['Int']['output']>;
  /** Rows for TABLE and LIST cards. */
  rows?: Maybe<Scalars['JSON']['output']>;
  /** Empty for STAT and when the call failed. */
  series: Array<DashboardPoint>;
  title: Scalars['String']['output'];
  /** "USD" (any ISO currency), "people", "count". */
  unit?: Maybe<Scalars['String']['output']>;
  /** A STAT's number; a chart's total. null when the call failed. */
  value?: Maybe<Scalars['Float']['output']>;
};

/** A dashboard widget as data: which operation it reads and how its answer becomes numbers. A person sees it when they may read the operation. */
export type DashboardWidgetDefinition = {
  __typename?: 'DashboardWidgetDefinition';
  colours: Array<SeriesColour>;
  endpoint: ApiEndpoint;
  /** JSONata over the operation's answer (after the viewer's field rule). */
  expression: Scalars['String']['output'];
  /** For an operation that needs an item of another list: { from, param, key, label, recency, max, noun }. */
  fanOut?: Maybe<Scalars['JSON']['output']>;
  format?: Maybe<WidgetFormat>;
  id: Scalars['ID']['output'];
  /** Stable within the operation: part of the card id. */
  key: Scalars['String']['output'];
  kind: DashboardWidgetKind;
  operationKey: Scalars['String']['output'];
  /** The parameters the operation is called with. */
  params: Scalars['JSON']['output'];
  position: Scalars['Int']['output'];
  refreshSeconds?: Maybe<Scalars['Int']['output']>;
  roles: Array<WidgetRolePlace>;
  title: Scalars['String']['output'];
  unit?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

/** A widget definition (created, or replacing one as a whole). */
export type DashboardWidgetInput = {
  colours?: InputMaybe<Array<SeriesColourInput>>;
  companyId: Scalars['ID']['input'];
  endpointId: Scalars['ID']['input'];
  expression: Scalars['String']['input'];
  fanOut?: InputMaybe<Scalars['JSON']['input']>;
  format?: InputMaybe<WidgetFormat>;
  /** Lower-case letters, digits and _; unique within the operation. */
  key: Scalars['String']['input'];
  kind: DashboardWidgetKind;
  /** A GET operation of the endpoint. */
  operationKey: Scalars['String']['input'];
  params?: InputMaybe<Scalars['JSON']['input']>;
  position?: InputMaybe<Scalars['Int']['input']>;
  /** At least 10 seconds; null: on events and when opened. */
  refreshSeconds?: InputMaybe<Scalars['Int']['input']>;
  roles?: InputMaybe<Array<WidgetRolePlaceInput>>;
  title: Scalars['String']['input'];
  unit?: InputMaybe<Scalars['String']['input']>;
};

export type DashboardWidgetKind =
  /** series of labelled values, compared */
  | 'BAR'
  /** one number and its change against the previous period (previous) */
  | 'DELTA'
  /** as PIE, drawn as a ring with the total in the middle */
  | 'DONUT'
  /** series over time, labels in order */
  | 'LINE'
  /** rows of the answer, as a short list */
  | 'LIST'
  /** series as parts of a whole (value is the total) */
  | 'PIE'
  /** one number (value), with a caption */
  | 'STAT'
  /** rows of the answer, as a table */
  | 'TABLE';

/** A demo persona shown on the sign-in page of a demo installation. */
export type DemoLogin = {
  __typename?: 'DemoLogin';
  email: Scalars['String']['output'];
  /** Who this persona is, e.g. "CEO at Acme and at Globex". */
  note: Scalars['String']['output'];
};

/** A person's effective access to an endpoint: the highest over their roles in the company. */
export type EffectiveGrant = {
  __typename?: 'EffectiveGrant';
  access: AccessLevel;
  endpoint: ApiEndpoint;
  /** The roles whose grant gives this access (empty for NONE). */
  viaRoles: Array<Role>;
};

/** How the endpoint's API authenticates. */
export type EndpointAuth = {
  __typename?: 'EndpointAuth';
  /** The credential kinds that fit, in the order a form offers them. */
  credentialKinds: Array<CredentialKind>;
  /** Any one of them is enough; empty: the API needs no credential. */
  schemes: Array<EndpointAuthScheme>;
};

export type EndpointAuthInput = {
  /** Empty: the API needs no credential. */
  schemes: Array<EndpointAuthSchemeInput>;
};

/** One way the API accepts to be called. */
export type EndpointAuthScheme = {
  __typename?: 'EndpointAuthScheme';
  /** API_KEY: "header" or "query". */
  apiKeyIn?: Maybe<Scalars['String']['output']>;
  /** API_KEY: the header or query parameter name. */
  apiKeyName?: Maybe<Scalars['String']['output']>;
  authorizationUrl?: Maybe<Scalars['String']['output']>;
  /** OAUTH2: the grant flows (authorizationCode, clientCredentials, implicit, password); empty: any. */
  flows: Array<Scalars['String']['output']>;
  /** OPEN_ID_CONNECT: the discovery document URL. */
  openIdConnectUrl?: Maybe<Scalars['String']['output']>;
  scopes: Array<Scalars['String']['output']>;
  tokenUrl?: Maybe<Scalars['String']['output']>;
  type: EndpointAuthType;
};

export type EndpointAuthSchemeInput = {
  apiKeyIn?: InputMaybe<Scalars['String']['input']>;
  apiKeyName?: InputMaybe<Scalars['String']['input']>;
  authorizationUrl?: InputMaybe<Scalars['String']['input']>;
  flows?: InputMaybe<Array<Scalars['String']['input']>>;
  openIdConnectUrl?: InputMaybe<Scalars['String']['input']>;
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
  tokenUrl?: InputMaybe<Scalars['String']['input']>;
  type: EndpointAuthType;
};

export type EndpointAuthType =
  /** a key in a header or query parameter (apiKeyIn, apiKeyName) */
  | 'API_KEY'
  /** Authorization: Basic base64(username:password) */
  | 'HTTP_BASIC'
  /** Authorization: Bearer <token> */
  | 'HTTP_BEARER'
  /** OAuth2 (flows, authorizationUrl, tokenUrl, scopes) */
  | 'OAUTH2'
  /** OpenID Connect (openIdConnectUrl: its discovery document) */
  | 'OPEN_ID_CONNECT';

/** An upstream provider's event about one endpoint, accepted by its inbound webhook. The payload itself is not forwarded. */
export type EndpointEvent = {
  __typename?: 'EndpointEvent';
  endpointId: Scalars['ID']['output'];
  endpointSlug: Scalars['String']['output'];
  /** The payload's "type" when it has a plain one, else "unknown". */
  eventType: Scalars['String']['output'];
  receivedAt: Scalars['DateTime']['output'];
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

/** Which fields of one operation's answer a role may see in one company; applied by the gateway to every call. */
export type FieldRule = {
  __typename?: 'FieldRule';
  id: Scalars['ID']['output'];
  mode: FieldRuleMode;
  operation: EndpointOperation;
  /** JSON paths: keys separated by dots, [] after a key for every element of an array, e.g. "data[].customer.email". */
  paths: Array<Scalars['String']['output']>;
  role: Role;
  updatedAt: Scalars['DateTime']['output'];
};

/** How a response field rule reads its paths. */
export type FieldRuleMode =
  /** The role sees only the listed paths (and the objects and arrays leading to them). */
  | 'ALLOW'
  /** The role sees everything but the listed paths. */
  | 'REMOVE';

export type GroupMappingInput = {
  group: Scalars['String']['input'];
  roleId: Scalars['ID']['input'];
};

/** A group claim value that gives a role in the company. */
export type IdentityProviderGroupMapping = {
  __typename?: 'IdentityProviderGroupMapping';
  /** The value in the ID token groups claim. */
  group: Scalars['String']['output'];
  roleId: Scalars['ID']['output'];
  roleKey: Scalars['String']['output'];
  roleName: Scalars['String']['output'];
};

/** A company's single sign-on settings (replaces the previous ones). */
export type IdentityProviderInput = {
  /** At least one; a domain belongs to one company only. */
  allowedDomains: Array<Scalars['String']['input']>;
  clientId: Scalars['String']['input'];
  /** Write-only. Absent or null: keep the stored one; empty: remove it (PKCE only). */
  clientSecret?: InputMaybe<Scalars['String']['input']>;
  groupsClaim: Scalars['String']['input'];
  groupsOnly: Scalars['Boolean']['input'];
  /** https (http only on 127.0.0.1 or localhost). */
  issuerUrl: Scalars['String']['input'];
  justInTimeProvisioning: Scalars['Boolean']['input'];
  passwordSignInAllowed: Scalars['Boolean']['input'];
};

/** A company's single sign-on over OpenID Connect. The client secret is never part of it. */
export type IdentityProviderSettings = {
  __typename?: 'IdentityProviderSettings';
  /** Email domains whose people sign in through this provider. */
  allowedDomains: Array<Scalars['String']['output']>;
  clientId: Scalars['String']['output'];
  companyId: Scalars['ID']['output'];
  /** False: the company has no single sign-on; the other fields are the defaults. */
  configured: Scalars['Boolean']['output'];
  groupMappings: Array<IdentityProviderGroupMapping>;
  /** The ID token claim that lists the groups. */
  groupsClaim: Scalars['String']['output'];
  /** Roles granted by hand are removed at sign-in too: the groups alone decide. */
  groupsOnly: Scalars['Boolean']['output'];
  /** Whether a client secret is stored (it is never shown). */
  hasClientSecret: Scalars['Boolean']['output'];
  /** The issuer; its /.well-known/openid-configuration is read at sign-in. */
  issuerUrl: Scalars['String']['output'];
  /** First sign-in creates the account even without a group mapping. */
  justInTimeProvisioning: Scalars['Boolean']['output'];
  /** Whether the company's people may still sign in with a password. */
  passwordSignInAllowed: Scalars['Boolean']['output'];
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** An endpoint's inbound webhook secret, as rotateInboundWebhookSecret answers it: the only time it is shown. */
export type InboundWebhookSecret = {
  __typename?: 'InboundWebhookSecret';
  endpointId: Scalars['ID']['output'];
  /** Where the provider sends its events, relative to this server: /webhooks/<endpointId>. */
  path: Scalars['String']['output'];
  rotatedAt: Scalars['DateTime']['output'];
  /** The whsec_ secret (Standard Webhooks) the upstream provider signs with. Store it now: it is not shown again. */
  secret: Scalars['String']['output'];
};

/** An invitation of an email address to a company with roles. It grants nothing until accepted. */
export type Invitation = {
  __typename?: 'Invitation';
  companyId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Lower-case. */
  email: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The roles the person gets in the company on accepting. */
  roles: Array<Role>;
  /** When the current link was sent (created or last resent). */
  sentAt: Scalars['DateTime']['output'];
  status: InvitationStatus;
};

export type InvitationAcceptance = {
  __typename?: 'InvitationAcceptance';
  /** A session for the account the invitation created (send it as `Authorization: Bearer`); null when the caller was already signed in as the invited account. */
  token?: Maybe<Scalars['String']['output']>;
  user: User;
};

/** An invitation, as its link shows it to the person invited. */
export type InvitationPreview = {
  __typename?: 'InvitationPreview';
  companyName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  /** The names of the roles offered. */
  roles: Array<Scalars['String']['output']>;
  status: InvitationStatus;
};

export type InvitationSent = {
  __typename?: 'InvitationSent';
  /** The accept link, only when no mail server is configured: pass it on to the person yourself. Null when it was mailed. */
  acceptUrl?: Maybe<Scalars['String']['output']>;
  /** True when the link went out by mail (SMTP_URL is set). */
  emailed: Scalars['Boolean']['output'];
  invitation: Invitation;
};

export type InvitationStatus =
  /** accepted: the person holds its roles */
  | 'ACCEPTED'
  /** declined by the person */
  | 'DECLINED'
  /** not answered before expiresAt: its link no longer works (resend makes a new one) */
  | 'EXPIRED'
  /** sent; its link works until expiresAt */
  | 'PENDING'
  /** withdrawn by an administrator */
  | 'REVOKED';

export type InviteInput = {
  companyId: Scalars['ID']['input'];
  email: Scalars['String']['input'];
  /** One or more roles (at most 20) the person gets in the company. */
  roleIds: Array<Scalars['ID']['input']>;
};

/** A role held in a company. */
export type Membership = {
  __typename?: 'Membership';
  company: Company;
  role: Role;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Accept with the link. A new address: name and password (12+ characters) make the account, and a session for it is returned. An address that has an account: sign in as it first; the roles are added. */
  acceptInvitation: InvitationAcceptance;
  /** Ask the assistant; it answers from the company's APIs with the caller's access. */
  chat: ChatReply;
  /** Create or replace the company's single sign-on. */
  configureIdentityProvider: IdentityProviderSettings;
  /** Execute exactly the stored request of a pending action, once; its owner only. */
  confirmAction: ActionResult;
  /** Re-seal a credential for its endpoint's current origin, which the administrator names as they were shown it (CONFLICT when the endpoint is elsewhere now). Ends a needs_reconnect of reason origin_changed. */
  confirmCredentialOrigin: ApiCredential;
  /** Create a personal access token for one company where the caller holds a role; the answer holds the token, once. */
  createAccessToken: CreatedAccessToken;
  createCompany: Company;
  /** Store a credential; its secret is encrypted and never shown again. */
  createCredential: ApiCredential;
  /** Defines a dashboard widget on a GET operation of one of the company’s endpoints. */
  createDashboardWidget: DashboardWidgetDefinition;
  createEndpoint: ApiEndpoint;
  /** Register an OAuth app (client id and secret) for a provider. */
  createOAuthApp: OAuthApp;
  createOperation: EndpointOperation;
  /** Platform admin: create a person who can sign in. */
  createUser: User;
  /** Subscribe a URL to events; the answer holds the signing secret, once. */
  createWebhookSubscription: CreatedWebhookSubscription;
  /** Decline with the link: the invitation closes and grants nothing. */
  declineInvitation: Scalars['Boolean']['output'];
  deleteCompany: Scalars['Boolean']['output'];
  deleteCredential: Scalars['Boolean']['output'];
  /** Deletes a widget definition. */
  deleteDashboardWidget: Scalars['Boolean']['output'];
  deleteEndpoint: Scalars['Boolean']['output'];
  /** Removes a role's field rule on an operation, so the role sees whole answers again; false when there was none. */
  deleteFieldRule: Scalars['Boolean']['output'];
  /** Remove the company's single sign-on (roles its groups gave stay, as if granted by hand). */
  deleteIdentityProvider: Scalars['Boolean']['output'];
  deleteOAuthApp: Scalars['Boolean']['output'];
  deleteOperation: Scalars['Boolean']['output'];
  deleteWebhookSubscription: Scalars['Boolean']['output'];
  /** Give a person a role in a company (idempotent). */
  grantCompanyAccess: Membership;
  /** Creates or updates an endpoint and its operations from an OpenAPI 3.0/3.1 document (JSON or YAML, at most 1 MB and 500 operations); the company's administrators only. */
  importOpenApi: OpenApiImportResult;
  /** Administrators of the company: invite an email address with one or more roles. The link is mailed (SMTP_URL), or returned to you to pass on when no mail server is configured. */
  inviteToCompany: InvitationSent;
  /** Sign in; the token goes in `Authorization: Bearer <token>`. */
  login: AuthPayload;
  /** End this session: its token is refused from now on, here and on every instance, and its subscriptions close. Sessions only (an access token is revoked with revokeAccessToken). */
  logout: Scalars['Boolean']['output'];
  /** Close a pending action without executing it; its owner only. */
  rejectAction: ActionResult;
  /** Send a pending or expired invitation again with a new link (the old one stops working) and 7 more days. */
  resendInvitation: InvitationSent;
  /** Revoke one of the caller's own tokens: it is refused from the next request on. */
  revokeAccessToken: AccessToken;
  /** Take a role in a company away from a person. */
  revokeCompanyAccess: Scalars['Boolean']['output'];
  /** Withdraw a pending invitation: its link stops working. */
  revokeInvitation: Invitation;
  /** Replace the secret of a credential with a new one of the same kind. */
  rotateCredential: ApiCredential;
  /** Give the endpoint a new inbound webhook secret (the previous one stops verifying); the answer holds it, once. */
  rotateInboundWebhookSecret: InboundWebhookSecret;
  setEndpointAccess: EndpointGrant;
  /** Sets which fields of an operation's answer a role sees in the company (creates or replaces the rule). */
  setFieldRule: FieldRule;
  /** Replace the company's group mappings (group claim value → role in this company). */
  setIdentityProviderGroupMappings: Array<IdentityProviderGroupMapping>;
  /** End every session of a person (default: the caller's own, from a signed-in session), including this one. Another person's: platform administrators only. Access tokens stay valid; revoke them one by one. */
  signOutEverywhere: Scalars['Boolean']['output'];
  /** Test the company's sign-in: a one-time link (two minutes) to open in a new tab; it signs in at the provider and shows the claims received, without signing anyone in here. */
  startIdentityProviderTest: Scalars['String']['output'];
  /** Start Connect (or Reconnect, with credentialId): answers the provider's authorization URL. The provider sends the browser back to /oauth/callback, which stores the tokens and returns to returnTo with oauth=connected|reconnected|error. */
  startOAuthConnect: OAuthConnectStart;
  /** Call the endpoint with this credential and report; updates the credential's status. */
  testCredential: CredentialTestResult;
  updateCompany: Company;
  /** Rename a credential and/or replace its secret. */
  updateCredential: ApiCredential;
  /** Replaces a widget definition as a whole. */
  updateDashboardWidget: DashboardWidgetDefinition;
  updateEndpoint: ApiEndpoint;
  updateOAuthApp: OAuthApp;
  updateOperation: EndpointOperation;
  /** Run a POST, PUT, PATCH or DELETE operation; needs WRITE access. */
  writeOperation: UpstreamResult;
};


export type MutationAcceptInvitationArgs = {
  name?: InputMaybe<Scalars['String']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  token: Scalars['String']['input'];
};


export type MutationChatArgs = {
  companyId: Scalars['ID']['input'];
  conversationId?: InputMaybe<Scalars['ID']['input']>;
  message: Scalars['String']['input'];
};


export type MutationConfigureIdentityProviderArgs = {
  companyId: Scalars['ID']['input'];
  input: IdentityProviderInput;
};


export type MutationConfirmActionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationConfirmCredentialOriginArgs = {
  id: Scalars['ID']['input'];
  origin: Scalars['String']['input'];
};


export type MutationCreateAccessTokenArgs = {
  input: CreateAccessTokenInput;
};


export type MutationCreateCompanyArgs = {
  input: CreateCompanyInput;
};


export type MutationCreateCredentialArgs = {
  input: CreateCredentialInput;
};


export type MutationCreateDashboardWidgetArgs = {
  input: DashboardWidgetInput;
};


export type MutationCreateEndpointArgs = {
  input: CreateEndpointInput;
};


export type MutationCreateOAuthAppArgs = {
  input: CreateOAuthAppInput;
};


export type MutationCreateOperationArgs = {
  endpointId: Scalars['ID']['input'];
  input: CreateOperationInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationCreateWebhookSubscriptionArgs = {
  companyId: Scalars['ID']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  events: Array<Scalars['String']['input']>;
  url: Scalars['String']['input'];
};


export type MutationDeclineInvitationArgs = {
  token: Scalars['String']['input'];
};


export type MutationDeleteCompanyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteCredentialArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteDashboardWidgetArgs = {
  companyId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};


export type MutationDeleteEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteFieldRuleArgs = {
  companyId: Scalars['ID']['input'];
  operationId: Scalars['ID']['input'];
  roleId: Scalars['ID']['input'];
};


export type MutationDeleteIdentityProviderArgs = {
  companyId: Scalars['ID']['input'];
};


export type MutationDeleteOAuthAppArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteOperationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteWebhookSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationGrantCompanyAccessArgs = {
  companyId: Scalars['ID']['input'];
  roleId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationImportOpenApiArgs = {
  companyId: Scalars['ID']['input'];
  document: Scalars['String']['input'];
  dryRun?: Scalars['Boolean']['input'];
  removeMissing?: Scalars['Boolean']['input'];
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type MutationInviteToCompanyArgs = {
  input: InviteInput;
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationRejectActionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResendInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeAccessTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeCompanyAccessArgs = {
  companyId: Scalars['ID']['input'];
  roleId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRevokeInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateCredentialArgs = {
  id: Scalars['ID']['input'];
  secret: Scalars['JSON']['input'];
};


export type MutationRotateInboundWebhookSecretArgs = {
  endpointId: Scalars['ID']['input'];
};


export type MutationSetEndpointAccessArgs = {
  access: AccessLevel;
  companyId: Scalars['ID']['input'];
  endpointId: Scalars['ID']['input'];
  roleId: Scalars['ID']['input'];
};


export type MutationSetFieldRuleArgs = {
  input: SetFieldRuleInput;
};


export type MutationSetIdentityProviderGroupMappingsArgs = {
  companyId: Scalars['ID']['input'];
  mappings: Array<GroupMappingInput>;
};


export type MutationSignOutEverywhereArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationStartIdentityProviderTestArgs = {
  companyId: Scalars['ID']['input'];
};


export type MutationStartOAuthConnectArgs = {
  input: StartOAuthConnectInput;
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


export type MutationUpdateDashboardWidgetArgs = {
  id: Scalars['ID']['input'];
  input: DashboardWidgetInput;
};


export type MutationUpdateEndpointArgs = {
  id: Scalars['ID']['input'];
  input: UpdateEndpointInput;
};


export type MutationUpdateOAuthAppArgs = {
  id: Scalars['ID']['input'];
  input: UpdateOAuthAppInput;
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

export type OAuthApp = {
  __typename?: 'OAuthApp';
  authorizationUrl: Scalars['String']['output'];
  clientId: Scalars['String']['output'];
  companyId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** At most the last 4 characters of the client secret. */
  hint?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** A preset key, or "custom". */
  provider: Scalars['String']['output'];
  /** Scopes asked for when Connect names none. */
  scopes: Scalars['String']['output'];
  tokenAuthMethod: Scalars['String']['output'];
  tokenUrl: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  usePkce: Scalars['Boolean']['output'];
};

export type OAuthConnectStart = {
  __typename?: 'OAuthConnectStart';
  /** Send the browser here: the provider's consent page. */
  authorizationUrl: Scalars['String']['output'];
  /** The state stops working at this time (10 minutes). */
  expiresAt: Scalars['DateTime']['output'];
  /** The redirect URL this Connect uses: register it at the provider. */
  redirectUri: Scalars['String']['output'];
};

export type OAuthProviderPreset = {
  __typename?: 'OAuthProviderPreset';
  accessTokenLifetimeSeconds?: Maybe<Scalars['Int']['output']>;
  authorizationUrl: Scalars['String']['output'];
  defaultScopes: Array<Scalars['String']['output']>;
  documentationUrl: Scalars['String']['output'];
  /** Fixed query parameters of the authorization URL. */
  extraAuthorizeParams?: Maybe<Scalars['JSON']['output']>;
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
  notes?: Maybe<Scalars['String']['output']>;
  /** The provider documents PKCE: an S256 code_challenge is sent. */
  pkce: Scalars['Boolean']['output'];
  refreshNotes?: Maybe<Scalars['String']['output']>;
  /** "always", "with_scope", "optional" or "never" */
  refreshTokens: Scalars['String']['output'];
  /** A refresh returns a new refresh token; the old one stops working. */
  rotatingRefreshTokens: Scalars['Boolean']['output'];
  /** " " or "," */
  scopeSeparator: Scalars['String']['output'];
  /** "client_secret_post" or "client_secret_basic" */
  tokenAuthMethod: Scalars['String']['output'];
  /** How the access token is sent to the API: "authorization_bearer". */
  tokenPlacement: Scalars['String']['output'];
  tokenUrl: Scalars['String']['output'];
};

/** What an OpenAPI import did (or, with dryRun, would do). */
export type OpenApiImportResult = {
  __typename?: 'OpenApiImportResult';
  /** True when the import creates a new endpoint. */
  created: Scalars['Boolean']['output'];
  /** The endpoint created or updated; with dryRun, as it is now (a new one: unsaved, with a placeholder id). */
  endpoint: ApiEndpoint;
  /** Keys of the operations created. */
  operationsCreated: Array<Scalars['String']['output']>;
  /** Keys of the operations deleted because the document lacks them (removeMissing only). */
  operationsRemoved: Array<Scalars['String']['output']>;
  /** Keys of the operations already as the document describes them. */
  operationsUnchanged: Array<Scalars['String']['output']>;
  /** Keys of the operations whose method, path, description or parameter schema changed. */
  operationsUpdated: Array<Scalars['String']['output']>;
  /** What was skipped, renamed or kept, in words for a person. */
  warnings: Array<Scalars['String']['output']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` for the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
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
  /** The request it is bound to (null on actions proposed before requests were bound) */
  request?: Maybe<ProposedRequest>;
  /** HTTP status of the executed request */
  resultStatus?: Maybe<Scalars['Int']['output']>;
  /** "pending", "executed", "rejected", "expired", "failed" */
  status: Scalars['String']['output'];
};

/** The exact HTTP request a pending action sends when confirmed; any other is refused (CONFLICT). */
export type ProposedRequest = {
  __typename?: 'ProposedRequest';
  method: Scalars['String']['output'];
  /** The operation's path template when proposed */
  pathTemplate: Scalars['String']['output'];
  /** The resolved URL: base URL, path and query string */
  url: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The caller's own personal access tokens, newest first, revoked and expired ones included. */
  accessTokens: Array<AccessToken>;
  /** Recorded changes, newest first. With companyId: that company's, for its administrators; without: every company's and platform-wide ones, for platform admins. */
  auditLogs: AuditLogConnection;
  /** Every company the caller may administer. */
  companies: Array<Company>;
  /** One company the caller belongs to or administers. */
  company: Company;
  /** Credential metadata of a company, by endpoint, role and name; its administrators only. */
  credentials: Array<ApiCredential>;
  /** The caller's dashboard of a company: metrics from the operations they may read there, most relevant to their roles first. */
  dashboard: Dashboard;
  /** The company's dashboard widget definitions; the company's administrators only. */
  dashboardWidgets: Array<DashboardWidgetDefinition>;
  /** The demo personas (shared password "tessera-demo") when this installation runs the demo world; empty otherwise and always in production. */
  demoLogins: Array<DemoLogin>;
  /** One endpoint; its company's administrators only. */
  endpoint: ApiEndpoint;
  /** Every endpoint of a company; its administrators only. */
  endpoints: Array<ApiEndpoint>;
  /** The company's response field rules, of one endpoint or of all; the company's administrators only. */
  fieldRules: Array<FieldRule>;
  /** The company's single sign-on settings (configured: false when it has none). Company administrators. */
  identityProvider: IdentityProviderSettings;
  /** Anyone holding an invitation link: what it offers. Every link that cannot be used (unknown, expired, used, declined, withdrawn) answers the same NOT_FOUND; rate-limited like sign-in. */
  invitation: InvitationPreview;
  /** Administrators of the company: its open invitations (pending or expired), newest first. */
  invitations: Array<Invitation>;
  /** The signed-in user. */
  me: User;
  /** The companies the caller administers: every one for a platform admin, none for a person without an admin role. Unlike `companies`, never FORBIDDEN, so the web app can ask it to decide what to show. */
  myAdministeredCompanies: Array<Company>;
  /** The companies in which the caller holds a role. */
  myCompanies: Array<Company>;
  /** Metadata of the credentials used for the caller's calls in the company. */
  myCredentials: Array<ApiCredential>;
  /** What the caller may use in the company, READ or WRITE. */
  myEndpoints: Array<EndpointGrant>;
  /** The caller's actions in the company that still await a decision. */
  myPendingActions: Array<PendingAction>;
  /** The company's OAuth apps; its administrators only. */
  oauthApps: Array<OAuthApp>;
  /** The providers Connect knows: URLs, scopes, PKCE, refresh behaviour. */
  oauthProviderPresets: Array<OAuthProviderPreset>;
  /** The redirect URL to register at a provider: <public origin>/oauth/callback. */
  oauthRedirectUri: Scalars['String']['output'];
  /** A draft expression evaluated on the operation's answer as a role would get it (the editor's live result); the company's administrators only, audited like previewReadOperation. */
  previewDashboardWidget: WidgetPreview;
  /** Run a GET operation as someone holding only this role in the company would (the role's grant, credential and field rules); the company's administrators only, audited. */
  previewReadOperation: UpstreamResult;
  /** The tools the assistant would offer someone holding only this role in the company (past 40 the model reaches the same list through a search tool); the company's administrators only. */
  previewTools: Array<ToolPreview>;
  /** Run a GET operation of one of the company's APIs with the caller's access and credential. */
  readOperation: UpstreamResult;
  /** Every endpoint of the company with the role's access, NONE included. */
  roleAccess: Array<EndpointGrant>;
  /** Every role; administrators only. */
  roles: Array<Role>;
  /** Password or single sign-on for this email (by its domain; reveals nothing about accounts). */
  signInMethod: SignInMethod;
  /** Upstream calls of a time range from the call log, grouped by endpoint, role, UTC day or company. With companyId: that company's, for its administrators; without: every company's, for platform admins. */
  usageStats: UsageStats;
  /** Administrators only: one user, among those the `users` query lists to the caller. */
  user: User;
  /** Every endpoint of the company with the person's effective access there and the roles that give it; the company's administrators only. */
  userAccess: Array<EffectiveGrant>;
  /** Administrators only: every user (platform admin) or the users of the companies one administers. */
  users: Array<User>;
  /** The most recent deliveries of one subscription, newest first. */
  webhookDeliveries: Array<WebhookDelivery>;
  /** The company's webhook subscriptions; its administrators only. */
  webhookSubscriptions: Array<WebhookSubscription>;
};


export type QueryAccessTokensArgs = {
  companyId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryAuditLogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  companyId?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  first?: Scalars['Int']['input'];
};


export type QueryCompanyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCredentialsArgs = {
  companyId: Scalars['ID']['input'];
};


export type QueryDashboardArgs = {
  companyId: Scalars['ID']['input'];
};


export type QueryDashboardWidgetsArgs = {
  companyId: Scalars['ID']['input'];
};


export type QueryEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEndpointsArgs = {
  companyId: Scalars['ID']['input'];
};


export type QueryFieldRulesArgs = {
  companyId: Scalars['ID']['input'];
  endpointId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryIdentityProviderArgs = {
  companyId: Scalars['ID']['input'];
};


export type QueryInvitationArgs = {
  token: Scalars['String']['input'];
};


export type QueryInvitationsArgs = {
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


export type QueryOauthAppsArgs = {
  companyId: Scalars['ID']['input'];
};


export type QueryPreviewDashboardWidgetArgs = {
  input: WidgetPreviewInput;
};


export type QueryPreviewReadOperationArgs = {
  companyId: Scalars['ID']['input'];
  endpointId: Scalars['ID']['input'];
  operation: Scalars['String']['input'];
  params?: InputMaybe<Scalars['JSON']['input']>;
  roleId: Scalars['ID']['input'];
};


export type QueryPreviewToolsArgs = {
  companyId: Scalars['ID']['input'];
  roleId: Scalars['ID']['input'];
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


export type QuerySignInMethodArgs = {
  email: Scalars['String']['input'];
};


export type QueryUsageStatsArgs = {
  companyId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['DateTime']['input'];
  groupBy: UsageGroupBy;
  to: Scalars['DateTime']['input'];
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUserAccessArgs = {
  companyId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type QueryWebhookDeliveriesArgs = {
  first?: Scalars['Int']['input'];
  subscriptionId: Scalars['ID']['input'];
};


export type QueryWebhookSubscriptionsArgs = {
  companyId: Scalars['ID']['input'];
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

/** What a series label's colour means. */
export type SeriesColour = {
  __typename?: 'SeriesColour';
  /** The label, lower-case ("overdue"). */
  label: Scalars['String']['output'];
  meaning: SeriesMeaning;
};

export type SeriesColourInput = {
  label: Scalars['String']['input'];
  meaning: SeriesMeaning;
};

/** What a series' colour says: good (green), bad (red) or neither. */
export type SeriesMeaning =
  | 'BAD'
  | 'GOOD'
  | 'NEUTRAL';

/** Sets (creates or replaces) a role's field rule on one operation. */
export type SetFieldRuleInput = {
  /** The company the operation belongs to. */
  companyId: Scalars['ID']['input'];
  mode: FieldRuleMode;
  /** The operation whose answers the rule filters. */
  operationId: Scalars['ID']['input'];
  /** At most 100 paths of at most 200 characters; no wildcards other than []. */
  paths: Array<Scalars['String']['input']>;
  /** The role the rule applies to (the role whose grant is used for the call). */
  roleId: Scalars['ID']['input'];
};

/** How an email signs in. Decided by the email's domain alone, so it tells nothing about whether an account exists. */
export type SignInMethod = {
  __typename?: 'SignInMethod';
  method: SignInMethodKind;
  /** Whether a password is accepted for this email. */
  passwordAllowed: Scalars['Boolean']['output'];
  /** SSO: where the browser goes to start at the company's provider. */
  startUrl?: Maybe<Scalars['String']['output']>;
};

export type SignInMethodKind =
  | 'PASSWORD'
  | 'SSO';

export type StartOAuthConnectInput = {
  /** The OAuth app; or name its provider instead. */
  appId?: InputMaybe<Scalars['ID']['input']>;
  companyId: Scalars['ID']['input'];
  /** Reconnect: the credential whose tokens are replaced (same id, grants, history). */
  credentialId?: InputMaybe<Scalars['ID']['input']>;
  endpointId: Scalars['ID']['input'];
  /** The company's first app of this provider. */
  provider?: InputMaybe<Scalars['String']['input']>;
  /** A path of the web app to come back to, e.g. /admin/credentials. */
  returnTo: Scalars['String']['input'];
  /** omit for a company-wide credential */
  roleId?: InputMaybe<Scalars['ID']['input']>;
  /** default: the app's scopes */
  scopes?: InputMaybe<Scalars['String']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** The same as chat, streamed: answer tokens, tool calls and proposed actions as they happen, then the reply. */
  chatStream: ChatStreamEvent;
  /** Events that upstream providers sent about the company's endpoints (inbound webhooks), for the endpoints the caller may read. */
  endpointEvents: EndpointEvent;
};


export type SubscriptionChatStreamArgs = {
  companyId: Scalars['ID']['input'];
  conversationId?: InputMaybe<Scalars['ID']['input']>;
  message: Scalars['String']['input'];
};


export type SubscriptionEndpointEventsArgs = {
  companyId: Scalars['ID']['input'];
};

/** One tool the assistant ran while answering. */
export type ToolCallTrace = {
  __typename?: 'ToolCallTrace';
  ok: Scalars['Boolean']['output'];
  status?: Maybe<Scalars['Int']['output']>;
  /** "<endpoint slug>__<operation key>" */
  tool: Scalars['String']['output'];
};

/** A tool the assistant would offer: one operation the policy allows. */
export type ToolPreview = {
  __typename?: 'ToolPreview';
  /** The description the model sees. */
  description: Scalars['String']['output'];
  endpoint: ApiEndpoint;
  method: Scalars['String']['output'];
  /** The tool name the model sees: "<endpoint slug>__<operation key>". */
  name: Scalars['String']['output'];
  operationKey: Scalars['String']['output'];
  path: Scalars['String']['output'];
  /** True when the operation changes data: the assistant only proposes it, the person confirms. */
  writes: Scalars['Boolean']['output'];
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
  /** How the API authenticates; null: unchanged. */
  auth?: InputMaybe<EndpointAuthInput>;
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  cacheTtlSeconds?: InputMaybe<Scalars['Int']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  rateLimitPerMinute?: InputMaybe<Scalars['Int']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  /** The operation a credential test calls (an operation key of this endpoint); "": the default again. */
  testOperationKey?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateOAuthAppInput = {
  /** custom only */
  authorizationUrl?: InputMaybe<Scalars['String']['input']>;
  clientId?: InputMaybe<Scalars['String']['input']>;
  /** A new client secret; replaces the old one. */
  clientSecret?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  scopes?: InputMaybe<Scalars['String']['input']>;
  /** custom only */
  tokenAuthMethod?: InputMaybe<Scalars['String']['input']>;
  /** custom only */
  tokenUrl?: InputMaybe<Scalars['String']['input']>;
  usePkce?: InputMaybe<Scalars['Boolean']['input']>;
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

/** What one row of usage statistics stands for. */
export type UsageGroupBy =
  /** one row per company (key: its id, label: its name) */
  | 'COMPANY'
  /** one row per UTC day of the range, days without calls included (key and label: the ISO date) */
  | 'DAY'
  /** one row per API endpoint (key: its id, label: its name; for every company: "name (company name)") */
  | 'ENDPOINT'
  /** one row per role the calls were made with (key: its id, label: its name; "none" for calls without one) */
  | 'ROLE';

/** Upstream calls of one group (or of all of them), from the call log. */
export type UsageRow = {
  __typename?: 'UsageRow';
  /** Successful GET calls answered from the cache ÷ all successful GET calls, from 0 to 1; 0 when there were none. */
  cacheHitRate: Scalars['Float']['output'];
  /** Every logged call: sent upstream, answered from the cache, or refused before sending (rate limited included). */
  calls: Scalars['Int']['output'];
  /** errors ÷ calls, from 0 to 1; 0 when there were no calls. */
  errorRate: Scalars['Float']['output'];
  /** Calls whose outcome was neither ok nor rate_limited: upstream errors, network errors, timeouts, blocked, too large, missing or failing credentials. */
  errors: Scalars['Int']['output'];
  /** The id of the endpoint, role or company, or the ISO date (YYYY-MM-DD) of the day; "total" for the totals. */
  key: Scalars['String']['output'];
  /** The endpoint, role or company name, or the ISO date of the day; "Total" for the totals. */
  label: Scalars['String']['output'];
  /** Median duration in milliseconds of the calls that were not rate limited (cache hits included); null when there were none. */
  p50Ms?: Maybe<Scalars['Float']['output']>;
  /** 95th percentile duration in milliseconds, over the same calls as p50Ms; null when there were none. */
  p95Ms?: Maybe<Scalars['Float']['output']>;
  /** Calls refused by the endpoint's rate limit before anything was sent (not counted in errors). */
  rateLimited: Scalars['Int']['output'];
};

/** Usage statistics of a time range: the totals, and one row per group. */
export type UsageStats = {
  __typename?: 'UsageStats';
  /** By day: in date order, every day of the range. Otherwise: the groups with calls, most calls first. */
  rows: Array<UsageRow>;
  /** Every call of the range together. */
  totals: UsageRow;
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

export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  eventType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  /** HTTP status of the last attempt, if it got one. */
  lastStatus?: Maybe<Scalars['Int']['output']>;
  /** The webhook-id header, the same on every attempt. */
  messageId: Scalars['String']['output'];
  nextAttemptAt: Scalars['DateTime']['output'];
  /** The body sent: { type, timestamp, data }. */
  payload: Scalars['JSON']['output'];
  /** "pending", "delivered" or "failed" */
  status: Scalars['String']['output'];
};

export type WebhookSubscription = {
  __typename?: 'WebhookSubscription';
  companyId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** permission.changed, credential.failing, credential.needs_reconnect, action.pending, action.executed */
  events: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** "active", or "failing" once a delivery used up its retries (then it receives no new events) */
  status: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

/** How a widget's numbers are written. */
export type WidgetFormat =
  /** whole things, with the unit as their noun */
  | 'COUNT'
  /** money, in the unit (an ISO currency code) */
  | 'CURRENCY'
  /** seconds, written as minutes, hours, days */
  | 'DURATION'
  /** a share: 0.25 is 25 % */
  | 'PERCENT';

/** A draft expression's result on a sample answer. */
export type WidgetPreview = {
  __typename?: 'WidgetPreview';
  /** The answer after the role's field rules. */
  answer?: Maybe<Scalars['JSON']['output']>;
  /** Why the expression gave no result, in words. */
  error?: Maybe<Scalars['String']['output']>;
  /** The character the problem is at, when known. */
  position?: Maybe<Scalars['Int']['output']>;
  /** What the widget would show: { value, series, caption, unit, previous, rows }. */
  result?: Maybe<Scalars['JSON']['output']>;
};

/** A draft widget's expression tried on the operation's answer as a role would get it. */
export type WidgetPreviewInput = {
  companyId: Scalars['ID']['input'];
  endpointId: Scalars['ID']['input'];
  /** Empty: only the answer is returned. */
  expression: Scalars['String']['input'];
  operationKey: Scalars['String']['input'];
  params?: InputMaybe<Scalars['JSON']['input']>;
  /** The answer is fetched as someone holding only this role. */
  roleId: Scalars['ID']['input'];
};

/** A role that sees the widget in this place by default. */
export type WidgetRolePlace = {
  __typename?: 'WidgetRolePlace';
  /** Lowest first. */
  position: Scalars['Int']['output'];
  role: Role;
};

export type WidgetRolePlaceInput = {
  position: Scalars['Int']['input'];
  roleId: Scalars['ID']['input'];
};

export type CreateTokenMutationVariables = Exact<{
  input: CreateAccessTokenInput;
}>;


export type CreateTokenMutation = { __typename?: 'Mutation', createAccessToken: { __typename?: 'CreatedAccessToken', token: string, accessToken: { __typename?: 'AccessToken', id: string, name: string, prefix: string, companyId: string, readOnly: boolean, expiresAt: string, lastUsedAt?: string | null, revokedAt?: string | null, createdAt: string, status: AccessTokenStatus, company: { __typename?: 'Company', slug: string } } } };

export type TokensQueryVariables = Exact<{
  c?: InputMaybe<Scalars['ID']['input']>;
}>;


export type TokensQuery = { __typename?: 'Query', accessTokens: Array<{ __typename?: 'AccessToken', id: string, name: string, prefix: string, status: AccessTokenStatus, lastUsedAt?: string | null, company: { __typename?: 'Company', slug: string } }> };

export type RevokeTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeTokenMutation = { __typename?: 'Mutation', revokeAccessToken: { __typename?: 'AccessToken', id: string, status: AccessTokenStatus, revokedAt?: string | null } };

export type TokenHolderQueryVariables = Exact<{ [key: string]: never; }>;


export type TokenHolderQuery = { __typename?: 'Query', me: { __typename?: 'User', email: string } };

export type TokenCompaniesQueryVariables = Exact<{ [key: string]: never; }>;


export type TokenCompaniesQuery = { __typename?: 'Query', myCompanies: Array<{ __typename?: 'Company', slug: string }> };

export type TokenEndpointsQueryVariables = Exact<{
  c: Scalars['ID']['input'];
}>;


export type TokenEndpointsQuery = { __typename?: 'Query', myEndpoints: Array<{ __typename?: 'EndpointGrant', access: AccessLevel, endpoint: { __typename?: 'ApiEndpoint', slug: string } }> };

export type TokenReadQueryVariables = Exact<{
  c: Scalars['ID']['input'];
  e: Scalars['ID']['input'];
}>;


export type TokenReadQuery = { __typename?: 'Query', readOperation: { __typename?: 'UpstreamResult', status: number } };

export type TokenWriteMutationVariables = Exact<{
  c: Scalars['ID']['input'];
  e: Scalars['ID']['input'];
}>;


export type TokenWriteMutation = { __typename?: 'Mutation', writeOperation: { __typename?: 'UpstreamResult', status: number } };

export type TokenChatMutationVariables = Exact<{
  c: Scalars['ID']['input'];
}>;


export type TokenChatMutation = { __typename?: 'Mutation', chat: { __typename?: 'ChatReply', message: string } };

export type TokenConfirmMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TokenConfirmMutation = { __typename?: 'Mutation', confirmAction: { __typename?: 'ActionResult', result?: { __typename?: 'UpstreamResult', status: number } | null } };

export type DashboardQueryVariables = Exact<{
  companyId: Scalars['ID']['input'];
}>;


export type DashboardQuery = { __typename?: 'Query', dashboard: { __typename?: 'Dashboard', generatedAt: string, company: { __typename?: 'Company', slug: string }, widgets: Array<{ __typename?: 'DashboardWidget', id: string, title: string, caption?: string | null, kind: DashboardWidgetKind, operationKey: string, value?: number | null, unit?: string | null, cached: boolean, error?: string | null, series: Array<{ __typename?: 'DashboardPoint', label: string, value: number }>, endpoint: { __typename?: 'ApiEndpoint', slug: string, name: string } }> } };

export type DashboardReadQueryVariables = Exact<{
  companyId: Scalars['ID']['input'];
  endpointId: Scalars['ID']['input'];
  operation: Scalars['String']['input'];
  params?: InputMaybe<Scalars['JSON']['input']>;
}>;


export type DashboardReadQuery = { __typename?: 'Query', readOperation: { __typename?: 'UpstreamResult', data?: unknown | null } };

export type DashboardSetAccessMutationVariables = Exact<{
  roleId: Scalars['ID']['input'];
  companyId: Scalars['ID']['input'];
  endpointId: Scalars['ID']['input'];
  access: AccessLevel;
}>;


export type DashboardSetAccessMutation = { __typename?: 'Mutation', setEndpointAccess: { __typename?: 'EndpointGrant', access: AccessLevel } };

export type DashboardCreateCredentialMutationVariables = Exact<{
  input: CreateCredentialInput;
}>;


export type DashboardCreateCredentialMutation = { __typename?: 'Mutation', createCredential: { __typename?: 'ApiCredential', id: string } };

export type InviteForLinkMutationVariables = Exact<{
  input: InviteInput;
}>;


export type InviteForLinkMutation = { __typename?: 'Mutation', inviteToCompany: { __typename?: 'InvitationSent', emailed: boolean, acceptUrl?: string | null, invitation: { __typename?: 'Invitation', id: string } } };

export type ResendForLinkMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ResendForLinkMutation = { __typename?: 'Mutation', resendInvitation: { __typename?: 'InvitationSent', emailed: boolean, acceptUrl?: string | null } };

export type LookUpLinkQueryVariables = Exact<{
  t: Scalars['String']['input'];
}>;


export type LookUpLinkQuery = { __typename?: 'Query', invitation: { __typename?: 'InvitationPreview', email: string } };

export type DeclineLinkMutationVariables = Exact<{
  t: Scalars['String']['input'];
}>;


export type DeclineLinkMutation = { __typename?: 'Mutation', declineInvitation: boolean };

export type InviteMutationVariables = Exact<{
  input: InviteInput;
}>;


export type InviteMutation = { __typename?: 'Mutation', inviteToCompany: { __typename?: 'InvitationSent', emailed: boolean, acceptUrl?: string | null, invitation: { __typename?: 'Invitation', id: string, email: string, status: InvitationStatus, expiresAt: string, sentAt: string, roles: Array<{ __typename?: 'Role', key: string }> } } };

export type ResendInvitationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ResendInvitationMutation = { __typename?: 'Mutation', resendInvitation: { __typename?: 'InvitationSent', emailed: boolean, acceptUrl?: string | null, invitation: { __typename?: 'Invitation', id: string, status: InvitationStatus } } };

export type RevokeInvitationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeInvitationMutation = { __typename?: 'Mutation', revokeInvitation: { __typename?: 'Invitation', id: string, status: InvitationStatus } };

export type InvitationsQueryVariables = Exact<{
  c: Scalars['ID']['input'];
}>;


export type InvitationsQuery = { __typename?: 'Query', invitations: Array<{ __typename?: 'Invitation', id: string, email: string, status: InvitationStatus, roles: Array<{ __typename?: 'Role', key: string }> }> };

export type LookUpInvitationQueryVariables = Exact<{
  t: Scalars['String']['input'];
}>;


export type LookUpInvitationQuery = { __typename?: 'Query', invitation: { __typename?: 'InvitationPreview', companyName: string, roles: Array<string>, email: string, status: InvitationStatus } };

export type AcceptInvitationMutationVariables = Exact<{
  t: Scalars['String']['input'];
  n?: InputMaybe<Scalars['String']['input']>;
  p?: InputMaybe<Scalars['String']['input']>;
}>;


export type AcceptInvitationMutation = { __typename?: 'Mutation', acceptInvitation: { __typename?: 'InvitationAcceptance', token?: string | null, user: { __typename?: 'User', email: string, name: string, memberships: Array<{ __typename?: 'Membership', company: { __typename?: 'Company', slug: string }, role: { __typename?: 'Role', key: string } }> } } };

export type DeclineInvitationMutationVariables = Exact<{
  t: Scalars['String']['input'];
}>;


export type DeclineInvitationMutation = { __typename?: 'Mutation', declineInvitation: boolean };

export type InviteeQueryVariables = Exact<{ [key: string]: never; }>;


export type InviteeQuery = { __typename?: 'Query', me: { __typename?: 'User', email: string, memberships: Array<{ __typename?: 'Membership', company: { __typename?: 'Company', slug: string }, role: { __typename?: 'Role', key: string } }> } };

export type GrantRoleMutationVariables = Exact<{
  u: Scalars['ID']['input'];
  c: Scalars['ID']['input'];
  r: Scalars['ID']['input'];
}>;


export type GrantRoleMutation = { __typename?: 'Mutation', grantCompanyAccess: { __typename?: 'Membership', company: { __typename?: 'Company', slug: string }, role: { __typename?: 'Role', key: string } } };

export type PeopleIdsAndEmailsQueryVariables = Exact<{ [key: string]: never; }>;


export type PeopleIdsAndEmailsQuery = { __typename?: 'Query', users: Array<{ __typename?: 'User', id: string, email: string }> };

export type SessionHolderQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionHolderQuery = { __typename?: 'Query', me: { __typename?: 'User', email: string } };

export type SessionLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type SessionLogoutMutation = { __typename?: 'Mutation', logout: boolean };

export type SessionSignOutEverywhereMutationVariables = Exact<{
  u?: InputMaybe<Scalars['ID']['input']>;
}>;


export type SessionSignOutEverywhereMutation = { __typename?: 'Mutation', signOutEverywhere: boolean };

export type LiveTokenMutationVariables = Exact<{
  c: Scalars['ID']['input'];
}>;


export type LiveTokenMutation = { __typename?: 'Mutation', createAccessToken: { __typename?: 'CreatedAccessToken', token: string, accessToken: { __typename?: 'AccessToken', id: string } } };

export type RevokeLiveTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeLiveTokenMutation = { __typename?: 'Mutation', revokeAccessToken: { __typename?: 'AccessToken', status: AccessTokenStatus } };

export type SalesInboundSecretMutationVariables = Exact<{
  e: Scalars['ID']['input'];
}>;


export type SalesInboundSecretMutation = { __typename?: 'Mutation', rotateInboundWebhookSecret: { __typename?: 'InboundWebhookSecret', secret: string } };

export type SessionPersonMutationVariables = Exact<{
  i: CreateUserInput;
}>;


export type SessionPersonMutation = { __typename?: 'Mutation', createUser: { __typename?: 'User', id: string } };

export type SessionPersonRoleMutationVariables = Exact<{
  u: Scalars['ID']['input'];
  c: Scalars['ID']['input'];
  r: Scalars['ID']['input'];
}>;


export type SessionPersonRoleMutation = { __typename?: 'Mutation', grantCompanyAccess: { __typename?: 'Membership', role: { __typename?: 'Role', key: string } } };

export type SessionPersonRoleGoneMutationVariables = Exact<{
  u: Scalars['ID']['input'];
  c: Scalars['ID']['input'];
  r: Scalars['ID']['input'];
}>;


export type SessionPersonRoleGoneMutation = { __typename?: 'Mutation', revokeCompanyAccess: boolean };

export type PersonByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PersonByIdQuery = { __typename?: 'Query', user: { __typename?: 'User', id: string, email: string, name: string, isPlatformAdmin: boolean, memberships: Array<{ __typename?: 'Membership', company: { __typename?: 'Company', slug: string }, role: { __typename?: 'Role', key: string } }> } };

export type PeopleIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type PeopleIdsQuery = { __typename?: 'Query', users: Array<{ __typename?: 'User', id: string }> };

export type CreatePersonMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreatePersonMutation = { __typename?: 'Mutation', createUser: { __typename?: 'User', id: string, email: string, isPlatformAdmin: boolean } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CreateTokenDocument = new TypedDocumentString(`
    mutation CreateToken($input: CreateAccessTokenInput!) {
  createAccessToken(input: $input) {
    token
    accessToken {
      id
      name
      prefix
      companyId
      company {
        slug
      }
      readOnly
      expiresAt
      lastUsedAt
      revokedAt
      createdAt
      status
    }
  }
}
    `) as unknown as TypedDocumentString<CreateTokenMutation, CreateTokenMutationVariables>;
export const TokensDocument = new TypedDocumentString(`
    query Tokens($c: ID) {
  accessTokens(companyId: $c) {
    id
    name
    prefix
    status
    lastUsedAt
    company {
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<TokensQuery, TokensQueryVariables>;
export const RevokeTokenDocument = new TypedDocumentString(`
    mutation RevokeToken($id: ID!) {
  revokeAccessToken(id: $id) {
    id
    status
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const TokenHolderDocument = new TypedDocumentString(`
    query TokenHolder {
  me {
    email
  }
}
    `) as unknown as TypedDocumentString<TokenHolderQuery, TokenHolderQueryVariables>;
export const TokenCompaniesDocument = new TypedDocumentString(`
    query TokenCompanies {
  myCompanies {
    slug
  }
}
    `) as unknown as TypedDocumentString<TokenCompaniesQuery, TokenCompaniesQueryVariables>;
export const TokenEndpointsDocument = new TypedDocumentString(`
    query TokenEndpoints($c: ID!) {
  myEndpoints(companyId: $c) {
    access
    endpoint {
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<TokenEndpointsQuery, TokenEndpointsQueryVariables>;
export const TokenReadDocument = new TypedDocumentString(`
    query TokenRead($c: ID!, $e: ID!) {
  readOperation(
    companyId: $c
    endpointId: $e
    operation: "listAccounts"
    params: {limit: 1}
  ) {
    status
  }
}
    `) as unknown as TypedDocumentString<TokenReadQuery, TokenReadQueryVariables>;
export const TokenWriteDocument = new TypedDocumentString(`
    mutation TokenWrite($c: ID!, $e: ID!) {
  writeOperation(
    companyId: $c
    endpointId: $e
    operation: "createOpportunity"
    params: {name: "x", accountId: "y", amount: 1}
  ) {
    status
  }
}
    `) as unknown as TypedDocumentString<TokenWriteMutation, TokenWriteMutationVariables>;
export const TokenChatDocument = new TypedDocumentString(`
    mutation TokenChat($c: ID!) {
  chat(companyId: $c, message: "hello") {
    message
  }
}
    `) as unknown as TypedDocumentString<TokenChatMutation, TokenChatMutationVariables>;
export const TokenConfirmDocument = new TypedDocumentString(`
    mutation TokenConfirm($id: ID!) {
  confirmAction(id: $id) {
    result {
      status
    }
  }
}
    `) as unknown as TypedDocumentString<TokenConfirmMutation, TokenConfirmMutationVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($companyId: ID!) {
  dashboard(companyId: $companyId) {
    company {
      slug
    }
    generatedAt
    widgets {
      id
      title
      caption
      kind
      operationKey
      value
      unit
      cached
      error
      series {
        label
        value
      }
      endpoint {
        slug
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const DashboardReadDocument = new TypedDocumentString(`
    query DashboardRead($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {
  readOperation(
    companyId: $companyId
    endpointId: $endpointId
    operation: $operation
    params: $params
  ) {
    data
  }
}
    `) as unknown as TypedDocumentString<DashboardReadQuery, DashboardReadQueryVariables>;
export const DashboardSetAccessDocument = new TypedDocumentString(`
    mutation DashboardSetAccess($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {
  setEndpointAccess(
    roleId: $roleId
    companyId: $companyId
    endpointId: $endpointId
    access: $access
  ) {
    access
  }
}
    `) as unknown as TypedDocumentString<DashboardSetAccessMutation, DashboardSetAccessMutationVariables>;
export const DashboardCreateCredentialDocument = new TypedDocumentString(`
    mutation DashboardCreateCredential($input: CreateCredentialInput!) {
  createCredential(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<DashboardCreateCredentialMutation, DashboardCreateCredentialMutationVariables>;
export const InviteForLinkDocument = new TypedDocumentString(`
    mutation InviteForLink($input: InviteInput!) {
  inviteToCompany(input: $input) {
    emailed
    acceptUrl
    invitation {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<InviteForLinkMutation, InviteForLinkMutationVariables>;
export const ResendForLinkDocument = new TypedDocumentString(`
    mutation ResendForLink($id: ID!) {
  resendInvitation(id: $id) {
    emailed
    acceptUrl
  }
}
    `) as unknown as TypedDocumentString<ResendForLinkMutation, ResendForLinkMutationVariables>;
export const LookUpLinkDocument = new TypedDocumentString(`
    query LookUpLink($t: String!) {
  invitation(token: $t) {
    email
  }
}
    `) as unknown as TypedDocumentString<LookUpLinkQuery, LookUpLinkQueryVariables>;
export const DeclineLinkDocument = new TypedDocumentString(`
    mutation DeclineLink($t: String!) {
  declineInvitation(token: $t)
}
    `) as unknown as TypedDocumentString<DeclineLinkMutation, DeclineLinkMutationVariables>;
export const InviteDocument = new TypedDocumentString(`
    mutation Invite($input: InviteInput!) {
  inviteToCompany(input: $input) {
    emailed
    acceptUrl
    invitation {
      id
      email
      status
      roles {
        key
      }
      expiresAt
      sentAt
    }
  }
}
    `) as unknown as TypedDocumentString<InviteMutation, InviteMutationVariables>;
export const ResendInvitationDocument = new TypedDocumentString(`
    mutation ResendInvitation($id: ID!) {
  resendInvitation(id: $id) {
    emailed
    acceptUrl
    invitation {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ResendInvitationMutation, ResendInvitationMutationVariables>;
export const RevokeInvitationDocument = new TypedDocumentString(`
    mutation RevokeInvitation($id: ID!) {
  revokeInvitation(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const InvitationsDocument = new TypedDocumentString(`
    query Invitations($c: ID!) {
  invitations(companyId: $c) {
    id
    email
    status
    roles {
      key
    }
  }
}
    `) as unknown as TypedDocumentString<InvitationsQuery, InvitationsQueryVariables>;
export const LookUpInvitationDocument = new TypedDocumentString(`
    query LookUpInvitation($t: String!) {
  invitation(token: $t) {
    companyName
    roles
    email
    status
  }
}
    `) as unknown as TypedDocumentString<LookUpInvitationQuery, LookUpInvitationQueryVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($t: String!, $n: String, $p: String) {
  acceptInvitation(token: $t, name: $n, password: $p) {
    token
    user {
      email
      name
      memberships {
        company {
          slug
        }
        role {
          key
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const DeclineInvitationDocument = new TypedDocumentString(`
    mutation DeclineInvitation($t: String!) {
  declineInvitation(token: $t)
}
    `) as unknown as TypedDocumentString<DeclineInvitationMutation, DeclineInvitationMutationVariables>;
export const InviteeDocument = new TypedDocumentString(`
    query Invitee {
  me {
    email
    memberships {
      company {
        slug
      }
      role {
        key
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InviteeQuery, InviteeQueryVariables>;
export const GrantRoleDocument = new TypedDocumentString(`
    mutation GrantRole($u: ID!, $c: ID!, $r: ID!) {
  grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) {
    company {
      slug
    }
    role {
      key
    }
  }
}
    `) as unknown as TypedDocumentString<GrantRoleMutation, GrantRoleMutationVariables>;
export const PeopleIdsAndEmailsDocument = new TypedDocumentString(`
    query PeopleIdsAndEmails {
  users {
    id
    email
  }
}
    `) as unknown as TypedDocumentString<PeopleIdsAndEmailsQuery, PeopleIdsAndEmailsQueryVariables>;
export const SessionHolderDocument = new TypedDocumentString(`
    query SessionHolder {
  me {
    email
  }
}
    `) as unknown as TypedDocumentString<SessionHolderQuery, SessionHolderQueryVariables>;
export const SessionLogoutDocument = new TypedDocumentString(`
    mutation SessionLogout {
  logout
}
    `) as unknown as TypedDocumentString<SessionLogoutMutation, SessionLogoutMutationVariables>;
export const SessionSignOutEverywhereDocument = new TypedDocumentString(`
    mutation SessionSignOutEverywhere($u: ID) {
  signOutEverywhere(userId: $u)
}
    `) as unknown as TypedDocumentString<SessionSignOutEverywhereMutation, SessionSignOutEverywhereMutationVariables>;
export const LiveTokenDocument = new TypedDocumentString(`
    mutation LiveToken($c: ID!) {
  createAccessToken(input: {companyId: $c, name: "live"}) {
    token
    accessToken {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<LiveTokenMutation, LiveTokenMutationVariables>;
export const RevokeLiveTokenDocument = new TypedDocumentString(`
    mutation RevokeLiveToken($id: ID!) {
  revokeAccessToken(id: $id) {
    status
  }
}
    `) as unknown as TypedDocumentString<RevokeLiveTokenMutation, RevokeLiveTokenMutationVariables>;
export const SalesInboundSecretDocument = new TypedDocumentString(`
    mutation SalesInboundSecret($e: ID!) {
  rotateInboundWebhookSecret(endpointId: $e) {
    secret
  }
}
    `) as unknown as TypedDocumentString<SalesInboundSecretMutation, SalesInboundSecretMutationVariables>;
export const SessionPersonDocument = new TypedDocumentString(`
    mutation SessionPerson($i: CreateUserInput!) {
  createUser(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<SessionPersonMutation, SessionPersonMutationVariables>;
export const SessionPersonRoleDocument = new TypedDocumentString(`
    mutation SessionPersonRole($u: ID!, $c: ID!, $r: ID!) {
  grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) {
    role {
      key
    }
  }
}
    `) as unknown as TypedDocumentString<SessionPersonRoleMutation, SessionPersonRoleMutationVariables>;
export const SessionPersonRoleGoneDocument = new TypedDocumentString(`
    mutation SessionPersonRoleGone($u: ID!, $c: ID!, $r: ID!) {
  revokeCompanyAccess(userId: $u, companyId: $c, roleId: $r)
}
    `) as unknown as TypedDocumentString<SessionPersonRoleGoneMutation, SessionPersonRoleGoneMutationVariables>;
export const PersonByIdDocument = new TypedDocumentString(`
    query PersonById($id: ID!) {
  user(id: $id) {
    id
    email
    name
    isPlatformAdmin
    memberships {
      company {
        slug
      }
      role {
        key
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PersonByIdQuery, PersonByIdQueryVariables>;
export const PeopleIdsDocument = new TypedDocumentString(`
    query PeopleIds {
  users {
    id
  }
}
    `) as unknown as TypedDocumentString<PeopleIdsQuery, PeopleIdsQueryVariables>;
export const CreatePersonDocument = new TypedDocumentString(`
    mutation CreatePerson($input: CreateUserInput!) {
  createUser(input: $input) {
    id
    email
    isPlatformAdmin
  }
}
    `) as unknown as TypedDocumentString<CreatePersonMutation, CreatePersonMutationVariables>;