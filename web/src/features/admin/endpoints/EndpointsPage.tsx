// Admin → Endpoints: the company's APIs (name, slug, base URL, operations). Pick one to edit it
// and its operations, or add a new one. The open endpoint is kept in the address (?endpoint=…)
// so a reload shows it again. The company is the header's choice.
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { NotAdministered, useAdministeredCompany } from '../credentials/admin-company.tsx';
import { CreateEndpointForm } from './CreateEndpointForm.tsx';
import { EndpointDetail } from './EndpointDetail.tsx';
import { ImportOpenApiDialog, importSummary } from './ImportOpenApiDialog.tsx';
import './endpoints.css';

const AdminEndpointsQuery = graphql(`
  query AdminEndpoints($companyId: ID!) {
    endpoints(companyId: $companyId) {
      ...AdminEndpointFields
      operations {
        ...AdminOperationFields
      }
    }
  }
`);

export function EndpointsPage() {
  const { company } = useAdministeredCompany();
  if (!company) return <NotAdministered page="Endpoints" />;
  return <Endpoints key={company.id} companyId={company.id} companyName={company.name} />;
}

function Endpoints({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { data, error, refetch } = useQuery(AdminEndpointsQuery, {
    variables: { companyId },
    fetchPolicy: 'cache-and-network',
  });
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const ids = { title: useId(), list: useId() };
  const selectedId = params.get('endpoint');
  const endpoints = data?.endpoints ?? [];
  const selected = endpoints.find((e) => e.id === selectedId) ?? null;

  const select = (id: string | null) => {
    setCreating(false);
    setNotice(null);
    setParams(id ? { endpoint: id } : {}, { replace: true });
  };

  let detail;
  if (creating) {
    detail = (
      <CreateEndpointForm
        companyId={companyId}
        onCancel={() => setCreating(false)}
        onCreated={async (created) => {
          await refetch();
          select(created.id);
          setNotice(
            `Added ${created.name}. Give it a credential on the Credentials page and grant roles access on the Access page.`,
          );
        }}
      />
    );
  } else if (selected) {
    detail = (
      <EndpointDetail
        key={selected.id}
        endpoint={selected}
        onChanged={refetch}
        onDeleted={async (name) => {
          select(null);
          setNotice(`Deleted ${name}.`);
          await refetch();
        }}
      />
    );
  } else if (data) {
    detail = (
      <p className="empty">
        {endpoints.length > 0
          ? 'Choose an API from the list to see and edit its operations.'
          : `${companyName} has no API yet. Press “Add endpoint” to describe the first one.`}
      </p>
    );
  }

  return (
    <section aria-labelledby={ids.title} className="ep-page">
      <div className="title-row">
        <h1 id={ids.title}>Endpoints at {companyName}</h1>
        {!creating && (
          <div className="ep-title-actions">
            <ImportOpenApiDialog
              companyId={companyId}
              onImported={async (report) => {
                await refetch();
                select(report.endpoint.id);
                setNotice(importSummary(report));
              }}
            />
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              Add endpoint
            </button>
          </div>
        )}
      </div>
      <p className="muted">
        The business APIs {companyName}’s people and their assistant can reach: where each one answers and the
        operations it offers. Who may use them is set on the Access page; the secrets to call them, on the Credentials
        page.
      </p>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <div className="ep-layout">
        <div className="panel ep-list-panel">
          {error && !data ? (
            <ErrorNotice error={error} onRetry={() => void refetch()} />
          ) : !data ? (
            <p role="status" className="ep-placeholder">
              Loading endpoints…
            </p>
          ) : (
            <ul className="ep-list" id={ids.list} aria-label="Endpoints">
              {endpoints.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    className="list-choice ep-button"
                    aria-current={e.id === selectedId && !creating ? 'true' : undefined}
                    onClick={() => select(e.id)}
                  >
                    <span className="ep-name">{e.name}</span>
                    <span className="small muted block">
                      <code>{e.slug}</code> · {e.operations.length} operation{e.operations.length === 1 ? '' : 's'}
                    </span>
                    <span className="small muted block ep-url">{e.baseUrl}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="ep-detail-panel">{detail}</div>
      </div>
    </section>
  );
}
