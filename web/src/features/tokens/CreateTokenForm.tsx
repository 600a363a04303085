// "New token": a name, how long it lives, and whether it may change anything. The company is
// the header's. Problems show next to their field, the server's too.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { FieldHint, focusField, focusFirstError } from '../../ui/fields.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { placeServerError } from '../admin/credentials/KindFields.tsx';
import { checkTokenForm, MAX_DAYS, MIN_DAYS } from './token-status.ts';

const CreateAccessTokenMutation = graphql(`
  mutation CreateAccessToken($input: CreateAccessTokenInput!) {
    createAccessToken(input: $input) {
      token
      accessToken {
        id
        name
      }
    }
  }
`);

type Errors = Partial<Record<'name' | 'expiresInDays', string>>;
const ORDER = ['name', 'expiresInDays'] as const;

interface Props {
  companyId: string;
  companyName: string;
  onCreated(created: { token: string; name: string }): unknown;
  onCancel(): void;
}

export function CreateTokenForm({ companyId, companyName, onCreated, onCancel }: Props) {
  const [name, setName] = useState('');
  const [days, setDays] = useState('30');
  const [readOnly, setReadOnly] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateAccessTokenMutation);
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const id = (key: string) => `${base}-${key}`;

  useEffect(() => focusField(formRef.current, `${base}-name`), [base]);

  const show = (found: Errors) => {
    setErrors(found);
    focusFirstError(formRef.current, base, ORDER, found);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found = checkTokenForm(name, days);
    if (Object.keys(found).length > 0) return show(found);
    try {
      const { data } = await create({
        variables: { input: { companyId, name: name.trim(), readOnly, expiresInDays: Number(days) } },
      });
      if (data) await onCreated({ token: data.createAccessToken.token, name: data.createAccessToken.accessToken.name });
    } catch (e) {
      const placed = placeServerError(e, { name: 'Name', expiresInDays: 'Expires after' });
      setFormError(placed.formError);
      if (Object.keys(placed.errors).length > 0) show(placed.errors);
    }
  }

  const hint = (key: keyof Errors, text: string) => (
    <FieldHint id={`${id(key)}-hint`} hint={text} error={errors[key]} />
  );

  return (
    <form
      ref={formRef}
      className="card token-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby={id('title')}
    >
      <h2 id={id('title')}>New token for {companyName}</h2>
      <p className="small muted">
        It acts as you, in {companyName} only, with the access your roles there give you. Choose another company in the
        header to make one there.
      </p>
      <div className="token-fields">
        <div className="field">
          <label htmlFor={id('name')}>Name</label>
          <input
            id={id('name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={`${id('name')}-hint`}
          />
          {hint('name', 'What it is for, e.g. “CI reports”.')}
        </div>
        <div className="field">
          <label htmlFor={id('expiresInDays')}>Expires after (days)</label>
          <input
            id={id('expiresInDays')}
            type="number"
            inputMode="numeric"
            min={MIN_DAYS}
            max={MAX_DAYS}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            aria-invalid={errors.expiresInDays ? true : undefined}
            aria-describedby={`${id('expiresInDays')}-hint`}
          />
          {hint('expiresInDays', `${MIN_DAYS} to ${MAX_DAYS} days.`)}
        </div>
      </div>
      <div className="token-readonly">
        <input
          id={id('readOnly')}
          type="checkbox"
          checked={readOnly}
          onChange={(e) => setReadOnly(e.target.checked)}
          aria-describedby={`${id('readOnly')}-hint`}
        />
        <label htmlFor={id('readOnly')}>Read-only</label>
        <p id={`${id('readOnly')}-hint`} className="small muted">
          It can read, but never change anything: no write calls, no actions.
        </p>
      </div>
      <FormActions
        error={formError}
        busy={loading}
        submitLabel="Create token"
        busyLabel="Creating…"
        onCancel={onCancel}
      />
    </form>
  );
}
