// Admin → Access. The product's flow: choose a role (or a person), choose a company, then set
// what the role may use of each of that company's APIs; the preview shows what the assistant
// would then offer. The choices are kept in the address so a reload shows the same view.
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useCompany } from '../../../company/company-context.tsx';
import { graphql } from '../../../gql';
import type {
  AccessPeopleQuery as AccessPeopleQueryResult,
  AccessRolesQuery as AccessRolesQueryResult,
} from '../../../gql/graphql.ts';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { NamedOptions } from '../../../ui/NamedOptions.tsx';
import {
  pickCompanyId,
  readSelection,
  writeSelection,
  type AccessSelection,
  type AccessView,
} from './access-params.ts';
import { FieldRulesPanel } from './FieldRulesPanel.tsx';
import { PersonAccess } from './PersonAccess.tsx';
import { RoleAccessEditor } from './RoleAccessEditor.tsx';
import { Segmented } from './Segmented.tsx';
import { ToolPreviewPanel } from './ToolPreviewPanel.tsx';
import './access.css';

const AccessRolesQuery = graphql(`
  query AccessRoles {
    roles {
      id
      key
      name
      description
    }
  }
`);

const AccessPeopleQuery = graphql(`
  query AccessPeople {
    users {
      id
      name
      email
    }
  }
`);

const VIEWS = [
  { value: 'role' as const, label: 'By role' },
  { value: 'person' as const, label: 'By person' },
];

type Role = AccessRolesQueryResult['roles'][number];
type Person = AccessPeopleQueryResult['users'][number];
type AdministeredCompany = ReturnType<typeof useAccessSelection>['administered'][number];

/** The choices in the address, the company resolved against those the admin administers. */
function useAccessSelection() {
  const { companies, company: headerCompany } = useCompany();
  const administered = companies.filter((c) => c.administers);
  const [params, setParams] = useSearchParams();
  const selection = readSelection(params);
  const companyId = pickCompanyId(selection.companyId, administered, headerCompany?.id ?? null);
  const company = administered.find((c) => c.id === companyId) ?? null;
  const update = (patch: Partial<AccessSelection>) =>
    setParams(writeSelection({ ...selection, companyId, ...patch }), { replace: true });
  return { administered, selection, companyId, company, update };
}

export function AccessPage() {
  const { administered, selection, companyId, company, update } = useAccessSelection();
  const { view } = selection;
  const roles = useQuery(AccessRolesQuery);
  const people = useQuery(AccessPeopleQuery, { skip: view !== 'person' });
  const ids = { title: useId(), company: useId() };
  const role = roles.data?.roles.find((r) => r.id === selection.roleId) ?? null;
  const person = people.data?.users.find((u) => u.id === selection.userId) ?? null;

  if (administered.length === 0) {
    return (
      <section className="empty">
        <h1>Access</h1>
        <p>There is no company to manage yet. A platform admin can create one.</p>
      </section>
    );
  }

  // The current view's subject: loaded (its list), chosen (one of it).
  const subject =
    view === 'role'
      ? { loaded: Boolean(roles.data), chosen: role !== null }
      : { loaded: Boolean(people.data), chosen: person !== null };
  return (
    <section aria-labelledby={ids.title} className="access-page">
      <h1 id={ids.title}>Access</h1>
      <p className="muted">
        Choose a role or a person, then a company. Each API of that company shows what the role may do with it; a change
        is saved at once.
      </p>

      <div className="access-choosers">
        <Segmented
          legend="Show access"
          options={VIEWS}
          value={view}
          onChange={(next: AccessView) => update({ view: next })}
        />
        {view === 'role' ? (
          <RoleSelect roles={roles.data?.roles} role={role} onChange={(roleId) => update({ roleId })} />
        ) : (
          <PersonSelect people={people.data?.users} person={person} onChange={(userId) => update({ userId })} />
        )}
        <div className="field">
          <label htmlFor={ids.company}>In company</label>
          <select id={ids.company} value={companyId ?? ''} onChange={(e) => update({ companyId: e.target.value })}>
            <NamedOptions items={administered} />
          </select>
        </div>
      </div>

      {roles.error && <ErrorNotice error={roles.error} onRetry={() => void roles.refetch()} />}
      {people.error && <ErrorNotice error={people.error} onRetry={() => void people.refetch()} />}

      {company && view === 'role' && role && <RoleAccess role={role} company={company} />}
      {company && view === 'person' && person && (
        <PersonAccess
          userId={person.id}
          companyId={company.id}
          companyName={company.name}
          onEditRole={(roleId) => update({ view: 'role', roleId })}
        />
      )}
      <StartHint view={view} {...subject} failed={Boolean(roles.error || people.error)} />
    </section>
  );
}

/** Loading the current view's list, or asking for a choice from it. */
function StartHint({
  view,
  loaded,
  chosen,
  failed,
}: {
  view: AccessView;
  loaded: boolean;
  chosen: boolean;
  failed: boolean;
}) {
  if (!loaded) {
    return failed ? null : (
      <p role="status" className="empty start-hint">
        Loading…
      </p>
    );
  }
  if (chosen) return null;
  return (
    <p className="empty start-hint">
      {view === 'role'
        ? 'Choose a role above to see and change which APIs it may use.'
        : 'Choose a person above to see their roles and what those roles let them use.'}
    </p>
  );
}

function RoleSelect({
  roles,
  role,
  onChange,
}: {
  roles: Role[] | undefined;
  role: Role | null;
  onChange: (roleId: string | null) => void;
}) {
  const ids = { select: useId(), hint: useId() };
  return (
    <div className="field">
      <label htmlFor={ids.select}>Role</label>
      <select
        id={ids.select}
        value={role?.id ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
        aria-describedby={ids.hint}
        disabled={!roles}
      >
        <option value="">{roles ? 'Choose a role…' : 'Loading roles…'}</option>
        <NamedOptions items={roles} />
      </select>
      <p className="small muted field-hint" id={ids.hint}>
        {role?.description ?? 'Roles are shared by every company; what a role may use is set per company.'}
      </p>
    </div>
  );
}

function PersonSelect({
  people,
  person,
  onChange,
}: {
  people: Person[] | undefined;
  person: Person | null;
  onChange: (userId: string | null) => void;
}) {
  const ids = { select: useId(), hint: useId() };
  return (
    <div className="field">
      <label htmlFor={ids.select}>Person</label>
      <select
        id={ids.select}
        value={person?.id ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
        aria-describedby={ids.hint}
        disabled={!people}
      >
        <option value="">{people ? 'Choose a person…' : 'Loading people…'}</option>
        {people?.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} ({u.email})
          </option>
        ))}
      </select>
      <p className="small muted field-hint" id={ids.hint}>
        A person’s access is the highest level any of their roles gives in the company.
      </p>
    </div>
  );
}

/** One role in one company: its grants, what the assistant would offer, its response fields. Keyed so a new choice starts afresh. */
function RoleAccess({ role, company }: { role: Role; company: AdministeredCompany }) {
  const subject = { roleId: role.id, roleName: role.name, companyId: company.id, companyName: company.name };
  return (
    <>
      <div className="access-layout">
        <RoleAccessEditor key={`${role.id}:${company.id}`} {...subject} />
        <ToolPreviewPanel {...subject} />
      </div>
      <FieldRulesPanel key={`${role.id}:${company.id}`} {...subject} />
    </>
  );
}
