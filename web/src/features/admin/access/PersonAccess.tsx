// One person: the roles they hold in each company, and what those roles let them use in the
// chosen company (the highest level over their roles, as the server's policy computes it).
// Read-only: access belongs to roles, so each line offers to edit the role that gives it.
import { useId } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { isPlatformAdministrator } from '../../../company/policy.ts';
import { graphql } from '../../../gql';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { groupMemberships } from '../people/people.ts';
import { LEVEL_HINT, LEVEL_LABEL } from './access-levels.ts';

const PersonAccessQuery = graphql(`
  query PersonAccess($userId: ID!, $companyId: ID!) {
    user(id: $userId) {
      ...PersonWithRoles
    }
    userAccess(userId: $userId, companyId: $companyId) {
      access
      endpoint {
        id
        name
      }
      viaRoles {
        id
        name
      }
    }
  }
`);

interface Props {
  userId: string;
  companyId: string;
  companyName: string;
  onEditRole(roleId: string): void;
}

export function PersonAccess({ userId, companyId, companyName, onEditRole }: Props) {
  const { data, error, refetch } = useQuery(PersonAccessQuery, {
    variables: { userId, companyId },
    fetchPolicy: 'cache-and-network',
  });
  const ids = { roles: useId(), access: useId() };

  if (error && !data) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (!data) {
    return (
      <p role="status" className="person-placeholder">
        Loading their access…
      </p>
    );
  }

  const { user, userAccess } = data;
  const groups = groupMemberships(user.memberships);
  const rolesHere = groups.find((g) => g.company.id === companyId)?.roles ?? [];
  const editButton = (role: { id: string; name: string }) => (
    <button
      type="button"
      className="link"
      onClick={() => onEditRole(role.id)}
      aria-label={`Edit the ${role.name} role's access at ${companyName}`}
    >
      Edit {role.name}
    </button>
  );

  return (
    <div className="person-access">
      <section aria-labelledby={ids.roles}>
        <h2 id={ids.roles}>{user.name}’s roles</h2>
        <p className="small muted">
          {user.email}
          {isPlatformAdministrator(user) &&
            ' · Platform admin (manages every company, but uses APIs only through roles)'}
        </p>
        {groups.length === 0 ? (
          <p>{user.name} holds no role in any company you administer.</p>
        ) : (
          <ul className="membership-list">
            {groups.map(({ company, roles }) => (
              <li key={company.id}>
                <strong>{company.name}:</strong> {roles.map((r) => r.name).join(', ')}
              </li>
            ))}
          </ul>
        )}
        <p className="small">
          <Link to={`/admin/people?user=${encodeURIComponent(user.id)}`}>
            Give or take away roles on the People page
          </Link>
        </p>
      </section>

      <section aria-labelledby={ids.access}>
        <h2 id={ids.access}>
          What {user.name} can use at {companyName}
        </h2>
        {rolesHere.length === 0 ? (
          <p className="notice">
            {user.name} holds no role at {companyName}, so they can use none of its APIs.
          </p>
        ) : (
          <p className="small">
            Access comes from their roles here:{' '}
            {rolesHere.map((r, i) => (
              <span key={r.id}>
                {i > 0 && ', '}
                {r.name} ({editButton(r)})
              </span>
            ))}
            .
          </p>
        )}
        {userAccess.length === 0 ? (
          <p className="empty">{companyName} has no APIs yet.</p>
        ) : (
          <table className="effective">
            <caption className="visually-hidden">
              {user.name}’s access to each API of {companyName}
            </caption>
            <thead>
              <tr>
                <th scope="col">API</th>
                <th scope="col">Access</th>
                <th scope="col">Given by</th>
              </tr>
            </thead>
            <tbody>
              {userAccess.map(({ access, endpoint, viaRoles }) => (
                <tr key={endpoint.id}>
                  <th scope="row">{endpoint.name}</th>
                  <td>
                    <span className={`badge access-${access.toLowerCase()}`} title={LEVEL_HINT[access]}>
                      {LEVEL_LABEL[access]}
                    </span>
                  </td>
                  <td>
                    {viaRoles.length === 0 ? (
                      <span className="muted">No role of theirs</span>
                    ) : (
                      viaRoles.map((role, i) => (
                        <span key={role.id} className="via">
                          {i === 0 ? 'via ' : ' and '}
                          <button
                            type="button"
                            className="link"
                            onClick={() => onEditRole(role.id)}
                            aria-label={`via ${role.name}: edit the ${role.name} role's access at ${companyName}`}
                          >
                            {role.name}
                          </button>
                        </span>
                      ))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
