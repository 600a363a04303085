// /assistant: chat with the assistant about the chosen company's data. Answers stream in;
// the tools it ran show as a trace; a change it proposes waits as a card with the exact request
// until the person confirms or rejects it.
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useCompany } from '../../company/company-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { ActionCard } from './ActionCard.tsx';
import { earlierActions } from './chat-state.ts';
import { ChatLog } from './ChatLog.tsx';
import { Composer } from './Composer.tsx';
import { AssistantEndpointsQuery } from './documents.ts';
import { suggestPrompts } from './format.ts';
import { useChat } from './use-chat.ts';
import './assistant.css';

export function AssistantPage() {
  const { company } = useCompany();
  if (!company) {
    return (
      <section className="empty">
        <h1>Assistant</h1>
        <p>
          You do not hold a role in any company, so the assistant has nothing it may read for you. A company admin or
          Data Admin can give you one.
        </p>
      </section>
    );
  }
  // A new company is a new conversation: nothing of one company's chat carries to another.
  return <Assistant key={company.id} companyId={company.id} companyName={company.name} />;
}

/** The current time, ticking, so pending actions turn "expired" on screen when their time is up. */
function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function Assistant({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { state, dispatch, send, stop, pendingError, retryPending } = useChat(companyId);
  const now = useNow();
  const endRef = useRef<HTMLDivElement>(null);
  const streaming = state.streamingId !== null;
  const earlier = earlierActions(state);
  const last = state.turns.at(-1);
  const failure = last?.kind === 'assistant' && last.status === 'failed' ? last.error : null;

  // Follow the conversation as it grows.
  const size = state.turns.length;
  const streamedLength = last?.kind === 'assistant' ? last.text.length : 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect runs when the conversation grows or streams, which these measure.
  useEffect(() => {
    if (size > 0) endRef.current?.scrollIntoView({ block: 'nearest' });
  }, [size, streamedLength]);

  return (
    <section className="assistant" aria-labelledby="assistant-title">
      <div className="assistant-head">
        <div>
          <h1 id="assistant-title">Assistant</h1>
          <p className="muted">
            Answers from {companyName}'s APIs with exactly your access. Changes wait for your confirmation.
          </p>
        </div>
        <button
          type="button"
          onClick={() => dispatch({ type: 'new-conversation' })}
          disabled={streaming || state.turns.length === 0}
        >
          New conversation
        </button>
      </div>

      {pendingError && <ErrorNotice error={pendingError} onRetry={retryPending} />}
      {earlier.length > 0 && (
        <section className="earlier" aria-labelledby="earlier-title">
          <h2 id="earlier-title">Waiting for your decision</h2>
          <p className="muted small">Changes the assistant proposed earlier. Each runs only if you confirm it.</p>
          {earlier.map((action) => (
            <ActionCard key={action.id} action={action} now={now} dispatch={dispatch} />
          ))}
        </section>
      )}

      {state.turns.length === 0 ? (
        <Suggestions
          companyId={companyId}
          writes={state.model !== null && state.model !== 'offline-planner'}
          onPick={send}
        />
      ) : null}
      <ChatLog turns={state.turns} actions={state.actions} now={now} dispatch={dispatch} />
      <div ref={endRef} />
      <Composer companyName={companyName} streaming={streaming} error={failure} onSend={send} onStop={stop} />
    </section>
  );
}

function Suggestions({
  companyId,
  writes,
  onPick,
}: {
  companyId: string;
  writes: boolean;
  onPick: (text: string) => void;
}) {
  const { data } = useQuery(AssistantEndpointsQuery, { variables: { companyId } });
  const prompts = data ? suggestPrompts(data.myEndpoints, { writes }) : [];
  return (
    // A fixed minimum height: the list arrives after the page, without pushing the composer.
    <div className="suggestions">
      {data && prompts.length === 0 ? (
        <p className="muted">
          You may not use any API in this company yet, so the assistant has nothing to read for you here.
        </p>
      ) : (
        <>
          <h2 className="small muted">Try asking</h2>
          <ul>
            {prompts.map((prompt) => (
              <li key={prompt}>
                <button type="button" className="suggestion" onClick={() => onPick(prompt)}>
                  {prompt}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
