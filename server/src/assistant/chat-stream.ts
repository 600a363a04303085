// A chat as a stream of events for the web app (GraphQL subscription over graphql-ws): answer
// tokens as they arrive, each tool call, each proposed action, then the whole reply.
import { AppError } from '../lib/errors.ts';
import type { Assistant, ChatInput, ToolCallTrace } from './chat.ts';

export type ChatStreamEvent =
  | { type: 'token'; text: string }
  | { type: 'tool_call'; toolCall: ToolCallTrace }
  | { type: 'pending_action'; actionId: string }
  | { type: 'done'; reply: Awaited<ReturnType<Assistant['chat']>> & { model: string } }
  | { type: 'error'; error: string; code: string };

/** Runs the chat and yields its events; ends after "done" or "error". */
export async function* streamChat(
  assistant: Assistant,
  input: Omit<ChatInput, 'onEvent'>,
): AsyncGenerator<ChatStreamEvent> {
  const queue: ChatStreamEvent[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  const push = (event: ChatStreamEvent) => {
    queue.push(event);
    wake?.();
  };
  void assistant
    .chat({
      ...input,
      onEvent: (event) =>
        push(
          event.type === 'token'
            ? event
            : event.type === 'tool_call'
              ? { type: 'tool_call', toolCall: event.trace }
              : { type: 'pending_action', actionId: event.actionId },
        ),
    })
    .then((reply) => push({ type: 'done', reply: { ...reply, model: assistant.providerName } }))
    .catch((error: unknown) =>
      push(
        error instanceof AppError
          ? { type: 'error', error: error.message, code: error.code }
          : { type: 'error', error: 'Internal server error.', code: 'INTERNAL_SERVER_ERROR' },
      ),
    )
    .finally(() => {
      finished = true;
      wake?.();
    });
  while (true) {
    const next = queue.shift();
    if (next) {
      yield next;
      if (next.type === 'done' || next.type === 'error') return;
      continue;
    }
    if (finished) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}
