// The company an admin page is about: the header's choice, when the signed-in person
// administers it. A person who holds a role somewhere they do not administer is told so and
// offered the companies they do administer, instead of seeing the server's "not found".
import { useCompany } from '../../../company/company-context.tsx';
import type { CompanyChoice } from '../../../company/company-choices.ts';

export function useAdministeredCompany(): {
  company: CompanyChoice | null;
  administered: CompanyChoice[];
  choose(id: string): void;
  current: CompanyChoice | null;
} {
  const { company, companies, choose } = useCompany();
  const administered = companies.filter((c) => c.administers);
  return { company: company?.administers ? company : null, administered, choose, current: company };
}

export function NotAdministered({ page }: { page: string }) {
  const { administered, choose, current } = useAdministeredCompany();
  return (
    <section className="empty" aria-labelledby="not-administered-title">
      <h1 id="not-administered-title">{page}</h1>
      {administered.length === 0 ? (
        <p>There is no company for you to manage here yet.</p>
      ) : (
        <>
          <p>You do not administer {current?.name ?? 'this company'}. Switch to a company you manage:</p>
          <div className="actions start">
            {administered.map((c) => (
              <button key={c.id} type="button" onClick={() => choose(c.id)}>
                {c.name}
              </button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
