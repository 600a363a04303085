// The conversation: the person's messages and the assistant's answers, each answer with the
// trace of the tools it ran and the changes it proposed.
import type { ActionView, AssistantTurn, ChatAction, Turn } from './chat-state.ts';
import { ActionCard, ActionPlaceholder } from './ActionCard.tsx';
import { describeTool, modelLabel } from './format.ts';

interface ChatLogProps {
  turns: readonly Turn[];
  actions: Record<string, ActionView>;
  now: number;
  dispatch: (a: ChatAction) => void;
}

export function ChatLog({ turns, actions, now, dispatch }: ChatLogProps) {
  return (
    // role="log" announces new messages politely; an answer being streamed is aria-busy, so
    // it is read once complete rather than token by token.
    <div className="chat-log" role="log" aria-label="Conversation">
      {turns.map((turn) =>
        turn.kind === 'user' ? (
          <div key={turn.id} className="msg msg-user">
            <span className="visually-hidden">You: </span>
            <p>{turn.text}</p>
          </div>
        ) : (
          <Answer key={turn.id} turn={turn} actions={actions} now={now} dispatch={dispatch} />
        ),
      )}
    </div>
  );
}

function Answer({ turn, actions, now, dispatch }: { turn: AssistantTurn } & Omit<ChatLogProps, 'turns'>) {
  const streaming = turn.status === 'streaming';
  const proposed = new Set(
    turn.actionIds.flatMap((id) => (actions[id] ? [`${actions[id].endpoint.slug}__${actions[id].operation.key}`] : [])),
  );
  return (
    <div className="msg msg-assistant" aria-busy={streaming}>
      <span className="visually-hidden">Assistant: </span>
      {turn.tools.length > 0 && (
        <details className="trace" open>
          <summary>
            {turn.tools.length} tool call{turn.tools.length === 1 ? '' : 's'}
          </summary>
          <ol>
            {turn.tools.map((trace, i) => {
              const view = describeTool(trace, proposed);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a turn's tool calls only grow, in call order.
                <li key={i} className={`trace-${view.tone}`}>
                  <span aria-hidden="true" className="trace-mark">
                    {view.tone === 'failed' ? '✕' : view.tone === 'proposed' ? '…' : '✓'}
                  </span>{' '}
                  {view.endpoint && <span className="muted">{view.endpoint} · </span>}
                  <code>{view.operation}</code> <span className="trace-outcome">{view.outcome}</span>
                </li>
              );
            })}
          </ol>
        </details>
      )}
      {turn.text ? <p className="answer">{turn.text}</p> : streaming ? <p className="muted">Thinking…</p> : null}
      {turn.actionIds.map((id) =>
        actions[id] ? (
          <ActionCard key={id} action={actions[id]} now={now} dispatch={dispatch} />
        ) : (
          <ActionPlaceholder key={id} />
        ),
      )}
      {/* The sentence itself is shown by the composer, where the person tries again. */}
      {turn.status === 'failed' && <p className="muted small">No answer: {turn.error}</p>}
      {turn.status === 'stopped' && <p className="muted small">You stopped this answer.</p>}
      {turn.model && <p className="muted small model">Answered by {modelLabel(turn.model)}</p>}
    </div>
  );
}
