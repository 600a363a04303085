import { Fragment, useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useCompany } from '../../company/company-context.tsx';
import { accessAllows } from '../../company/policy.ts';
import { graphql } from '../../gql';
import type { AccessLevel } from '../../gql/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { OperationConsole } from './console/OperationConsole.tsx';

const MyEndpointsQuery = graphql(`
  query MyEndpoints($companyId: ID!) {
    myEndpoints(companyId: $companyId) {
      access
      endpoint {
        id
        name
        slug
        description
        operations {
          id
          key
          method
          path
          description
          paramsSchema
        }
      }
    }
  }
`);

const ACCESS_LABEL: Record<AccessLevel, string> = {
  NONE: 'No access',
  READ: 'Read',
  WRITE: 'Read & write',
};

export function MyApisPage() {
  const { company } = useCompany();
  if (!company) return <NoCompany />;
  return <MyApis companyId={company.id} companyName={company.name} />;
}

/** For a person who holds no role anywhere (yet). */
export function NoCompany() {
  return (
    <section className="empty">
      <h1>No company yet</h1>
      <p>
        You do not hold a role in any company, so there are no APIs for you here. A company admin or Data Admin can give
        you one.
      </p>
    </section>
  );
}

function MyApis({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { data, loading, error, refetch } = useQuery(MyEndpointsQuery, { variables: { companyId } });
  const headingId = useId();
  // One console open at a time, under its operation's row.
  const [trying, setTrying] = useState<string | null>(null);

  let body;
  if (error) {
    body = <ErrorNotice error={error} onRetry={() => void refetch()} />;
  } else if (!data) {
    body = loading ? <p role="status">Loading APIs…</p> : null;
  } else if (data.myEndpoints.length === 0) {
    body = (
      <p className="empty">Your roles at {companyName} do not give you any API yet. A Data Admin can grant access.</p>
    );
  } else {
    body = (
      <ul className="endpoints">
        {data.myEndpoints.map(({ access, endpoint }) => (
          <li key={endpoint.id} className="card">
            <div className="card-head">
              <h3>{endpoint.name}</h3>
              <span className={`badge access-${access.toLowerCase()}`}>{ACCESS_LABEL[access]}</span>
            </div>
            {endpoint.description && <p className="muted">{endpoint.description}</p>}
            <table className="ops">
              <caption className="visually-hidden">Operations of {endpoint.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">Operation</th>
                  <th scope="col">Path</th>
                  <th scope="col">
                    <span className="visually-hidden">Try</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {endpoint.operations.map((op) => {
                  const covered = accessAllows(access, op.method);
                  return (
                    <Fragment key={op.id}>
                      <tr className={covered ? undefined : 'not-covered'}>
                        <td>
                          <span className={`method method-${op.method.toLowerCase()}`}>{op.method}</span>
                        </td>
                        <td>
                          <span className="op-key">{op.key}</span>
                          {op.description && <span className="muted small block">{op.description}</span>}
                          {!covered && <span className="small block needs">Needs write access</span>}
                        </td>
                        <td>
                          <code>{op.path}</code>
                        </td>
                        <td>
                          {covered && (
                            <button
                              type="button"
                              aria-expanded={trying === op.id}
                              aria-label={`Try ${op.key}`}
                              onClick={() => setTrying(trying === op.id ? null : op.id)}
                            >
                              Try
                            </button>
                          )}
                        </td>
                      </tr>
                      {trying === op.id && (
                        <tr>
                          <td colSpan={4}>
                            <OperationConsole
                              companyId={companyId}
                              endpointId={endpoint.id}
                              endpointName={endpoint.name}
                              operation={op}
                              onClose={() => setTrying(null)}
                            />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section aria-labelledby={headingId} aria-busy={loading}>
      <h1 id={headingId}>APIs you can use at {companyName}</h1>
      {body}
    </section>
  );
}
