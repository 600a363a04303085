// Every API of the company with a None / Read / Write choice for one role. A change is sent at
// once; the row says "Saving…" then "Saved", or goes back and says why it could not save.
import { useId, useReducer, useRef } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../session/errors.ts';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { coverageText, LEVEL_HINT, LEVEL_LABEL, LEVELS, type Level } from './access-levels.ts';
import { IDLE, reduceRow, shownLevel, statusText, type RowEvent, type RowSave } from './save-state.ts';
import { SegmentRadios } from './Segmented.tsx';

const RoleAccessQuery = graphql(`
  query RoleAccess($roleId: ID!, $companyId: ID!) {
    roleAccess(roleId: $roleId, companyId: $companyId) {
      access
      endpoint {
        id
        name
        slug
        description
        operations {
          id
          method
        }
      }
    }
  }
`);

const SetEndpointAccessMutation = graphql(`
  mutation SetEndpointAccess($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {
    setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) {
      access
      endpoint {
        id
      }
    }
  }
`);

const OPTIONS = LEVELS.map((value) => ({ value, label: LEVEL_LABEL[value] }));

type Rows = Record<string, RowSave>;
const reduceRows = (rows: Rows, { endpointId, event }: { endpointId: string; event: RowEvent }): Rows => ({
  ...rows,
  [endpointId]: reduceRow(rows[endpointId] ?? IDLE, event),
});

interface Props {
  roleId: string;
  roleName: string;
  companyId: string;
  companyName: string;
}

/** Mount with key={roleId + companyId}: the rows' save state belongs to one role in one company. */
export function RoleAccessEditor({ roleId, roleName, companyId, companyName }: Props) {
  const { data, error, refetch } = useQuery(RoleAccessQuery, {
    variables: { roleId, companyId },
    fetchPolicy: 'cache-and-network',
  });
  const [setAccess] = useMutation(SetEndpointAccessMutation);
  const [rows, dispatch] = useReducer(reduceRows, {});
  const seq = useRef(0);
  // One request at a time per row, in the order chosen, so the last choice is the one stored.
  const queues = useRef(new Map<string, Promise<void>>());
  const keyId = useId();

  function change(endpointId: string, level: Level) {
    const mine = ++seq.current;
    dispatch({ endpointId, event: { type: 'start', level, seq: mine } });
    const previous = queues.current.get(endpointId) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        await setAccess({
          variables: { roleId, companyId, endpointId, access: level },
          refetchQueries: ['RoleAccess', 'PreviewTools'],
        });
        dispatch({ endpointId, event: { type: 'done', level, seq: mine } });
      } catch (e) {
        dispatch({ endpointId, event: { type: 'fail', message: errorMessage(e), seq: mine } });
      }
    });
    queues.current.set(endpointId, next);
  }

  if (error && !data) return <ErrorNotice error={error} onRetry={() => void refetch()} />;

  return (
    <section className="access-editor" aria-labelledby={`${keyId}-title`}>
      <h2 id={`${keyId}-title`}>
        What {roleName} may use at {companyName}
      </h2>
      <dl className="level-key">
        {LEVELS.map((level) => (
          <div key={level}>
            <dt>{LEVEL_LABEL[level]}</dt>
            <dd>{LEVEL_HINT[level]}</dd>
          </div>
        ))}
      </dl>
      {!data ? (
        <ul className="access-rows" aria-hidden="true">
          {[0, 1, 2, 3].map((i) => (
            <li key={i} className="access-row placeholder" />
          ))}
        </ul>
      ) : data.roleAccess.length === 0 ? (
        <p className="empty">
          {companyName} has no APIs yet. <Link to="/admin/endpoints">Add one on the Endpoints page</Link>, then come
          back to give roles access.
        </p>
      ) : (
        <ul className="access-rows">
          {data.roleAccess.map(({ access, endpoint }) => {
            const row = rows[endpoint.id] ?? IDLE;
            const level = shownLevel(row, access);
            return (
              <li key={endpoint.id}>
                <fieldset className="access-row" aria-describedby={`${keyId}-${endpoint.id}`}>
                  <legend className="access-row-name">{endpoint.name}</legend>
                  <p className="access-row-info small">
                    {endpoint.description && <span className="muted block">{endpoint.description}</span>}
                    <span id={`${keyId}-${endpoint.id}`}>{coverageText(endpoint.operations, level)}</span>
                  </p>
                  <SegmentRadios options={OPTIONS} value={level} onChange={(next) => change(endpoint.id, next)} />
                  <span className={`save-status save-${row.status}`} role="status">
                    {statusText(row)}
                  </span>
                </fieldset>
              </li>
            );
          })}
        </ul>
      )}
      {!data && (
        <p role="status" className="visually-hidden">
          Loading the APIs of {companyName}…
        </p>
      )}
    </section>
  );
}
