// Builds the executable schema: type-graphql classes, then the shield around every field.
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema, type PubSub } from 'type-graphql';
import { AuditLogResolver } from '../modules/audit/audit-log.resolver.ts';
import { CompanyResolver } from '../modules/company/company.resolver.ts';
import { CredentialResolver } from '../modules/credential/credential.resolver.ts';
import { EndpointResolver } from '../modules/endpoint/endpoint.resolver.ts';
import { OpenApiResolver } from '../modules/openapi/openapi.resolver.ts';
import { AssistantResolver } from '../assistant/assistant.resolver.ts';
import { DashboardResolver, DashboardWidgetResolver } from '../modules/dashboard/dashboard.resolver.ts';
import { WidgetDefinitionResolver } from '../modules/dashboard/widget.resolver.ts';
import { OperationResolver } from '../modules/operation/operation.resolver.ts';
import { MembershipResolver } from '../modules/membership/membership.resolver.ts';
import { PermissionResolver, ToolPreviewResolver } from '../modules/permission/permission.resolver.ts';
import { RoleResolver } from '../modules/role/role.resolver.ts';
import { SessionResolver } from '../modules/session/session.resolver.ts';
import { UserResolver } from '../modules/user/user.resolver.ts';
import { WebhookResolver } from '../modules/webhook/webhook.resolver.ts';
import { InboundWebhookResolver } from '../modules/inbound-webhook/inbound-webhook.resolver.ts';
import { FieldRuleResolver } from '../modules/field-rule/field-rule.resolver.ts';
import { AccessTokenResolver } from '../modules/access-token/access-token.resolver.ts';
import { IdentityProviderResolver } from '../modules/identity-provider/identity-provider.resolver.ts';
import { UsageResolver } from '../modules/usage/usage.resolver.ts';
import { InvitationResolver } from '../modules/invitation/invitation.resolver.ts';
import { OAuthConnectResolver } from '../modules/oauth-connect/oauth-connect.resolver.ts';
import { argumentBoundsMiddleware } from './plugins/argument-bounds.ts';
import { storableTextMiddleware } from './plugins/storable-text.ts';
import { permissions, rootFieldsOnly } from './shield.ts';

export const resolvers = [
  CompanyResolver,
  RoleResolver,
  UserResolver,
  SessionResolver,
  MembershipResolver,
  EndpointResolver,
  OpenApiResolver,
  PermissionResolver,
  ToolPreviewResolver,
  CredentialResolver,
  OperationResolver,
  AssistantResolver,
  DashboardResolver,
  DashboardWidgetResolver,
  WidgetDefinitionResolver,
  AuditLogResolver,
  WebhookResolver,
  InboundWebhookResolver,
  FieldRuleResolver,
  AccessTokenResolver,
  UsageResolver,
  InvitationResolver,
  OAuthConnectResolver,
  IdentityProviderResolver,
] as const;

/**
 * type-graphql insists on a PubSub once a schema has subscriptions, even when, as here, every
 * subscription brings its own `subscribe` stream. Topic subscriptions would be a mistake: fail.
 */
const noTopicPubSub: PubSub = {
  publish() {
    throw new Error('Tessera subscriptions stream directly; topic publishing is not used.');
  },
  subscribe() {
    throw new Error('Tessera subscriptions stream directly; topic subscriptions are not used.');
  },
};

/** The schema without authorization: for printing the SDL and for the contract test. */
export function buildBareSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    pubSub: noTopicPubSub,
  });
}

/**
 * The resolvers with the bounds on JSON and times (argument-bounds.ts) and the refusal of text the
 * database cannot store, without authorization. Nothing in the product serves it; the benchmark's
 * shield-cost baseline does (bench/baselines/no-shield.schema.ts).
 */
export async function buildResolverSchema(): Promise<GraphQLSchema> {
  const bare = await buildBareSchema();
  return applyMiddleware(bare, argumentBoundsMiddleware, storableTextMiddleware);
}

/** The schema Tessera serves: buildResolverSchema's, with the shield before everything (who may ask). */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const bare = await buildBareSchema();
  return applyMiddleware(bare, rootFieldsOnly(permissions, bare), argumentBoundsMiddleware, storableTextMiddleware);
}
