// Admin → Credentials: the secrets Tessera calls the company's APIs with, one section per API,
// grouped by the role that uses them. Secrets are write-only: this page can add, test,
// replace and delete them, never show them. The company is the header's choice.
import { useEffect, useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { graphql } from '../../../gql';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { NotAdministered, useAdministeredCompany } from './admin-company.tsx';
import { groupCredentials } from './credential-groups.ts';
import { CreateCredentialForm } from './CreateCredentialForm.tsx';
import { CredentialItem } from './CredentialItem.tsx';
import { ConnectPanel } from './connect/ConnectPanel.tsx';
import { connectableEndpoints } from './connect/connectable.ts';
import { OAuthConnectQuery } from './connect/connect-operations.ts';
import { appForCredential, connectOutcome, type ConnectOutcome } from './connect/outcome.ts';
import { useStartConnect } from './connect/use-start-connect.ts';
import './credentials.css';

const AdminCredentialsQuery = graphql(`
  query AdminCredentials($companyId: ID!) {
    credentials(companyId: $companyId) {
      id
      name
      kind
      hint
      status
      statusReason
      origin
      updatedAt
      lastTestedAt
      settings
      role {
        id
        name
      }
      endpoint {
        id
        name
        baseUrl
      }
    }
    endpoints(companyId: $companyId) {
      id
      name
      auth {
        credentialKinds
        schemes {
          type
          apiKeyIn
          apiKeyName
          flows
          tokenUrl
          scopes
          openIdConnectUrl
        }
      }
    }
  }
`);

const CredentialRolesQuery = graphql(`
  query CredentialRoles {
    roles {
      id
      name
    }
  }
`);

export function CredentialsPage() {
  const { company } = useAdministeredCompany();
  if (!company) return <NotAdministered page="Credentials" />;
  // A new company starts a fresh page: no half-filled form carries over to the wrong one.
  return <Credentials key={company.id} companyId={company.id} companyName={company.name} />;
}

function Credentials({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { data, error, refetch } = useQuery(AdminCredentialsQuery, {
    variables: { companyId },
    fetchPolicy: 'cache-and-network',
  });
  const roles = useQuery(CredentialRolesQuery);
  const connect = useQuery(OAuthConnectQuery, { variables: { companyId }, fetchPolicy: 'cache-and-network' });
  const { start: startConnect } = useStartConnect();
  const [search, setSearch] = useSearchParams();
  // The OAuth callback's result (?oauth=…), shown once; the address loses it so a reload does not repeat it.
  const [outcome] = useState<ConnectOutcome | null>(() => connectOutcome(search));
  useEffect(() => {
    if (search.has('oauth')) setSearch({}, { replace: true });
  }, [search, setSearch]);
  /** Reconnect (a new consent, same credential) for OAuth2 credentials and any that needs it, when an app fits. */
  const reconnectFor = (c: {
    id: string;
    kind: string;
    status: string;
    settings?: unknown;
    endpoint: { id: string };
  }) => {
    // Client-credentials tokens need no consent: only refresh-token (and Connect's bearer) credentials reconnect.
    const consented = c.kind === 'OAUTH2_REFRESH_TOKEN' || (c.kind === 'BEARER' && c.status === 'needs_reconnect');
    const app = consented && connect.data ? appForCredential(connect.data.oauthApps, c.settings) : null;
    if (!app) return undefined;
    return () => startConnect({ companyId, endpointId: c.endpoint.id, credentialId: c.id, appId: app.id });
  };
  const [adding, setAdding] = useState<{ endpointId?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const titleId = useId();

  const open = (endpointId?: string) => {
    setNotice(null);
    setAdding(endpointId ? { endpointId } : {});
  };

  let body;
  if (error && !data) body = <ErrorNotice error={error} onRetry={() => void refetch()} />;
  else if (!data) {
    body = (
      <p role="status" className="cred-placeholder">
        Loading credentials…
      </p>
    );
  } else if (data.endpoints.length === 0) {
    body = (
      <p className="empty">
        {companyName} has no API yet. Add one on the Endpoints page, then give it a credential here.
      </p>
    );
  } else {
    body = (
      <div className="cred-groups">
        {groupCredentials(data.credentials, data.endpoints).map((group) => (
          <section
            key={group.endpoint.id}
            className="card cred-endpoint"
            aria-labelledby={`${titleId}-${group.endpoint.id}`}
          >
            <div className="card-head">
              <h2 id={`${titleId}-${group.endpoint.id}`}>{group.endpoint.name}</h2>
              <button
                type="button"
                className="link"
                onClick={() => open(group.endpoint.id)}
                aria-label={`Add credential for ${group.endpoint.name}`}
              >
                Add credential
              </button>
            </div>
            {group.count === 0 ? (
              <p className="muted small cred-none">
                No credential yet: calls to {group.endpoint.name} fail until you add one.
              </p>
            ) : (
              group.roles.map((roleGroup) => (
                <div key={roleGroup.role?.id ?? 'shared'} className="cred-role">
                  <h3 className={roleGroup.role ? undefined : 'cred-shared'}>{roleGroup.label}</h3>
                  <ul className="cred-list">
                    {roleGroup.credentials.map((c) => (
                      <li key={c.id}>
                        <CredentialItem
                          credential={c}
                          onReconnect={reconnectFor(c)}
                          onChanged={refetch}
                          onDeleted={(name) => setNotice(`Deleted “${name}”.`)}
                        />
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </section>
        ))}
      </div>
    );
  }

  return (
    <section aria-labelledby={titleId} className="cred-page">
      <div className="title-row">
        <h1 id={titleId}>Credentials at {companyName}</h1>
        {data && data.endpoints.length > 0 && !adding && (
          <button type="button" className="primary" onClick={() => open()}>
            Add credential
          </button>
        )}
      </div>
      <p className="muted">
        The secrets Tessera uses to call {companyName}’s APIs. A credential belongs to one API and either to one role or
        to every role (used when a role has none of its own). Secrets are encrypted and never shown again: you can test,
        replace or delete them.
      </p>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
        {outcome?.tone === 'ok' && <p className="notice">{outcome.message}</p>}
      </div>
      {outcome?.tone === 'bad' && (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      )}
      {connect.data && data && connectableEndpoints(data.endpoints).length > 0 && (
        <ConnectPanel
          companyId={companyId}
          data={connect.data}
          endpoints={connectableEndpoints(data.endpoints)}
          roles={roles.data?.roles}
          onChanged={() => connect.refetch()}
        />
      )}
      {adding && data && (
        <CreateCredentialForm
          companyId={companyId}
          endpoints={data.endpoints}
          roles={roles.data?.roles}
          initialEndpointId={adding.endpointId}
          onCancel={() => setAdding(null)}
          onCreated={async (created) => {
            setAdding(null);
            setNotice(`Saved “${created.name}”. Press its Test button to check that the API accepts it.`);
            await refetch();
          }}
        />
      )}
      {body}
    </section>
  );
}
