// Admin → People: everyone the admin may see, searchable; pick one to see and change the roles
// they hold in each company. Platform admins can also create people. The chosen person is kept
// in the address (?user=…) so a reload or a link from the Access page opens them.
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useCompany, useMe } from '../../../company/company-context.tsx';
import { isPlatformAdministrator, mayCreateUsers, mayManageInvitations } from '../../../company/policy.ts';
import { graphql } from '../../../gql';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { CreateUserForm } from './CreateUserForm.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { filterPeople, groupMemberships } from './people.ts';
import { PersonDetail } from './PersonDetail.tsx';
import './people.css';

const PeopleListQuery = graphql(`
  query PeopleList {
    users {
      ...PersonWithRoles
    }
  }
`);

export function PeoplePage() {
  const me = useMe();
  const { company } = useCompany();
  const { data, error, refetch } = useQuery(PeopleListQuery, { fetchPolicy: 'cache-and-network' });
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const ids = { title: useId(), search: useId(), list: useId() };
  const selectedId = params.get('user');

  const select = (userId: string) => {
    setCreated(null);
    setParams({ user: userId }, { replace: true });
  };
  const people = data ? filterPeople(data.users, query) : [];

  return (
    <section aria-labelledby={ids.title} className="people-page">
      <div className="title-row">
        <h1 id={ids.title}>People</h1>
        {mayCreateUsers(me) && !creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Create user
          </button>
        )}
      </div>
      <p className="muted">
        Choose a person to see the roles they hold in each company, give them a role, or take one away. Invite people
        who are not here yet.
      </p>

      {creating && (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            setParams({ user: user.id }, { replace: true });
            setCreated(
              `${user.name} can now sign in as ${user.email}. Give them a role in a company so they can use its APIs.`,
            );
          }}
        />
      )}
      {created && (
        <p className="notice" role="status">
          {created}
        </p>
      )}

      {company && mayManageInvitations(me, company) && <InvitationsPanel key={company.id} company={company} />}

      <div className="people-layout">
        <div className="panel people-list-panel">
          <label htmlFor={ids.search}>Search people</label>
          <input
            id={ids.search}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Name or email"
            aria-controls={ids.list}
            autoComplete="off"
          />
          {error && !data ? (
            <ErrorNotice error={error} onRetry={() => void refetch()} />
          ) : !data ? (
            <p role="status" className="people-list-placeholder">
              Loading people…
            </p>
          ) : (
            <>
              <p className="small muted people-count" role="status">
                {people.length === data.users.length
                  ? `${people.length} people`
                  : `${people.length} of ${data.users.length} people`}
              </p>
              <ul className="people-list" id={ids.list} aria-label="People">
                {people.map((person) => {
                  const companies = groupMemberships(person.memberships).map((g) => g.company.name);
                  return (
                    <li key={person.id}>
                      <button
                        type="button"
                        className="list-choice person-button"
                        aria-current={person.id === selectedId ? 'true' : undefined}
                        onClick={() => select(person.id)}
                      >
                        <span className="person-name">{person.name}</span>
                        <span className="small muted block">{person.email}</span>
                        <span className="small block">
                          {isPlatformAdministrator(person)
                            ? 'Platform admin'
                            : companies.length > 0
                              ? companies.join(', ')
                              : 'No company yet'}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
              {people.length === 0 && <p className="small">Nobody matches “{query}”.</p>}
            </>
          )}
        </div>
        <div className="people-detail-panel">
          {selectedId ? (
            <PersonDetail key={selectedId} userId={selectedId} />
          ) : (
            <p className="empty">Choose a person from the list to see their company access.</p>
          )}
        </div>
      </div>
    </section>
  );
}
