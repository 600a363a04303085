// Who is signed in and which company every page is about. The header's switcher sets the
// company; the choice is saved so a reload (or another tab) opens on the same one.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { ShellQuery } from '../gql/graphql.ts';
import { getSavedCompanyId, saveCompanyId } from '../session/auth.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { buildCompanyChoices, pickCompany, type CompanyChoice } from './company-choices.ts';
import { isAdministrator } from './policy.ts';

const ShellQueryDocument = graphql(`
  query Shell {
    me {
      id
      name
      email
      isPlatformAdmin
      memberships {
        company {
          id
          name
          slug
        }
        role {
          id
          key
          name
        }
      }
    }
    myAdministeredCompanies {
      id
      name
      slug
    }
  }
`);

export type Me = ShellQuery['me'];

interface CompanyContextValue {
  me: Me;
  companies: CompanyChoice[];
  /** The company every page shows; null only for a person with no company at all. */
  company: CompanyChoice | null;
  choose(companyId: string): void;
  /** Administers at least one company (or is a platform admin): may open the admin pages. */
  isAdministrator: boolean;
  /** After a change to one's own memberships (e.g. granted a role), reload them. */
  refresh(): void;
}

const CompanyContext = createContext<CompanyContextValue | null>(null);

export function CompanyProvider({ children }: { children: ReactNode }) {
  const { data, error, refetch } = useQuery(ShellQueryDocument);
  const [chosenId, setChosenId] = useState(getSavedCompanyId);

  const value = useMemo<CompanyContextValue | null>(() => {
    if (!data) return null;
    const companies = buildCompanyChoices(data.me.memberships, data.myAdministeredCompanies);
    return {
      me: data.me,
      companies,
      company: pickCompany(companies, chosenId),
      choose(companyId: string) {
        setChosenId(companyId);
        saveCompanyId(companyId);
      },
      isAdministrator: isAdministrator(data.me, data.myAdministeredCompanies),
      refresh: () => void refetch(),
    };
  }, [data, chosenId, refetch]);

  if (!value) {
    return (
      <main className="page centered" id="main">
        {error ? <ErrorNotice error={error} onRetry={() => void refetch()} /> : <p role="status">Loading…</p>}
      </main>
    );
  }
  return <CompanyContext.Provider value={value}>{children}</CompanyContext.Provider>;
}

function useCompanyContext(): CompanyContextValue {
  const value = useContext(CompanyContext);
  if (!value) throw new Error('useCompany() and useMe() need a <CompanyProvider> above them.');
  return value;
}

/** The company chosen in the header, the list to choose from, and how to choose. */
export function useCompany() {
  const { companies, company, choose, isAdministrator, refresh } = useCompanyContext();
  return { companies, company, choose, isAdministrator, refresh };
}

/** The signed-in person. */
export function useMe(): Me {
  return useCompanyContext().me;
}
