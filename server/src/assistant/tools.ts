// The assistant's tools come from the policy and nothing else: one function tool per operation
// the caller may use in the company (policy/policy.operations.ts: permittedOperations, which MCP
// and the admin preview offer too). This file gives them their shapes: description, argument
// schema, the request a write makes. Past 40 of them the model gets a search tool and an invoke
// tool instead, with the same list behind both.
import type { PermittedOperation } from '../policy/policy.operations.ts';
import { buildRequest, prepareValidator } from '../gateway/request-builder.ts';
import { boundRequestOf, type BoundRequest } from '../gateway/bound-request.ts';
import type { ActionArgs } from './actions.ts';
import type { ToolSpec } from './model.ts';

export const MAX_DIRECT_TOOLS = 40;
export const SEARCH_TOOL = 'search_operations';
export const INVOKE_TOOL = 'invoke_operation';

const EMPTY_SCHEMA = { type: 'object', properties: {}, additionalProperties: false };

/** What the model reads about a tool; the admin preview shows the same text. */
export function toolDescription(op: PermittedOperation): string {
  const write =
    op.operation.method !== 'GET' ? ' Changes data: it only proposes the change, which the person must confirm.' : '';
  return `${op.endpoint.name}: ${op.operation.description ?? op.operation.key} (${op.operation.method} ${op.operation.path}).${write}`;
}

/** The JSON Schema of a tool's arguments: what the model is given, and MCP clients too. */
export function toolParameters(op: PermittedOperation): Record<string, unknown> {
  return (op.operation.paramsSchema as Record<string, unknown> | null) ?? EMPTY_SCHEMA;
}

/**
 * A write tool's arguments as the request that will be sent: path parameters stay params,
 * everything else is the body (none for DELETE). Checked now (BadInputError), so the caller can
 * correct itself instead of proposing a request that will fail.
 */
export async function writeArgs(op: PermittedOperation, args: Record<string, unknown>): Promise<ProposedWrite> {
  const pathNames = new Set([...op.operation.path.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!));
  const params = Object.fromEntries(Object.entries(args).filter(([k]) => pathNames.has(k)));
  const body =
    op.operation.method === 'DELETE'
      ? null
      : Object.fromEntries(Object.entries(args).filter(([k]) => !pathNames.has(k)));
  await prepareValidator(op.operation, op.endpoint.companyId);
  const built = buildRequest(op.endpoint.baseUrl, op.operation, params, body);
  return { args: { params, body }, request: boundRequestOf(op.endpoint.baseUrl, op.operation, built) };
}

/** A write as it will be proposed: its arguments, and the exact request they make now. */
export interface ProposedWrite {
  args: ActionArgs;
  request: BoundRequest;
}

export interface Toolbox {
  tools: ToolSpec[];
  mode: 'direct' | 'search';
  /** The permitted operation behind a tool name, or null (not offered, not permitted). */
  resolve(name: string): PermittedOperation | null;
  search(query: string): { tool: string; description: string; parameters: unknown }[];
}

export function buildToolbox(operations: PermittedOperation[]): Toolbox {
  const byName = new Map(operations.map((o) => [o.tool, o]));
  const search = (query: string) => {
    const words = query
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1);
    return operations
      .map((o) => ({
        o,
        score: words.filter((w) => `${o.tool} ${toolDescription(o)}`.toLowerCase().includes(w)).length,
      }))
      .filter((x) => x.score > 0 || words.length === 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 15)
      .map(({ o }) => ({ tool: o.tool, description: toolDescription(o), parameters: toolParameters(o) }));
  };
  if (operations.length <= MAX_DIRECT_TOOLS) {
    return {
      mode: 'direct',
      tools: operations.map((o) => ({ name: o.tool, description: toolDescription(o), parameters: toolParameters(o) })),
      resolve: (name) => byName.get(name) ?? null,
      search,
    };
  }
  return {
    mode: 'search',
    tools: [
      {
        name: SEARCH_TOOL,
        description:
          'Find the operations you may use, by keywords (e.g. "invoices overdue"). Returns tool names, descriptions and parameter schemas.',
        parameters: {
          type: 'object',
          properties: { query: { type: 'string' } },
          required: ['query'],
          additionalProperties: false,
        },
      },
      {
        name: INVOKE_TOOL,
        description: 'Run one operation found with search_operations: give its tool name and its arguments.',
        parameters: {
          type: 'object',
          properties: { tool: { type: 'string' }, arguments: { type: 'object' } },
          required: ['tool'],
          additionalProperties: false,
        },
      },
    ],
    resolve: (name) => byName.get(name) ?? null,
    search,
  };
}
