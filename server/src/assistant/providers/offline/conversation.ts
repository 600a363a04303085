// What the messages say about the current question: its text, the calls already proposed for it
// and their results (by tool name and arguments, so ids never matter), and, in the toolbox's search
// mode, the operations that searches returned.
import type { ChatMessage, ToolCallRequest, ToolSpec } from '../../model.ts';
import { parseToolResult } from '../../tool-result.ts';
import type { Result } from './results.ts';
import type { Call } from './tasks.ts';

/** The toolbox's pair past its direct-tool limit (server/src/assistant/tools.ts). */
export const SEARCH_TOOL = 'search_operations';
export const INVOKE_TOOL = 'invoke_operation';

const stable = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(stable).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value);

export const callKey = (call: Call) => `${call.name} ${stable(call.args)}`;

export interface Conversation {
  question: string | undefined;
  /** Results of this question's calls, by callKey. */
  results: Map<string, Result>;
  /** Calls already proposed for this question (answered or not). */
  issued: Set<string>;
  /** Operations found by this question's searches (search mode). */
  found: ToolSpec[];
  rounds: number;
  /** Tool calls in the whole conversation, for fresh ids. */
  callCount: number;
}

/** The operation a proposed call runs: through invoke_operation, the inner tool and arguments. */
function callOf(request: ToolCallRequest): Call | undefined {
  let args: unknown;
  try {
    args = request.arguments.trim() ? JSON.parse(request.arguments) : {};
  } catch {
    return undefined;
  }
  if (!args || typeof args !== 'object' || Array.isArray(args)) return undefined;
  const record = args as Record<string, unknown>;
  if (request.name === INVOKE_TOOL && typeof record.tool === 'string') {
    const inner = record.arguments;
    return {
      name: record.tool,
      args: inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {},
    };
  }
  return { name: request.name, args: record };
}

function foundSpecs(data: unknown): ToolSpec[] {
  if (!Array.isArray(data)) return [];
  return data
    .filter(
      (d): d is Record<string, unknown> =>
        !!d && typeof d === 'object' && typeof (d as Record<string, unknown>).tool === 'string',
    )
    .map((d) => ({
      name: d.tool as string,
      description: typeof d.description === 'string' ? d.description : '',
      parameters: d.parameters && typeof d.parameters === 'object' ? (d.parameters as Record<string, unknown>) : {},
    }));
}

export function readConversation(messages: readonly ChatMessage[]): Conversation {
  let start = -1;
  for (let i = messages.length - 1; i >= 0 && start < 0; i--) if (messages[i]!.role === 'user') start = i;
  const conversation: Conversation = {
    question: start < 0 ? undefined : (messages[start] as { content: string }).content,
    results: new Map(),
    issued: new Set(),
    found: [],
    rounds: 0,
    callCount: messages.reduce((n, m) => n + (m.role === 'assistant' ? (m.toolCalls?.length ?? 0) : 0), 0),
  };
  const byId = new Map<string, Call>();
  for (const message of messages.slice(start + 1)) {
    if (message.role === 'assistant' && message.toolCalls?.length) {
      conversation.rounds++;
      for (const request of message.toolCalls) {
        const call = callOf(request);
        if (!call) continue;
        byId.set(request.id, call);
        conversation.issued.add(callKey(call));
      }
    } else if (message.role === 'tool') {
      const call = byId.get(message.toolCallId);
      if (!call) continue;
      const parsed = parseToolResult(message.content);
      conversation.results.set(callKey(call), {
        status: parsed.status,
        httpStatus: parsed.httpStatus ?? undefined,
        data: parsed.data,
        truncated: parsed.truncated,
      });
      if (call.name === SEARCH_TOOL && parsed.status === 'ok') conversation.found.push(...foundSpecs(parsed.data));
    }
  }
  return conversation;
}
