// An endpoint's "Authentication" setting (how its API takes credentials: the credential form
// follows it) and the operation a credential test calls. Shown in words; "Change" edits both.
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../../gql';
import { FieldHint } from '../../../../ui/fields.tsx';
import { FormActions } from '../../../../ui/FormActions.tsx';
import type { DeclaredAuth } from '../../credentials/auth-form.ts';
import { placeError } from '../place-error.ts';
import {
  AUTH_CHOICES,
  authInput,
  describeAuth,
  valuesOfAuth,
  type AuthField,
  type AuthValues,
} from './auth-setting.ts';

const UpdateEndpointAuthMutation = graphql(`
  mutation UpdateEndpointAuth($id: ID!, $input: UpdateEndpointInput!) {
    updateEndpoint(id: $id, input: $input) {
      ...AdminEndpointFields
    }
  }
`);

interface Props {
  endpoint: {
    id: string;
    name: string;
    auth?: DeclaredAuth | null;
    testOperationKey?: string | null;
    operations: readonly { key: string; method: string }[];
  };
}

const LABELS: Record<AuthField | 'testOperationKey', string> = {
  type: 'How the API authenticates',
  apiKeyName: 'Name',
  authorizationUrl: 'Authorization URL',
  tokenUrl: 'Token URL',
  scopes: 'Scopes',
  openIdConnectUrl: 'Discovery URL',
  testOperationKey: 'Test with',
};

export function EndpointAuthPanel({ endpoint }: Props) {
  const [editing, setEditing] = useState(false);
  const titleId = useId();
  return (
    <section className="ep-auth" aria-labelledby={titleId}>
      <div className="title-row">
        <h3 id={titleId}>Authentication</h3>
        {!editing && (
          <button
            type="button"
            onClick={() => setEditing(true)}
            aria-label={`Change the authentication of ${endpoint.name}`}
          >
            Change
          </button>
        )}
      </div>
      {editing ? (
        <AuthForm endpoint={endpoint} onDone={() => setEditing(false)} />
      ) : (
        <dl className="ep-facts">
          <div className="ep-wide">
            <dt>Credentials</dt>
            <dd>{describeAuth(endpoint.auth)}</dd>
          </div>
          <div className="ep-wide">
            <dt>Credential test</dt>
            <dd>
              {endpoint.testOperationKey ? (
                <code>{endpoint.testOperationKey}</code>
              ) : (
                <span className="muted">The first GET operation that needs no parameter</span>
              )}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function AuthForm({ endpoint, onDone }: Props & { onDone(): void }) {
  const [values, setValues] = useState<AuthValues>(() => valuesOfAuth(endpoint.auth));
  const [testKey, setTestKey] = useState(endpoint.testOperationKey ?? '');
  const [errors, setErrors] = useState<Partial<Record<AuthField | 'testOperationKey', string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateEndpointAuthMutation);
  const base = useId();
  const id = (key: string) => `${base}-${key}`;
  const set = <K extends keyof AuthValues>(key: K, value: AuthValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const several = (endpoint.auth?.schemes.length ?? 0) > 1;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const { input, errors: found } = authInput(values);
    setErrors(found);
    if (!input) return;
    try {
      await update({ variables: { id: endpoint.id, input: { auth: input, testOperationKey: testKey } } });
      onDone();
    } catch (e) {
      const placed = placeError(e, LABELS);
      setFormError(placed.formError);
      setErrors(placed.errors);
    }
  }

  const text = (key: AuthField, hint: string, placeholder?: string) => (
    <div className="field">
      <label htmlFor={id(key)}>{LABELS[key]}</label>
      <input
        id={id(key)}
        value={values[key as keyof AuthValues] as string}
        placeholder={placeholder}
        onChange={(e) => set(key as keyof AuthValues, e.target.value as never)}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={`${id(key)}-hint`}
      />
      <FieldHint id={`${id(key)}-hint`} hint={hint} error={errors[key]} />
    </div>
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={`Authentication of ${endpoint.name}`}>
      {several && (
        <p className="small notice">
          Its OpenAPI document declares several ways ({describeAuth(endpoint.auth)}); saving keeps only the one chosen
          here.
        </p>
      )}
      <div className="cred-fields">
        <div className="field">
          <label htmlFor={id('type')}>{LABELS.type}</label>
          <select
            id={id('type')}
            value={values.type}
            onChange={(e) => set('type', e.target.value as AuthValues['type'])}
            aria-invalid={errors.type ? true : undefined}
            aria-describedby={`${id('type')}-hint`}
          >
            <option value="">Choose…</option>
            {AUTH_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <FieldHint
            id={`${id('type')}-hint`}
            hint="The credential form offers exactly the kinds that fit, and the server refuses others."
            error={errors.type}
          />
        </div>
        {values.type === 'API_KEY' && (
          <>
            <div className="field">
              <label htmlFor={id('apiKeyIn')}>Sent in</label>
              <select
                id={id('apiKeyIn')}
                value={values.apiKeyIn}
                onChange={(e) => set('apiKeyIn', e.target.value as 'header' | 'query')}
              >
                <option value="header">A header</option>
                <option value="query">A query parameter</option>
              </select>
            </div>
            {text(
              'apiKeyName',
              values.apiKeyIn === 'query' ? 'e.g. api_key' : 'e.g. X-API-Key',
              values.apiKeyIn === 'query' ? 'api_key' : 'X-API-Key',
            )}
          </>
        )}
        {values.type === 'OAUTH2' && (
          <>
            <div className="field">
              <label htmlFor={id('flow')}>Flow</label>
              <select
                id={id('flow')}
                value={values.flow}
                onChange={(e) => set('flow', e.target.value as AuthValues['flow'])}
              >
                <option value="authorizationCode">Authorization code (a person signs in and consents)</option>
                <option value="clientCredentials">Client credentials (the app’s own id and secret)</option>
                <option value="">Either</option>
              </select>
            </div>
            {text('authorizationUrl', 'Where a person signs in and consents.', 'https://auth.example.com/authorize')}
            {text('tokenUrl', 'Where tokens are issued and refreshed.', 'https://auth.example.com/token')}
            {text('scopes', 'Space separated, e.g. "read write".')}
          </>
        )}
        {values.type === 'OPEN_ID_CONNECT' &&
          text(
            'openIdConnectUrl',
            'Its discovery document.',
            'https://id.example.com/.well-known/openid-configuration',
          )}
        <div className="field">
          <label htmlFor={id('testOperationKey')}>{LABELS.testOperationKey}</label>
          <select
            id={id('testOperationKey')}
            value={testKey}
            onChange={(e) => setTestKey(e.target.value)}
            aria-invalid={errors.testOperationKey ? true : undefined}
            aria-describedby={`${id('testOperationKey')}-hint`}
          >
            <option value="">The first GET that needs no parameter</option>
            {endpoint.operations.map((o) => (
              <option key={o.key} value={o.key}>
                {o.method} {o.key}
              </option>
            ))}
          </select>
          <FieldHint
            id={`${id('testOperationKey')}-hint`}
            hint="The operation a credential’s Test button calls."
            error={errors.testOperationKey}
          />
        </div>
      </div>
      <FormActions error={formError} busy={loading} submitLabel="Save authentication" onCancel={onDone} />
    </form>
  );
}
