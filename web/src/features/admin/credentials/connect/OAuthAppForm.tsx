// "Add OAuth app": the company's client at a provider, entered once. A preset fills in the
// provider's URLs, PKCE and how the client authenticates; "Custom provider" asks for them.
// The client secret is encrypted when saved and never shown again.
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { OAuthConnectQuery } from '../../../../gql/graphql.ts';
import { errorMessage } from '../../../../session/errors.ts';
import { FormActions } from '../../../../ui/FormActions.tsx';
import { CreateOAuthAppMutation } from './connect-operations.ts';

type Preset = OAuthConnectQuery['oauthProviderPresets'][number];

interface Props {
  companyId: string;
  presets: readonly Preset[];
  redirectUri: string;
  onCreated(): unknown;
  onCancel(): void;
}

export function OAuthAppForm({ companyId, presets, redirectUri, onCreated, onCancel }: Props) {
  const [provider, setProvider] = useState(presets[0]?.key ?? 'custom');
  const [error, setError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateOAuthAppMutation);
  const base = useId();
  const id = (key: string) => `${base}-${key}`;
  const preset = presets.find((p) => p.key === provider);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? '').trim();
    if (!text('clientId') || !text('clientSecret')) return setError('Enter the client id and the client secret.');
    const custom =
      provider === 'custom'
        ? {
            authorizationUrl: text('authorizationUrl'),
            tokenUrl: text('tokenUrl'),
            tokenAuthMethod: text('tokenAuthMethod'),
          }
        : {};
    try {
      await create({
        variables: {
          input: {
            companyId,
            provider,
            name: text('name') || null,
            clientId: text('clientId'),
            clientSecret: String(form.get('clientSecret') ?? ''),
            scopes: text('scopes') || null,
            ...custom,
          },
        },
      });
      await onCreated();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <form className="card cred-form" onSubmit={(e) => void onSubmit(e)} aria-labelledby={id('title')} noValidate>
      <h3 id={id('title')}>Add OAuth app</h3>
      <p className="small muted">
        Register an app at the provider with this redirect URL, then enter its client id and secret here:{' '}
        <code>{redirectUri}</code>
      </p>
      <div className="cred-fields">
        <div className="field">
          <label htmlFor={id('provider')}>Provider</label>
          <select id={id('provider')} value={provider} onChange={(e) => setProvider(e.target.value)}>
            {presets.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name}
              </option>
            ))}
            <option value="custom">Custom provider…</option>
          </select>
          {preset && (
            <p className="small muted">
              {preset.pkce ? 'PKCE, ' : ''}
              {preset.rotatingRefreshTokens ? 'rotating refresh tokens' : 'refresh tokens kept'}
              {preset.accessTokenLifetimeSeconds
                ? `, access tokens last ${preset.accessTokenLifetimeSeconds / 60} min`
                : ''}
              .{' '}
              <a href={preset.documentationUrl} target="_blank" rel="noreferrer">
                Provider documentation
              </a>
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={id('name')}>Name</label>
          <input id={id('name')} name="name" placeholder={preset?.name ?? 'Custom provider'} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={id('clientId')}>Client id</label>
          <input id={id('clientId')} name="clientId" autoComplete="off" required />
        </div>
        <div className="field">
          <label htmlFor={id('clientSecret')}>Client secret</label>
          <input id={id('clientSecret')} name="clientSecret" type="password" autoComplete="new-password" required />
        </div>
        <div className="field">
          <label htmlFor={id('scopes')}>Scopes</label>
          <input
            id={id('scopes')}
            name="scopes"
            autoComplete="off"
            placeholder={preset ? preset.defaultScopes.join(preset.scopeSeparator) : 'read write'}
          />
        </div>
        {provider === 'custom' && (
          <>
            <div className="field">
              <label htmlFor={id('authorizationUrl')}>Authorization URL</label>
              <input id={id('authorizationUrl')} name="authorizationUrl" type="url" required />
            </div>
            <div className="field">
              <label htmlFor={id('tokenUrl')}>Token URL</label>
              <input id={id('tokenUrl')} name="tokenUrl" type="url" required />
            </div>
            <div className="field">
              <label htmlFor={id('tokenAuthMethod')}>Client authentication</label>
              <select id={id('tokenAuthMethod')} name="tokenAuthMethod" defaultValue="client_secret_post">
                <option value="client_secret_post">In the form (client_secret_post)</option>
                <option value="client_secret_basic">HTTP Basic (client_secret_basic)</option>
              </select>
            </div>
          </>
        )}
      </div>
      <FormActions error={error} busy={loading} submitLabel="Save OAuth app" onCancel={onCancel} />
    </form>
  );
}
