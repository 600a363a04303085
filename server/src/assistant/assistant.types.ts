import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { ApiEndpoint, EndpointOperation } from '../modules/endpoint/endpoint.types.ts';
import { UpstreamResult } from '../modules/operation/operation.types.ts';

@ObjectType({ simpleResolvers: true, description: 'One tool the assistant ran while answering.' })
export class ToolCallTrace {
  @Field(() => String, { description: '"<endpoint slug>__<operation key>"' }) tool!: string;
  @Field(() => Int, { nullable: true }) status!: number | null;
  @Field(() => Boolean) ok!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The exact HTTP request a pending action sends when confirmed; any other is refused (CONFLICT).',
})
export class ProposedRequest {
  @Field(() => String) method!: string;
  @Field(() => String, { description: 'The resolved URL: base URL, path and query string' }) url!: string;
  @Field(() => String, { description: "The operation's path template when proposed" }) pathTemplate!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A write the assistant proposed: the exact request, awaiting its owner.',
})
export class PendingAction {
  @Field(() => ID) id!: string;
  @Field(() => ApiEndpoint) endpoint!: ApiEndpoint;
  @Field(() => EndpointOperation) operation!: EndpointOperation;
  @Field(() => JSONResolver, { description: '{ params, body } exactly as they will be sent' }) args!: unknown;
  @Field(() => String, { description: '"pending", "executed", "rejected", "expired", "failed"' }) status!: string;
  @Field(() => DateTimeResolver) expiresAt!: Date;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the executed request' }) resultStatus!:
    | number
    | null;
  @Field(() => ProposedRequest, {
    nullable: true,
    description: 'The request it is bound to (null on actions proposed before requests were bound)',
  })
  request!: ProposedRequest | null;
}

export interface PendingActionRow {
  id: string;
  companyId: string;
  endpointId: string;
  operationId: string;
  args: unknown;
  status: string;
  expiresAt: Date;
  createdAt: Date;
  resultStatus: number | null;
  request: unknown;
}

@ObjectType({ simpleResolvers: true })
export class ChatReply {
  @Field(() => ID) conversationId!: string;
  @Field(() => String) message!: string;
  @Field(() => [ToolCallTrace]) toolCalls!: ToolCallTrace[];
  @Field(() => [PendingAction]) pendingActions!: PendingAction[];
  @Field(() => String, { description: 'Which model answered: "offline-planner" or "openai:<model>".' }) model!: string;
}

@ObjectType({ simpleResolvers: true })
export class ActionResult {
  @Field(() => PendingAction) action!: PendingAction;
  @Field(() => UpstreamResult, { nullable: true }) result!: UpstreamResult | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One event of a streamed chat: "token", "tool_call", "pending_action", "done" or "error".',
})
export class ChatStreamEvent {
  @Field(() => String) type!: string;
  @Field(() => String, { nullable: true, description: 'token: a piece of the answer' }) text?: string | null;
  @Field(() => ToolCallTrace, { nullable: true }) toolCall?: ToolCallTrace | null;
  @Field(() => ID, { nullable: true }) actionId?: string | null;
  @Field(() => ChatReply, { nullable: true, description: 'done: the whole reply' }) reply?: ChatReply | null;
  @Field(() => String, { nullable: true }) error?: string | null;
  @Field(() => String, { nullable: true, description: 'error: its code' }) code?: string | null;
}
