// "Replace secret" of an OAuth app: the provider issued a new client secret. Write-only like the
// first one. Credentials connected before keep the secret they were connected with until they
// are reconnected (docs/decisions/0029-oauth-connect.md).
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../../../session/errors.ts';
import { FormActions } from '../../../../ui/FormActions.tsx';
import { ReplaceOAuthAppSecretMutation } from './connect-operations.ts';

export function ReplaceAppSecret({ app, onDone }: { app: { id: string; name: string }; onDone(): unknown }) {
  const [error, setError] = useState<string | null>(null);
  const [replace, { loading }] = useMutation(ReplaceOAuthAppSecretMutation);
  const id = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const clientSecret = String(new FormData(event.currentTarget).get('clientSecret') ?? '');
    if (!clientSecret) return setError('Enter the new client secret.');
    try {
      await replace({ variables: { id: app.id, clientSecret } });
      await onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <form className="cred-replace" onSubmit={(e) => void onSubmit(e)} aria-label={`New client secret for ${app.name}`}>
      <div className="field">
        <label htmlFor={id}>New client secret</label>
        <input id={id} name="clientSecret" type="password" autoComplete="new-password" />
      </div>
      <FormActions error={error} busy={loading} submitLabel="Replace secret" onCancel={() => void onDone()} />
    </form>
  );
}
