// The conversation on screen, as a reducer: the person's messages, the assistant's answers as
// their stream arrives (tokens, tool calls, proposed actions, then the whole reply), and every
// proposed action by id, so a card can show it wherever it is listed.
import type { ChatStreamSubscription, PendingActionFieldsFragment } from '../../gql/graphql.ts';

export type StreamEvent = ChatStreamSubscription['chatStream'];
type ToolTrace = { tool: string; status?: number | null; ok: boolean };

/** What confirmAction returns about the request it sent. */
type UpstreamAnswer = { status: number; data?: unknown };

export interface ActionView extends PendingActionFieldsFragment {
  /** After Confirm: the upstream's answer. */
  result?: UpstreamAnswer | null;
}

interface UserTurn {
  kind: 'user';
  id: string;
  text: string;
}

export interface AssistantTurn {
  kind: 'assistant';
  id: string;
  text: string;
  tools: ToolTrace[];
  /** Actions proposed in this answer; details may arrive after the id. */
  actionIds: string[];
  status: 'streaming' | 'done' | 'failed' | 'stopped';
  model: string | null;
  error: string | null;
}

export type Turn = UserTurn | AssistantTurn;

export interface ChatState {
  /** Null until the server's first reply names the conversation. */
  conversationId: string | null;
  turns: Turn[];
  actions: Record<string, ActionView>;
  /** The assistant turn whose stream is open, if any. */
  streamingId: string | null;
  /** The model that answered last, once known. */
  model: string | null;
  nextId: number;
}

export type ChatAction =
  | { type: 'send'; text: string }
  | { type: 'event'; event: StreamEvent }
  | { type: 'failed'; message: string }
  | { type: 'ended' }
  | { type: 'stop' }
  | { type: 'new-conversation' }
  | { type: 'pending-loaded'; actions: readonly PendingActionFieldsFragment[] }
  | { type: 'action-updated'; action: PendingActionFieldsFragment; result?: UpstreamAnswer | null };

export const initialChatState: ChatState = {
  conversationId: null,
  turns: [],
  actions: {},
  streamingId: null,
  model: null,
  nextId: 1,
};

function updateStreaming(
  state: ChatState,
  update: (turn: AssistantTurn) => Partial<AssistantTurn>,
  end = false,
): ChatState {
  const id = state.streamingId;
  if (id === null) return state;
  return {
    ...state,
    turns: state.turns.map((t) => (t.id === id && t.kind === 'assistant' ? { ...t, ...update(t) } : t)),
    streamingId: end ? null : id,
  };
}

function withActions(
  actions: Record<string, ActionView>,
  incoming: readonly PendingActionFieldsFragment[],
): Record<string, ActionView> {
  const next = { ...actions };
  // Keep a result already shown: a later copy of the same action does not carry it.
  for (const action of incoming) next[action.id] = { ...next[action.id], ...action };
  return next;
}

function applyEvent(state: ChatState, event: StreamEvent): ChatState {
  switch (event.type) {
    case 'token':
      return updateStreaming(state, (t) => ({ text: t.text + (event.text ?? '') }));
    case 'tool_call':
      return event.toolCall ? updateStreaming(state, (t) => ({ tools: [...t.tools, event.toolCall!] })) : state;
    case 'pending_action': {
      const actionId = event.actionId;
      return actionId
        ? updateStreaming(state, (t) => ({
            actionIds: t.actionIds.includes(actionId) ? t.actionIds : [...t.actionIds, actionId],
          }))
        : state;
    }
    case 'done': {
      const reply = event.reply;
      if (!reply) return state;
      const ids = reply.pendingActions.map((a) => a.id);
      const next = updateStreaming(
        state,
        // The reply is the whole answer: tokens of intermediate rounds are not part of it.
        (t) => ({
          text: reply.message,
          tools: reply.toolCalls,
          actionIds: [...new Set([...t.actionIds, ...ids])],
          status: 'done',
          model: reply.model,
        }),
        true,
      );
      return {
        ...next,
        conversationId: reply.conversationId,
        model: reply.model,
        actions: withActions(next.actions, reply.pendingActions),
      };
    }
    case 'error':
      return updateStreaming(
        state,
        () => ({ status: 'failed', error: event.error ?? 'The assistant could not answer.' }),
        true,
      );
    default:
      return state;
  }
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'send': {
      if (state.streamingId !== null) return state;
      const userId = `t${state.nextId}`;
      const assistantId = `t${state.nextId + 1}`;
      return {
        ...state,
        turns: [
          ...state.turns,
          { kind: 'user', id: userId, text: action.text },
          {
            kind: 'assistant',
            id: assistantId,
            text: '',
            tools: [],
            actionIds: [],
            status: 'streaming',
            model: null,
            error: null,
          },
        ],
        streamingId: assistantId,
        nextId: state.nextId + 2,
      };
    }
    case 'event':
      return applyEvent(state, action.event);
    case 'failed':
      return updateStreaming(state, () => ({ status: 'failed', error: action.message }), true);
    case 'ended':
      // The stream closed without "done" or "error": say so rather than wait forever.
      return updateStreaming(
        state,
        () => ({ status: 'failed', error: 'The answer stopped before it was complete. Try again.' }),
        true,
      );
    case 'stop':
      return updateStreaming(state, () => ({ status: 'stopped' }), true);
    case 'new-conversation': {
      // Undecided actions stay listed: starting over must not hide a change waiting for a decision.
      const pending = Object.fromEntries(Object.entries(state.actions).filter(([, a]) => a.status === 'pending'));
      return { ...initialChatState, actions: pending, model: state.model, nextId: state.nextId };
    }
    case 'pending-loaded': {
      // The list is read again every few seconds (an action proposed through MCP appears): it
      // adds actions this page does not know, and never overwrites one it does, since an answer
      // sent before a decision made here would turn that action back to pending.
      const unknown = action.actions.filter((a) => !(a.id in state.actions));
      return unknown.length === 0 ? state : { ...state, actions: withActions(state.actions, unknown) };
    }
    case 'action-updated':
      return {
        ...state,
        actions: {
          ...state.actions,
          [action.action.id]: {
            ...state.actions[action.action.id],
            ...action.action,
            ...(action.result !== undefined ? { result: action.result } : {}),
          },
        },
      };
  }
}

/** Actions not proposed in the conversation on screen (earlier ones, e.g. before a reload). */
export function earlierActions(state: ChatState): ActionView[] {
  const shown = new Set(state.turns.flatMap((t) => (t.kind === 'assistant' ? t.actionIds : [])));
  return Object.values(state.actions)
    .filter((a) => !shown.has(a.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
