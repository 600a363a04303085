// Connect with OAuth: the company's OAuth apps (one per provider, secret write-only), and
// "Connect" for an API (for one role or company-wide), which sends the administrator to the
// provider's consent page. The provider sends them back here with the result.
import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { OAuthConnectQuery } from '../../../../gql/graphql.ts';
import { errorMessage } from '../../../../session/errors.ts';
import { ConfirmButton } from '../../../../ui/ConfirmButton.tsx';
import { NamedOptions } from '../../../../ui/NamedOptions.tsx';
import { DeleteOAuthAppMutation } from './connect-operations.ts';
import { OAuthAppForm } from './OAuthAppForm.tsx';
import { ReplaceAppSecret } from './ReplaceAppSecret.tsx';
import { useStartConnect } from './use-start-connect.ts';

interface Named {
  id: string;
  name: string;
}

interface Props {
  companyId: string;
  data: OAuthConnectQuery;
  endpoints: readonly Named[];
  roles: readonly Named[] | undefined;
  onChanged(): Promise<unknown>;
}

const COMPANY_WIDE = 'company';

export function ConnectPanel({ companyId, data, endpoints, roles, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  const [replacing, setReplacing] = useState<string | null>(null);
  const [endpointId, setEndpointId] = useState(endpoints.length === 1 ? endpoints[0]!.id : '');
  const [roleChoice, setRoleChoice] = useState(COMPANY_WIDE);
  const [appId, setAppId] = useState(data.oauthApps[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [remove] = useMutation(DeleteOAuthAppMutation);
  const { start, starting } = useStartConnect();
  const base = useId();
  const id = (key: string) => `${base}-${key}`;
  const chosenApp = data.oauthApps.find((a) => a.id === appId) ?? data.oauthApps[0];

  async function onConnect() {
    setError(null);
    if (!endpointId) return setError('Choose the API to connect.');
    if (!chosenApp) return setError('Add an OAuth app first.');
    try {
      await start({
        companyId,
        endpointId,
        appId: chosenApp.id,
        roleId: roleChoice === COMPANY_WIDE ? null : roleChoice,
      });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card cred-connect" aria-labelledby={id('title')}>
      <div className="card-head">
        <h2 id={id('title')}>Connect with OAuth</h2>
        {!adding && (
          <button type="button" className="link" onClick={() => setAdding(true)}>
            Add OAuth app
          </button>
        )}
      </div>
      <p className="small muted">
        For APIs that use OAuth2: press Connect, approve on the provider’s page, and Tessera stores the tokens as a
        credential. Redirect URL to register at the provider: <code>{data.oauthRedirectUri}</code>
      </p>
      {adding && (
        <OAuthAppForm
          companyId={companyId}
          presets={data.oauthProviderPresets}
          redirectUri={data.oauthRedirectUri}
          onCancel={() => setAdding(false)}
          onCreated={async () => {
            setAdding(false);
            await onChanged();
          }}
        />
      )}
      {data.oauthApps.length === 0 ? (
        <p className="small">No OAuth app yet: add the client id and secret of your app at the provider.</p>
      ) : (
        <>
          <ul className="cred-list" aria-label="OAuth apps">
            {data.oauthApps.map((app) => (
              <li key={app.id} className="cred-app">
                <strong>{app.name}</strong>{' '}
                <span className="small muted">
                  {app.provider === 'custom' ? new URL(app.authorizationUrl).host : app.provider} · client{' '}
                  {app.clientId}
                  {app.hint ? ` · secret …${app.hint}` : ''}
                </span>{' '}
                <button
                  type="button"
                  onClick={() => setReplacing((r) => (r === app.id ? null : app.id))}
                  aria-expanded={replacing === app.id}
                  aria-label={`Replace secret of ${app.name}`}
                >
                  Replace secret
                </button>{' '}
                <ConfirmButton
                  aria-label={`Delete OAuth app ${app.name}`}
                  title={`Delete “${app.name}”?`}
                  message={<p>Credentials already connected keep working; new connections need another app.</p>}
                  onConfirm={async () => {
                    await remove({ variables: { id: app.id } });
                    await onChanged();
                  }}
                >
                  Delete
                </ConfirmButton>
                {replacing === app.id && (
                  <ReplaceAppSecret
                    app={app}
                    onDone={async () => {
                      setReplacing(null);
                      await onChanged();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
          <div className="cred-fields">
            <div className="field">
              <label htmlFor={id('endpoint')}>API</label>
              <select id={id('endpoint')} value={endpointId} onChange={(e) => setEndpointId(e.target.value)}>
                <option value="">Choose an API…</option>
                <NamedOptions items={endpoints} />
              </select>
            </div>
            <div className="field">
              <label htmlFor={id('role')}>Used by</label>
              <select id={id('role')} value={roleChoice} onChange={(e) => setRoleChoice(e.target.value)}>
                <option value={COMPANY_WIDE}>Shared by every role</option>
                <NamedOptions items={roles} />
              </select>
            </div>
            <div className="field">
              <label htmlFor={id('app')}>OAuth app</label>
              <select id={id('app')} value={chosenApp?.id ?? ''} onChange={(e) => setAppId(e.target.value)}>
                <NamedOptions items={data.oauthApps} />
              </select>
            </div>
          </div>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={starting} onClick={() => void onConnect()}>
              {starting ? 'Opening the provider…' : 'Connect'}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
