import { useId, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { getSavedCompanyId, saveCompanyId, signOut } from './auth.ts';
import { Endpoints } from './Endpoints.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { graphql } from './gql';

const HomeQuery = graphql(`
  query Home {
    me {
      id
      name
      email
      isPlatformAdmin
      memberships {
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
  }
`);

interface CompanyChoice {
  id: string;
  name: string;
  roles: string[];
}

export function Home() {
  const { data, loading, error, refetch } = useQuery(HomeQuery);
  const [chosenId, setChosenId] = useState(getSavedCompanyId);
  const switcherId = useId();

  // One entry per company, with every role held there (a person may hold several).
  const companies = useMemo(() => {
    const byId = new Map<string, CompanyChoice>();
    for (const { company, role } of data?.me.memberships ?? []) {
      const entry = byId.get(company.id) ?? { id: company.id, name: company.name, roles: [] };
      entry.roles.push(role.name);
      byId.set(company.id, entry);
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [data]);

  // The saved choice may name a company this person no longer (or never) belonged to.
  const company = companies.find((c) => c.id === chosenId) ?? companies[0];

  function choose(companyId: string) {
    setChosenId(companyId);
    saveCompanyId(companyId);
  }

  if (!data) {
    return (
      <main className="page centered">
        {loading && <p role="status">Loading…</p>}
        {error && (
          <ErrorNotice error={error} onRetry={() => void refetch()} />
        )}
      </main>
    );
  }

  const { me } = data;
  return (
    <>
      <header className="topbar">
        <span className="brand">Tessera</span>
        {companies.length > 0 && company && (
          <div className="switcher">
            <label htmlFor={switcherId}>Company</label>
            <select id={switcherId} value={company.id} onChange={(e) => choose(e.target.value)}>
              {companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="who">
          <span className="name">{me.name}</span>
          <span className="muted small">{me.email}</span>
        </div>
        <button type="button" onClick={() => signOut()}>
          Sign out
        </button>
      </header>

      <main className="page">
        {company ? (
          <>
            <h1>{company.name}</h1>
            <p className="muted">
              Your {company.roles.length === 1 ? 'role' : 'roles'} here: <strong>{company.roles.join(', ')}</strong>
            </p>
            <Endpoints companyId={company.id} companyName={company.name} />
          </>
        ) : (
          <section className="empty">
            <h1>Welcome, {me.name}</h1>
            <p>
              You do not hold a role in any company, so there are no APIs for you to use here.
              {me.isPlatformAdmin && ' As a platform admin you manage every company; the administration screens come in a later version.'}
            </p>
          </section>
        )}
      </main>
    </>
  );
}
