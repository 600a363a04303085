// One person on the People page: the roles they hold per company, revoking one (after asking),
// and granting a role in a company the admin administers.
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useCompany, useMe } from '../../../company/company-context.tsx';
import { grantableCompanies, isPlatformAdministrator, mayEndSessionsOfSomeoneElse } from '../../../company/policy.ts';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../session/errors.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { NamedOptions } from '../../../ui/NamedOptions.tsx';
import { groupMemberships, rolesNotHeld } from './people.ts';
import { SignOutEverywhereMutation } from '../../../session/SignOutButtons.tsx';

const PeoplePersonQuery = graphql(`
  query PeoplePerson($id: ID!) {
    user(id: $id) {
      ...PersonWithRoles
    }
    roles {
      id
      name
      description
    }
  }
`);

const GrantMutation = graphql(`
  mutation GrantCompanyAccess($userId: ID!, $companyId: ID!, $roleId: ID!) {
    grantCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId) {
      company {
        id
        name
      }
      role {
        id
        name
      }
    }
  }
`);

const RevokeMutation = graphql(`
  mutation RevokeCompanyAccess($userId: ID!, $companyId: ID!, $roleId: ID!) {
    revokeCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId)
  }
`);

const REFETCH = ['PeoplePerson', 'PeopleList'];

type Message = { kind: 'ok' | 'error'; text: string } | null;

export function PersonDetail({ userId }: { userId: string }) {
  const me = useMe();
  const { companies, company: headerCompany, refresh } = useCompany();
  const administered = companies.filter((c) => c.administers);
  const { data, error, refetch } = useQuery(PeoplePersonQuery, {
    variables: { id: userId },
    fetchPolicy: 'cache-and-network',
  });
  const [grant, granting] = useMutation(GrantMutation);
  const [revoke] = useMutation(RevokeMutation);
  const [signOutEverywhere] = useMutation(SignOutEverywhereMutation);
  const [companyId, setCompanyId] = useState(() =>
    administered.some((c) => c.id === headerCompany?.id) ? headerCompany!.id : (administered[0]?.id ?? ''),
  );
  const [roleId, setRoleId] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const ids = { title: useId(), roles: useId(), grant: useId(), company: useId(), role: useId(), roleHint: useId() };

  if (error && !data) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (!data) {
    return (
      <p role="status" className="person-detail-placeholder">
        Loading…
      </p>
    );
  }

  const { user, roles } = data;
  const groups = groupMemberships(user.memberships);
  const grantable = grantableCompanies(administered, user.memberships, me);
  const grantCompanyId = grantable.some((c) => c.id === companyId) ? companyId : (grantable[0]?.id ?? '');
  const choices = rolesNotHeld(roles, user.memberships, grantCompanyId);
  const chosenRole = choices.find((r) => r.id === roleId) ?? null;
  const companyName = (id: string) => administered.find((c) => c.id === id)?.name ?? 'the company';
  // Changing one's own roles changes the header and the pages one may open.
  const afterChange = () => {
    if (user.id === me.id) refresh();
  };

  async function onGrant(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosenRole) {
      setMessage({ kind: 'error', text: 'Choose a role to grant.' });
      return;
    }
    try {
      await grant({
        variables: { userId, companyId: grantCompanyId, roleId: chosenRole.id },
        refetchQueries: REFETCH,
        awaitRefetchQueries: true,
      });
      setMessage({
        kind: 'ok',
        text: `Granted: ${user.name} is now ${chosenRole.name} at ${companyName(grantCompanyId)}.`,
      });
      setRoleId('');
      afterChange();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }

  async function onRevoke(company: { id: string; name: string }, role: { id: string; name: string }) {
    try {
      await revoke({
        variables: { userId, companyId: company.id, roleId: role.id },
        refetchQueries: REFETCH,
        awaitRefetchQueries: true,
      });
      setMessage({ kind: 'ok', text: `Revoked: ${user.name} is no longer ${role.name} at ${company.name}.` });
      afterChange();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }

  async function onSignOutEverywhere() {
    try {
      await signOutEverywhere({ variables: { userId } });
      setMessage({ kind: 'ok', text: `Signed out everywhere: ${user.name} must sign in again on every device.` });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }

  return (
    <article className="panel person-detail" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{user.name}</h2>
      <p className="small muted">
        {user.email}
        {isPlatformAdministrator(user) && ' · Platform admin: manages every company, but uses APIs only through roles'}
      </p>
      {/* Platform admins only (the server refuses anyone else); one's own is in the header. */}
      {mayEndSessionsOfSomeoneElse(me, user.id) && (
        <ConfirmButton
          aria-label={`Sign ${user.name} out everywhere`}
          title={`Sign ${user.name} out everywhere?`}
          confirmLabel="Sign out everywhere"
          message={
            <p>
              Every session of {user.name} ends at once, on every device; open live views close. Their access tokens
              keep working.
            </p>
          }
          onConfirm={onSignOutEverywhere}
        >
          Sign out everywhere
        </ConfirmButton>
      )}

      <h3 id={ids.roles}>Company access</h3>
      {groups.length === 0 ? (
        <p>
          {user.name} holds no role {isPlatformAdministrator(me) ? 'in any company yet' : 'in the companies you manage'}
          .
        </p>
      ) : (
        <ul className="company-roles" aria-labelledby={ids.roles}>
          {groups.map(({ company, roles: held }) => (
            <li key={company.id}>
              <span className="company-name">{company.name}</span>
              <ul>
                {held.map((role) => (
                  <li key={role.id} className="held-role">
                    <span>{role.name}</span>
                    {administered.some((c) => c.id === company.id) && (
                      <ConfirmButton
                        aria-label={`Revoke ${role.name} at ${company.name}`}
                        title={`Revoke ${role.name} at ${company.name}?`}
                        message={
                          <p>
                            {user.name} will no longer hold the {role.name} role at {company.name}, and loses the API
                            access it gives them there. You can grant it again later.
                          </p>
                        }
                        confirmLabel="Revoke"
                        onConfirm={() => onRevoke(company, role)}
                      >
                        Revoke
                      </ConfirmButton>
                    )}
                  </li>
                ))}
              </ul>
              <Link
                className="small"
                to={`/admin/access?view=person&user=${encodeURIComponent(user.id)}&company=${encodeURIComponent(company.id)}`}
              >
                See what {user.name} can use at {company.name}
              </Link>
            </li>
          ))}
        </ul>
      )}

      <p className={message?.kind === 'error' ? 'error person-message' : 'person-message'} role="status">
        {message?.text}
      </p>

      <form className="grant-form" onSubmit={(e) => void onGrant(e)} aria-labelledby={ids.grant}>
        <h3 id={ids.grant}>Give a role</h3>
        {grantable.length < administered.length && (
          <p className="small muted">
            You can give roles only where {user.name} already works; people join another company by accepting an
            invitation.
          </p>
        )}
        <div className="grant-fields">
          <div className="field">
            <label htmlFor={ids.company}>Company</label>
            <select
              id={ids.company}
              value={grantCompanyId}
              onChange={(e) => {
                setCompanyId(e.target.value);
                setRoleId('');
              }}
            >
              <NamedOptions items={grantable} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.role}>Role</label>
            <select
              id={ids.role}
              value={chosenRole?.id ?? ''}
              onChange={(e) => setRoleId(e.target.value)}
              aria-describedby={ids.roleHint}
            >
              <option value="">Choose a role…</option>
              <NamedOptions items={choices} />
            </select>
            <p className="small muted field-hint" id={ids.roleHint}>
              {chosenRole?.description ?? 'Roles they already hold there are not listed.'}
            </p>
          </div>
          <button type="submit" className="primary" disabled={granting.loading || grantable.length === 0}>
            {granting.loading ? 'Granting…' : 'Grant'}
          </button>
        </div>
      </form>
    </article>
  );
}
