// A write the assistant proposed: what it will do, the exact request, and the person's decision.
import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../session/errors.ts';
import type { ActionView, ChatAction } from './chat-state.ts';
import { ConfirmActionMutation, RejectActionMutation } from './documents.ts';
import {
  actionArgs,
  displayStatus,
  expiresIn,
  prettyJson,
  resolvePath,
  summarizeResult,
  type DisplayStatus,
} from './format.ts';

const STATUS_LABEL: Record<DisplayStatus, string> = {
  pending: 'Awaiting your decision',
  executing: 'Running',
  executed: 'Executed',
  rejected: 'Rejected',
  expired: 'Expired',
  failed: 'Failed',
};

/** A card whose details have not arrived yet (the stream sends the id first). */
export function ActionPlaceholder() {
  return (
    <div className="action-card placeholder" aria-busy="true">
      <p className="muted">A change was proposed; its details follow when the answer is complete…</p>
    </div>
  );
}

export function ActionCard({
  action,
  now,
  dispatch,
}: {
  action: ActionView;
  now: number;
  dispatch: (a: ChatAction) => void;
}) {
  const [confirm, confirming] = useMutation(ConfirmActionMutation);
  const [reject, rejecting] = useMutation(RejectActionMutation);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const requestId = useId();
  // `now` ticks every few seconds; a card cannot be looked at before it was made.
  const at = Math.max(now, Date.parse(action.createdAt));
  const status = displayStatus(action, at);
  const busy = confirming.loading || rejecting.loading;
  const path = resolvePath(action.operation.path, actionArgs(action.args).params);
  const method = (action.request?.method ?? action.operation.method).toUpperCase();

  async function decide(kind: 'confirm' | 'reject') {
    setError(null);
    try {
      if (kind === 'confirm') {
        const { data } = await confirm({ variables: { id: action.id } });
        if (data)
          dispatch({
            type: 'action-updated',
            action: data.confirmAction.action,
            result: data.confirmAction.result ?? null,
          });
      } else {
        const { data } = await reject({ variables: { id: action.id } });
        if (data) dispatch({ type: 'action-updated', action: data.rejectAction.action });
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <article className={`action-card status-${status}`} aria-labelledby={headingId}>
      <div className="action-head">
        <h3 id={headingId}>{action.operation.description || action.operation.key}</h3>
        <span className={`badge action-badge-${status}`}>{STATUS_LABEL[status]}</span>
      </div>
      <p className="muted small">
        {action.endpoint.name} · <code>{action.operation.key}</code>
      </p>
      <p className="request-line">
        <span className={`method method-${method.toLowerCase()}`}>{method}</span> <code>{path}</code>
      </p>
      {action.request && (
        <p className="small muted request-url">
          Sent to <code>{action.request.url}</code>, and only there: if the API or operation changes before you confirm,
          it is not sent.
        </p>
      )}
      <p className="small muted" id={requestId}>
        Exact request (parameters and body, sent as stored):
      </p>
      {/* The request scrolls, so it is focusable for keyboard users (axe: scrollable-region-focusable) and named. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: see above. */}
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: see above. */}
      <pre className="request" tabIndex={0} aria-labelledby={requestId}>
        {prettyJson(action.args)}
      </pre>
      <div className="action-outcome" role="status">
        {status === 'pending' && (
          <p className="small muted">Nothing has been changed yet; {expiresIn(action.expiresAt, at)}.</p>
        )}
        {status === 'executed' && (
          <p>
            Executed: HTTP {action.result?.status ?? action.resultStatus ?? '?'}
            {action.result ? <> · {summarizeResult(action.result.data)}</> : null}
          </p>
        )}
        {status === 'rejected' && <p>Rejected. Nothing was changed.</p>}
        {status === 'expired' && <p>Expired after 15 minutes. Nothing was changed; ask the assistant again.</p>}
        {status === 'failed' && (
          <p>This change could not be made. Ask the assistant again, or check the source system.</p>
        )}
        {status === 'executing' && <p>Running…</p>}
      </div>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {status === 'pending' && (
        <div className="action-buttons">
          <button
            type="button"
            className="primary"
            onClick={() => void decide('confirm')}
            disabled={busy}
            aria-describedby={headingId}
          >
            {confirming.loading ? 'Confirming…' : 'Confirm'}
          </button>
          <button type="button" onClick={() => void decide('reject')} disabled={busy} aria-describedby={headingId}>
            {rejecting.loading ? 'Rejecting…' : 'Reject'}
          </button>
        </div>
      )}
    </article>
  );
}
