// Admin → Dashboard settings: the company's widgets (each reads one GET operation and turns its
// answer into numbers with a JSONata expression), to edit or delete, and the editor with a live
// result on a sample answer fetched as a chosen role.
import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { DashboardSettingsQuery as Settings } from '../../../gql/graphql.ts';
import { errorMessage } from '../../../session/errors.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { NotAdministered, useAdministeredCompany } from '../credentials/admin-company.tsx';
import { DashboardSettingsQuery, DeleteWidgetMutation } from './widget-documents.ts';
import { WidgetEditor } from './WidgetEditor.tsx';
import './dashboard-settings.css';

export type WidgetDefinition = Settings['dashboardWidgets'][number];

export function DashboardSettingsPage() {
  const { company } = useAdministeredCompany();
  if (!company) return <NotAdministered page="Dashboard settings" />;
  return <DashboardSettings key={company.id} companyId={company.id} companyName={company.name} />;
}

/** Which widget the editor shows: none (closed), a new one, or an existing one. */
type Editing = null | 'new' | WidgetDefinition;

function DashboardSettings({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { data, error, refetch } = useQuery(DashboardSettingsQuery, {
    variables: { companyId },
    fetchPolicy: 'network-only',
  });
  const [remove, removal] = useMutation(DeleteWidgetMutation);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState('');
  const title = useId();
  if (error) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (!data) return <p role="status">Loading…</p>;
  const widgets = data.dashboardWidgets;

  async function onDelete(widget: WidgetDefinition) {
    const res = await remove({ variables: { id: widget.id, companyId } }).catch(() => null);
    if (!res?.data) return;
    setNotice(`Deleted “${widget.title}”.`);
    await refetch();
  }

  return (
    <section aria-labelledby={title} className="dashboard-settings">
      <h1 id={title}>Dashboard settings</h1>
      <p className="muted">
        The widgets of {companyName}. Each reads one operation of an API; a person sees it only when their roles may
        read that operation, with their own field rules applied.
      </p>
      {removal.error && (
        <p className="error" role="alert">
          {errorMessage(removal.error)}
        </p>
      )}
      <p className="notice" role="status">
        {notice}
      </p>
      {widgets.length === 0 ? (
        <p className="empty">No widgets yet.</p>
      ) : (
        <table className="widget-list">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Reads</th>
              <th scope="col">Kind</th>
              <th scope="col">First for</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {widgets.map((w) => (
              <tr key={w.id}>
                <th scope="row">{w.title}</th>
                <td>
                  {w.endpoint.name} · <code>{w.operationKey}</code>
                </td>
                <td>{w.kind}</td>
                <td>{w.roles.map((r) => r.role.name).join(', ') || '–'}</td>
                <td className="actions start">
                  <button type="button" aria-label={`Edit ${w.title}`} onClick={() => setEditing(w)}>
                    Edit
                  </button>
                  <ConfirmButton
                    aria-label={`Delete ${w.title}`}
                    title={`Delete “${w.title}”?`}
                    message="Nobody will see this widget on their dashboard any more."
                    onConfirm={() => onDelete(w)}
                  >
                    Delete
                  </ConfirmButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing === null ? (
        <div className="actions start">
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            New widget
          </button>
        </div>
      ) : (
        <WidgetEditor
          key={editing === 'new' ? 'new' : editing.id}
          companyId={companyId}
          widget={editing === 'new' ? null : editing}
          nextPosition={widgets.reduce((max, w) => Math.max(max, w.position + 1), 0)}
          endpoints={data.endpoints}
          roles={data.roles}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(`Saved “${saved}”.`);
            void refetch();
          }}
        />
      )}
    </section>
  );
}
