import { describe, expect, it } from 'vitest';
import type { PendingActionFieldsFragment } from '../../gql/graphql.ts';
import {
  chatReducer,
  earlierActions,
  initialChatState,
  type AssistantTurn,
  type ChatAction,
  type ChatState,
  type StreamEvent,
} from './chat-state.ts';

const action = (id: string, extra: Partial<PendingActionFieldsFragment> = {}): PendingActionFieldsFragment => ({
  id,
  status: 'pending',
  args: { params: {}, body: { name: 'Deal', amount: 1 } },
  expiresAt: '2026-01-01T00:15:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  resultStatus: null,
  endpoint: { id: 'e1', name: 'Sales API', slug: 'sales-api' },
  operation: {
    id: 'o1',
    key: 'createOpportunity',
    method: 'POST',
    path: '/opportunities',
    description: 'Create an opportunity.',
  },
  ...extra,
});

const event = (e: Partial<StreamEvent> & { type: string }): ChatAction => ({ type: 'event', event: e as StreamEvent });
const run = (...actions: ChatAction[]) => actions.reduce<ChatState>(chatReducer, initialChatState);
const lastAnswer = (state: ChatState) => state.turns.at(-1) as AssistantTurn;

describe('chatReducer', () => {
  it('folds a stream into one answer: tokens, tool calls, proposed actions, then the reply', () => {
    const streaming = run(
      { type: 'send', text: 'Create a deal' },
      event({ type: 'tool_call', toolCall: { tool: 'sales-api__listAccounts', status: 200, ok: true } }),
      event({ type: 'token', text: 'Proposed; ' }),
      event({ type: 'pending_action', actionId: 'a1' }),
      event({ type: 'token', text: 'please confirm.' }),
    );
    expect(streaming.turns.map((t) => t.kind)).toEqual(['user', 'assistant']);
    expect(streaming.streamingId).toBe(lastAnswer(streaming).id);
    expect(lastAnswer(streaming)).toMatchObject({
      text: 'Proposed; please confirm.',
      status: 'streaming',
      actionIds: ['a1'],
      tools: [{ tool: 'sales-api__listAccounts' }],
    });

    const done = chatReducer(
      streaming,
      event({
        type: 'done',
        reply: {
          conversationId: 'c1',
          message: 'Proposed; please confirm.',
          model: 'openai:gpt',
          toolCalls: [
            { tool: 'sales-api__listAccounts', status: 200, ok: true },
            { tool: 'sales-api__createOpportunity', status: null, ok: true },
          ],
          pendingActions: [action('a1')],
        },
      }),
    );
    expect(done.streamingId).toBeNull();
    expect(done.conversationId).toBe('c1');
    expect(done.model).toBe('openai:gpt');
    expect(lastAnswer(done)).toMatchObject({ status: 'done', model: 'openai:gpt', actionIds: ['a1'] });
    expect(lastAnswer(done).tools).toHaveLength(2);
    expect(done.actions.a1!.operation.key).toBe('createOpportunity');
  });

  it('takes the reply as the answer: tokens of earlier rounds are dropped', () => {
    const state = run(
      { type: 'send', text: 'q' },
      event({ type: 'token', text: 'Let me look. ' }),
      event({
        type: 'done',
        reply: { conversationId: 'c1', message: 'Cash: 10.', model: 'm', toolCalls: [], pendingActions: [] },
      }),
    );
    expect(lastAnswer(state).text).toBe('Cash: 10.');
  });

  it('keeps the conversation id for the next message, and forgets it on a new conversation', () => {
    const first = run(
      { type: 'send', text: 'q' },
      event({
        type: 'done',
        reply: { conversationId: 'c1', message: 'a', model: 'm', toolCalls: [], pendingActions: [] },
      }),
    );
    const second = chatReducer(first, { type: 'send', text: 'q2' });
    expect(second.conversationId).toBe('c1');
    expect(second.turns).toHaveLength(4);
    expect(new Set(second.turns.map((t) => t.id)).size).toBe(4);
    const fresh = chatReducer(first, { type: 'new-conversation' });
    expect(fresh.conversationId).toBeNull();
    expect(fresh.turns).toEqual([]);
    expect(fresh.model).toBe('m');
  });

  it('refuses a second message while one is streaming', () => {
    const state = run({ type: 'send', text: 'one' });
    expect(chatReducer(state, { type: 'send', text: 'two' })).toBe(state);
  });

  it('ends the stream on a server error, a transport failure, a stop, or an early end', () => {
    expect(
      lastAnswer(
        run(
          { type: 'send', text: 'q' },
          event({ type: 'error', error: 'message must not be empty.', code: 'BAD_USER_INPUT' }),
        ),
      ),
    ).toMatchObject({
      status: 'failed',
      error: 'message must not be empty.',
    });
    expect(
      lastAnswer(run({ type: 'send', text: 'q' }, { type: 'failed', message: 'Could not reach the server.' })),
    ).toMatchObject({ status: 'failed', error: 'Could not reach the server.' });
    const stopped = run({ type: 'send', text: 'q' }, event({ type: 'token', text: 'partial' }), { type: 'stop' });
    expect(lastAnswer(stopped)).toMatchObject({ status: 'stopped', text: 'partial' });
    expect(stopped.streamingId).toBeNull();
    expect(lastAnswer(run({ type: 'send', text: 'q' }, { type: 'ended' })).status).toBe('failed');
    // After the end, late events change nothing.
    expect(chatReducer(stopped, event({ type: 'token', text: 'late' }))).toBe(stopped);
  });

  it('lists actions proposed before (e.g. before a reload) apart from this conversation, and keeps undecided ones on a new conversation', () => {
    let state = run({
      type: 'pending-loaded',
      actions: [action('old', { createdAt: '2026-01-01T00:01:00.000Z' }), action('older')],
    });
    expect(earlierActions(state).map((a) => a.id)).toEqual(['older', 'old']);
    state = run(
      { type: 'pending-loaded', actions: [action('old')] },
      { type: 'send', text: 'q' },
      event({
        type: 'done',
        reply: { conversationId: 'c', message: 'm', model: 'x', toolCalls: [], pendingActions: [action('new')] },
      }),
    );
    expect(earlierActions(state).map((a) => a.id)).toEqual(['old']);
    state = chatReducer(state, {
      type: 'action-updated',
      action: action('old', { status: 'executed', resultStatus: 201 }),
      result: { status: 201, data: { id: 'x' } },
    });
    const fresh = chatReducer(state, { type: 'new-conversation' });
    expect(Object.keys(fresh.actions)).toEqual(['new']);
  });

  it('adds actions proposed elsewhere when the pending list is read again, and never turns a decided one back to pending', () => {
    let state = run({ type: 'pending-loaded', actions: [action('a1')] });
    state = chatReducer(state, {
      type: 'action-updated',
      action: action('a1', { status: 'executed', resultStatus: 201 }),
    });
    const polled = chatReducer(state, { type: 'pending-loaded', actions: [action('a1'), action('from-mcp')] });
    expect(polled.actions.a1!.status).toBe('executed');
    expect(earlierActions(polled).map((a) => a.id)).toEqual(['a1', 'from-mcp']);
    expect(chatReducer(polled, { type: 'pending-loaded', actions: [action('from-mcp')] })).toBe(polled);
  });

  it('records a decision with its result, and a later copy of the action keeps the result', () => {
    let state = run({ type: 'pending-loaded', actions: [action('a1')] });
    state = chatReducer(state, {
      type: 'action-updated',
      action: action('a1', { status: 'executed', resultStatus: 201 }),
      result: { status: 201, data: { id: 'opp_9' } },
    });
    expect(state.actions.a1).toMatchObject({ status: 'executed', resultStatus: 201, result: { status: 201 } });
    state = chatReducer(state, {
      type: 'pending-loaded',
      actions: [action('a1', { status: 'executed', resultStatus: 201 })],
    });
    expect(state.actions.a1!.result).toEqual({ status: 201, data: { id: 'opp_9' } });
  });
});
