// The MCP tools: the assistant's tools (same names, descriptions and argument schemas, from the
// same policy), plus get_action_status. Reads run through the gateway (policy again, limits,
// cache, call log with source "mcp"); writes only become pending actions that the person
// confirms in the web app. Every refusal is a tool error that names nothing outside the call.
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { proposeAction } from '../assistant/actions.ts';
import { formatToolResult } from '../assistant/tool-result.ts';
import { toolDescription, toolParameters, writeArgs } from '../assistant/tools.ts';
import type { PermittedOperation } from '../policy/policy.operations.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/client.ts';
import type { Gateway } from '../gateway/gateway.ts';
import { AppError } from '../lib/errors.ts';
import { isUuid } from '../lib/ids.ts';
import type { Logger } from '../lib/logger.ts';
import { ownedScope } from '../policy/policy.ts';
import type { Actor } from '../modules/audit/audit.record.ts';

export const ACTION_STATUS_TOOL = 'get_action_status';
const MCP_SOURCE = 'mcp';
const NO_SUCH_TOOL = 'There is no such tool among those you may use.';

export interface McpCallContext {
  db: Db;
  gateway: Gateway;
  logger: Logger;
  principal: Principal;
  companyId: string;
  actor: Actor;
  requestId: string;
  /** The operations the policy lets the caller use in the company, asked once per HTTP request. */
  operations(): Promise<PermittedOperation[]>;
}

const ACTION_STATUS: Tool = {
  name: ACTION_STATUS_TOOL,
  description:
    'The status of a change you proposed with a write tool: pending (awaiting confirmation in the Tessera web app), executing, executed (with the HTTP status it got), rejected, expired or failed.',
  inputSchema: {
    type: 'object',
    properties: { actionId: { type: 'string', description: 'The actionId a write tool returned.' } },
    required: ['actionId'],
    additionalProperties: false,
  },
  annotations: { readOnlyHint: true, openWorldHint: false },
};

export function mcpTools(operations: PermittedOperation[]): Tool[] {
  // MCP wants an object schema at the top; tool arguments are always an object anyway.
  return [
    ...operations.map((op) => ({
      name: op.tool,
      description: toolDescription(op),
      inputSchema: { ...toolParameters(op), type: 'object' as const },
      // Hints for the client's own confirmation prompts; a write here only proposes anyway.
      annotations: { readOnlyHint: op.operation.method === 'GET', destructiveHint: false, openWorldHint: true },
    })),
    ACTION_STATUS,
  ];
}

function toolText(
  tool: string,
  status: 'ok' | 'pending' | 'error',
  data: unknown,
  httpStatus?: number | null,
): CallToolResult {
  return {
    content: [{ type: 'text', text: formatToolResult({ tool, status, httpStatus, data }) }],
    ...(status === 'error' ? { isError: true } : {}),
  };
}

export async function callTool(
  ctx: McpCallContext,
  requested: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  // The client's string goes back into results and the log: only the characters tool names have.
  const name = requested.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  const result = await runTool(ctx, name, args);
  // The tool and whether it worked, never its arguments or data (business data).
  ctx.logger.info(
    { companyId: ctx.companyId, userId: ctx.principal.userId, tool: name, ok: !result.isError },
    'MCP tool call',
  );
  return result;
}

async function runTool(ctx: McpCallContext, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  try {
    if (name === ACTION_STATUS_TOOL) return await actionStatus(ctx, args);
    // Asked again on every call: a grant removed a moment ago is already gone.
    const op = (await ctx.operations()).find((o) => o.tool === name);
    if (!op) return toolText(name, 'error', { error: NO_SUCH_TOOL });
    return op.operation.method === 'GET' ? await read(ctx, op, args) : await propose(ctx, op, args);
  } catch (error) {
    if (error instanceof AppError) {
      const status = (error.extensions.upstreamStatus as number | undefined) ?? null;
      return toolText(name, 'error', { error: error.message, code: error.code }, status);
    }
    // Unknown failures keep their detail in the log only.
    ctx.logger.error({ err: error, requestId: ctx.requestId, tool: name }, 'MCP tool call failed');
    return toolText(name, 'error', { error: `Internal error. Request id: ${ctx.requestId}` });
  }
}

async function read(
  ctx: McpCallContext,
  op: PermittedOperation,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  const result = await ctx.gateway.call({
    principal: ctx.principal,
    companyId: ctx.companyId,
    endpointId: op.endpoint.id,
    operationKey: op.operation.key,
    params: args,
    mode: 'read',
    source: MCP_SOURCE,
    requestId: ctx.requestId,
  });
  return toolText(op.tool, 'ok', result.data, result.status);
}

async function propose(
  ctx: McpCallContext,
  op: PermittedOperation,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  const proposed = await writeArgs(op, args);
  const action = await proposeAction(ctx.db, ctx.actor, {
    userId: ctx.principal.userId,
    companyId: ctx.companyId,
    conversationId: null,
    endpointId: op.endpoint.id,
    operationId: op.operation.id,
    operationKey: op.operation.key,
    ...proposed,
  });
  return toolText(op.tool, 'pending', {
    actionId: action.id,
    status: action.status,
    request: { method: op.operation.method, path: op.operation.path, ...proposed.args },
    expiresAt: action.expiresAt.toISOString(),
    message: `Proposed. Nothing has been changed: the person must confirm this action on the Assistant page of the Tessera web app before it expires. Check it with ${ACTION_STATUS_TOOL}.`,
  });
}

async function actionStatus(ctx: McpCallContext, args: Record<string, unknown>): Promise<CallToolResult> {
  const id = typeof args.actionId === 'string' ? args.actionId : '';
  // The caller's own action in this company; anyone else's reads exactly like none.
  const action = isUuid(id)
    ? await ctx.db.pendingAction.findFirst({ where: { id, ...ownedScope(ctx.principal, ctx.companyId) } })
    : null;
  if (!action) return toolText(ACTION_STATUS_TOOL, 'error', { error: 'Action not found.', code: 'NOT_FOUND' });
  const expired = action.status === 'pending' && action.expiresAt.getTime() <= Date.now();
  return toolText(ACTION_STATUS_TOOL, 'ok', {
    actionId: action.id,
    status: expired ? 'expired' : action.status,
    resultStatus: action.resultStatus,
    expiresAt: action.expiresAt.toISOString(),
    decidedAt: action.decidedAt?.toISOString() ?? null,
  });
}
