import { errorMessage } from '../session/errors.ts';

/** A failed query: what went wrong, and a way to try again. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="error" role="alert">
      <p>{errorMessage(error)}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
