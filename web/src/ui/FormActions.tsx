// The foot of every admin form: the problem that belongs to no single field, then Cancel and the
// submit button. The button stays disabled while the form saves, so a second click cannot send
// the same change twice.

interface FormActionsProps {
  /** A problem not tied to one field (those show next to the field); announced when it appears. */
  error: string | null;
  busy: boolean;
  submitLabel: string;
  busyLabel?: string;
  onCancel(): void;
}

export function FormActions({ error, busy, submitLabel, busyLabel = 'Saving…', onCancel }: FormActionsProps) {
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
