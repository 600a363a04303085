// A button that asks before doing something that cannot be undone (delete, revoke). Uses the
// native <dialog>: modal, focus moved inside and returned after, Escape cancels.
import { useId, useRef, useState, type ReactNode } from 'react';

interface ConfirmButtonProps {
  /** The button's text, e.g. "Delete". */
  children: ReactNode;
  /** Accessible name when the text alone is ambiguous, e.g. "Delete Sales API". */
  'aria-label'?: string;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  onConfirm: () => unknown;
  disabled?: boolean;
  className?: string;
}

export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel = 'Delete',
  onConfirm,
  disabled,
  className,
  ...rest
}: ConfirmButtonProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      dialogRef.current?.close();
    }
  }

  return (
    <>
      <button
        type="button"
        className={className ?? 'danger'}
        aria-label={rest['aria-label']}
        disabled={disabled}
        onClick={() => dialogRef.current?.showModal()}
      >
        {children}
      </button>
      <dialog ref={dialogRef} className="confirm" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        <div className="confirm-message">{message}</div>
        <div className="actions">
          {/* biome-ignore lint/a11y/noAutofocus: a confirmation dialog opens on its safe choice (WAI-ARIA dialog pattern). */}
          <button type="button" onClick={() => dialogRef.current?.close()} autoFocus>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => void confirm()} disabled={busy}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
