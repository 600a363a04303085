// Admin → Access. The product's flow: choose a role (or a person), choose a company, then set
// what the role may use of each of that company's APIs; the preview shows what the assistant
// would then offer. The choices are kept in the address so a reload shows the same view.
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useCompany } from '../../../company/company-context.tsx';
import { graphql } from '../../../gql';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { NamedOptions } from '../../../ui/NamedOptions.tsx';
import { pickCompanyId, readSelection, writeSelection, type AccessSelection, type AccessView } from './access-params.ts';
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

export function AccessPage() {
  const { companies, company: headerCompany } = useCompany();
  const administered = companies.filter((c) => c.administers);
  const [params, setParams] = useSearchParams();
  const selection = readSelection(params);
  const companyId = pickCompanyId(selection.companyId, administered, headerCompany?.id ?? null);
  const company = administered.find((c) => c.id === companyId) ?? null;

  const roles = useQuery(AccessRolesQuery);
  const people = useQuery(AccessPeopleQuery, { skip: selection.view !== 'person' });
  const ids = { title: useId(), subject: useId(), subjectHint: useId(), company: useId() };

  const update = (patch: Partial<AccessSelection>) => setParams(writeSelection({ ...selection, companyId, ...patch }), { replace: true });
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

  const subjectSelect =
    selection.view === 'role' ? (
      <div className="field">
        <label htmlFor={ids.subject}>Role</label>
        <select id={ids.subject} value={role?.id ?? ''} onChange={(e) => update({ roleId: e.target.value || null })} aria-describedby={ids.subjectHint} disabled={!roles.data}>
          <option value="">{roles.data ? 'Choose a role…' : 'Loading roles…'}</option>
          <NamedOptions items={roles.data?.roles} />
        </select>
        <p className="small muted field-hint" id={ids.subjectHint}>
          {role?.description ?? 'Roles are shared by every company; what a role may use is set per company.'}
        </p>
      </div>
    ) : (
      <div className="field">
        <label htmlFor={ids.subject}>Person</label>
        <select id={ids.subject} value={person?.id ?? ''} onChange={(e) => update({ userId: e.target.value || null })} aria-describedby={ids.subjectHint} disabled={!people.data}>
          <option value="">{people.data ? 'Choose a person…' : 'Loading people…'}</option>
          {people.data?.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </select>
        <p className="small muted field-hint" id={ids.subjectHint}>
          A person’s access is the highest level any of their roles gives in the company.
        </p>
      </div>
    );

  return (
    <section aria-labelledby={ids.title} className="access-page">
      <h1 id={ids.title}>Access</h1>
      <p className="muted">Choose a role or a person, then a company. Each API of that company shows what the role may do with it; a change is saved at once.</p>

      <div className="access-choosers">
        <Segmented legend="Show access" options={VIEWS} value={selection.view} onChange={(view: AccessView) => update({ view })} />
        {subjectSelect}
        <div className="field">
          <label htmlFor={ids.company}>In company</label>
          <select id={ids.company} value={companyId ?? ''} onChange={(e) => update({ companyId: e.target.value })}>
            <NamedOptions items={administered} />
          </select>
        </div>
      </div>

      {roles.error && <ErrorNotice error={roles.error} onRetry={() => void roles.refetch()} />}
      {people.error && <ErrorNotice error={people.error} onRetry={() => void people.refetch()} />}

      {company && selection.view === 'role' && role && (
        <div className="access-layout">
          <RoleAccessEditor key={`${role.id}:${company.id}`} roleId={role.id} roleName={role.name} companyId={company.id} companyName={company.name} />
          <ToolPreviewPanel roleId={role.id} roleName={role.name} companyId={company.id} companyName={company.name} />
        </div>
      )}
      {company && selection.view === 'role' && role && <FieldRulesPanel key={`${role.id}:${company.id}`} roleId={role.id} roleName={role.name} companyId={company.id} companyName={company.name} />}
      {company && selection.view === 'person' && person && (
        <PersonAccess userId={person.id} companyId={company.id} companyName={company.name} onEditRole={(roleId) => update({ view: 'role', roleId })} />
      )}
      {((selection.view === 'role' && !roles.data) || (selection.view === 'person' && !people.data)) && !roles.error && !people.error && (
        <p role="status" className="empty start-hint">
          Loading…
        </p>
      )}
      {((selection.view === 'role' && !role && roles.data) || (selection.view === 'person' && !person && people.data)) && (
        <p className="empty start-hint">
          {selection.view === 'role'
            ? 'Choose a role above to see and change which APIs it may use.'
            : 'Choose a person above to see their roles and what those roles let them use.'}
        </p>
      )}
    </section>
  );
}
