// Where the person writes: Enter sends, Shift+Enter starts a new line; while an answer streams
// the field waits and Stop ends it.
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_MESSAGE_CHARS, messageProblem } from './format.ts';

interface ComposerProps {
  companyName: string;
  streaming: boolean;
  /** Why the last answer failed, shown here where the person will try again. */
  error: string | null;
  onSend: (text: string) => void;
  onStop: () => void;
}

export function Composer({ companyName, streaming, error, onSend, onStop }: ComposerProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();
  const input = useRef<HTMLTextAreaElement>(null);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (streaming) return;
    const why = messageProblem(text);
    setProblem(why);
    if (why) return;
    onSend(text.trim());
    setText('');
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // isComposing: Enter that confirms an IME composition is not "send".
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  const long = text.length > MAX_MESSAGE_CHARS - 500;
  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor={inputId}>Ask about {companyName}</label>
      <textarea
        id={inputId}
        ref={input}
        rows={2}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (problem) setProblem(null);
        }}
        onKeyDown={onKeyDown}
        // Read-only rather than disabled while streaming: disabling would throw keyboard focus out.
        readOnly={streaming}
        aria-disabled={streaming || undefined}
        aria-describedby={`${hintId}${problem ? ` ${problemId}` : ''}`}
        aria-invalid={problem ? true : undefined}
        placeholder="e.g. How is our pipeline?"
      />
      <div className="composer-row">
        <span id={hintId} className="muted small">
          Enter sends · Shift+Enter adds a line{long ? ` · ${text.length}/${MAX_MESSAGE_CHARS}` : ''}
        </span>
        {streaming ? (
          <button type="button" onClick={onStop}>
            Stop
          </button>
        ) : (
          <button type="submit" className="primary">
            Send
          </button>
        )}
      </div>
      {(problem ?? error) && (
        <p id={problemId} className="error small" role="alert">
          {problem ?? error}
        </p>
      )}
    </form>
  );
}
