// One credential: what it is (never its secret), whether it works and what to do if not, and
// its actions: Test (one real call, result shown here), Replace secret, Delete.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { AdminCredentialsQuery, CredentialTestResult } from '../../../gql/graphql.ts';
import { errorMessage } from '../../../session/errors.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { focusFirstError } from '../../../ui/fields.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';
import { formatWhen } from './credential-groups.ts';
import {
  buildSecret,
  hintText,
  kindDefinition,
  kindLabel,
  originOfUrl,
  settingDefaults,
  settingsSummary,
  statusInfo,
  type FieldErrors,
} from './credential-kinds.ts';
import { kindLabels, KindFields, placeServerError, readKindFields } from './KindFields.tsx';
import { evictDeleted } from '../../../app/evict-deleted.ts';

const TestCredentialMutation = graphql(`
  mutation TestCredential($id: ID!) {
    testCredential(id: $id) {
      ok
      status
      durationMs
      message
    }
  }
`);

const RotateCredentialMutation = graphql(`
  mutation RotateCredential($id: ID!, $secret: JSON!) {
    rotateCredential(id: $id, secret: $secret) {
      id
      hint
      status
      statusReason
      origin
      updatedAt
      settings
    }
  }
`);

const ConfirmCredentialOriginMutation = graphql(`
  mutation ConfirmCredentialOrigin($id: ID!, $origin: String!) {
    confirmCredentialOrigin(id: $id, origin: $origin) {
      id
      status
      statusReason
      origin
      updatedAt
    }
  }
`);

const DeleteCredentialMutation = graphql(`
  mutation DeleteCredential($id: ID!) {
    deleteCredential(id: $id)
  }
`);

type Credential = AdminCredentialsQuery['credentials'][number];

interface Props {
  credential: Credential;
  /** Reloads the list: after a test (status, last tested) and after a delete. */
  onChanged(): Promise<unknown>;
  onDeleted(name: string): void;
  /** OAuth2: a new consent at the provider that replaces this credential's tokens (same id, grants, history). */
  onReconnect?: () => Promise<void>;
}

type TestState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; result: Omit<CredentialTestResult, '__typename'> }
  | { state: 'error'; message: string };

export function CredentialItem({ credential, onChanged, onDeleted, onReconnect }: Props) {
  const [test, setTest] = useState<TestState>({ state: 'idle' });
  const [replacing, setReplacing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [runTest] = useMutation(TestCredentialMutation);
  const [remove] = useMutation(DeleteCredentialMutation);
  const titleId = useId();
  const status = statusInfo(credential.status, credential.statusReason);
  const [confirmOrigin] = useMutation(ConfirmCredentialOriginMutation);
  const moved = credential.statusReason === 'origin_changed';
  const newOrigin = originOfUrl(credential.endpoint.baseUrl);
  const where = settingsSummary(credential.kind, credential.settings);
  const scope = `${credential.endpoint.name}, ${credential.role?.name ?? 'shared by every role'}`;

  async function onTest() {
    setNotice(null);
    setTest({ state: 'running' });
    try {
      const { data } = await runTest({ variables: { id: credential.id } });
      if (data) setTest({ state: 'done', result: data.testCredential });
      await onChanged();
    } catch (e) {
      setTest({ state: 'error', message: errorMessage(e) });
    }
  }

  async function onConfirmOrigin() {
    if (!newOrigin) return;
    setNotice(null);
    try {
      // The origin shown in the dialog is the one confirmed: if the API moved again meanwhile, the server refuses.
      await confirmOrigin({ variables: { id: credential.id, origin: newOrigin } });
      setTest({ state: 'idle' });
      setNotice(`Confirmed for ${newOrigin}. Its status is back to untested: press Test to check it.`);
      await onChanged();
    } catch (e) {
      setNotice(errorMessage(e));
    }
  }

  async function onDelete() {
    setDeleteError(null);
    try {
      // Out of the cache at once, so the list never shows a deleted credential while it reloads.
      await remove({
        variables: { id: credential.id },
        update: evictDeleted('ApiCredential', credential.id),
      });
      onDeleted(credential.name);
      await onChanged();
    } catch (e) {
      setDeleteError(errorMessage(e));
    }
  }

  return (
    <article className="record" aria-labelledby={titleId}>
      <div className="record-head">
        <div className="record-title">
          <h4 id={titleId}>{credential.name}</h4>
          <span className="small muted">
            {kindLabel(credential.kind)}
            {where && ` ${where}`} · <code aria-hidden="true">{hintText(credential.hint)}</code>
            <span className="visually-hidden">
              {credential.hint ? `secret ending in ${credential.hint}` : 'secret hidden'}
            </span>
          </span>
        </div>
        <span className={`badge cred-status cred-status-${status.tone}`}>{status.label}</span>
      </div>
      <p className="small cred-advice">{status.advice}</p>
      {moved && (
        <p className="small cred-origin">
          Entered for <code>{credential.origin ?? 'an unknown address'}</code>; {credential.endpoint.name} now points at{' '}
          <code>{newOrigin ?? credential.endpoint.baseUrl}</code>.
        </p>
      )}
      <p className="small muted cred-times">
        Updated{' '}
        <time dateTime={credential.updatedAt} title={new Date(credential.updatedAt).toLocaleString()}>
          {formatWhen(credential.updatedAt)}
        </time>{' '}
        · Last tested{' '}
        {credential.lastTestedAt ? (
          <time dateTime={credential.lastTestedAt} title={new Date(credential.lastTestedAt).toLocaleString()}>
            {formatWhen(credential.lastTestedAt)}
          </time>
        ) : (
          'never'
        )}
      </p>
      <div className="cred-actions">
        {onReconnect && (
          <button
            type="button"
            className={credential.status === 'needs_reconnect' ? 'primary' : undefined}
            onClick={() => onReconnect().catch((e: unknown) => setNotice(errorMessage(e)))}
            aria-label={`Reconnect ${credential.name}`}
          >
            Reconnect
          </button>
        )}
        <button
          type="button"
          onClick={() => void onTest()}
          disabled={test.state === 'running'}
          aria-label={`Test ${credential.name}`}
        >
          {test.state === 'running' ? 'Testing…' : 'Test'}
        </button>
        <button
          type="button"
          onClick={() => setReplacing((r) => !r)}
          aria-expanded={replacing}
          aria-label={`Replace secret of ${credential.name}`}
        >
          Replace secret
        </button>
        {moved && newOrigin && (
          // The way out of "API moved" is the item's main action; its dialog stays red: it sends a secret somewhere new.
          <ConfirmButton
            className="primary"
            aria-label={`Confirm ${credential.name} for ${newOrigin}`}
            title={`Send “${credential.name}” to ${newOrigin}?`}
            message={
              <p>
                Its secret was entered for <code>{credential.origin ?? 'another address'}</code>. From now on Tessera
                sends it to <strong>{newOrigin}</strong>, where {credential.endpoint.name} now points. Confirm only if
                that server belongs to the API&apos;s provider.
              </p>
            }
            confirmLabel="Confirm"
            onConfirm={onConfirmOrigin}
          >
            Confirm new address
          </ConfirmButton>
        )}
        <ConfirmButton
          aria-label={`Delete ${credential.name}`}
          title={`Delete “${credential.name}”?`}
          message={
            <p>
              Calls to {credential.endpoint.name} that use it ({scope}) will fail until another credential covers them.
              Its secret is destroyed; this cannot be undone.
            </p>
          }
          onConfirm={onDelete}
        >
          Delete
        </ConfirmButton>
        {/* Beside the buttons, so a result appearing does not push the list down. */}
        <div className="cred-result" role="status" aria-live="polite">
          <TestOutcome test={test} />
          {notice && <p className="small">{notice}</p>}
          {deleteError && <p className="small field-error">{deleteError}</p>}
        </div>
      </div>
      {replacing && (
        <ReplaceSecretForm
          credential={credential}
          onCancel={() => setReplacing(false)}
          onReplaced={() => {
            setReplacing(false);
            setTest({ state: 'idle' });
            setNotice('Secret replaced. Its status is back to untested: press Test to check it.');
          }}
        />
      )}
    </article>
  );
}

function TestOutcome({ test }: { test: TestState }) {
  if (test.state === 'idle') return null;
  if (test.state === 'running') return <p className="small muted">Calling the API…</p>;
  if (test.state === 'error') return <p className="small field-error">Could not test: {test.message}</p>;
  const { ok, status, durationMs, message } = test.result;
  return (
    <p className={`small cred-outcome ${ok ? 'cred-outcome-ok' : 'cred-outcome-bad'}`}>
      <strong>{ok ? 'ok' : 'failed'}</strong>
      {status !== null && <> · HTTP {status}</>} · {Math.round(durationMs)} ms · {message}
    </p>
  );
}

function ReplaceSecretForm({
  credential,
  onReplaced,
  onCancel,
}: {
  credential: Credential;
  onReplaced(): void;
  onCancel(): void;
}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [rotate, { loading }] = useMutation(RotateCredentialMutation);
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const kind = credential.kind;
  const order = kindDefinition(kind).fields.map((f) => f.key);

  const show = (found: FieldErrors) => {
    setErrors(found);
    focusFirstError(formRef.current, base, order, found);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const form = event.currentTarget;
    const { secret, errors: found } = buildSecret(kind, readKindFields(form, kind));
    if (!secret) return show(found);
    try {
      await rotate({ variables: { id: credential.id, secret } });
      form.reset();
      onReplaced();
    } catch (e) {
      const placed = placeServerError(e, kindLabels(kind));
      setFormError(placed.formError);
      if (Object.keys(placed.errors).length > 0) show(placed.errors);
    }
  }

  return (
    <form
      ref={formRef}
      className="cred-replace"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby={`${base}-title`}
    >
      <h5 id={`${base}-title`}>Replace the secret of “{credential.name}”</h5>
      <p className="small muted">Enter the new secret ({kindLabel(kind)}). The old one is discarded when you save.</p>
      <KindFields kind={kind} idPrefix={base} errors={errors} defaults={settingDefaults(kind, credential.settings)} />
      <FormActions error={formError} busy={loading} submitLabel="Replace secret" onCancel={onCancel} />
    </form>
  );
}
