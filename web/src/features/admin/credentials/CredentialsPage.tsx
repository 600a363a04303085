// Admin → Credentials: the secrets Tessera calls the company's APIs with, one section per API,
// grouped by the role that uses them. Secrets are write-only: this page can add, test,
// replace and delete them, never show them. The company is the header's choice.
import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { NotAdministered, useAdministeredCompany } from './admin-company.tsx';
import { groupCredentials } from './credential-groups.ts';
import { CreateCredentialForm } from './CreateCredentialForm.tsx';
import { CredentialItem } from './CredentialItem.tsx';
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
      </div>
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
