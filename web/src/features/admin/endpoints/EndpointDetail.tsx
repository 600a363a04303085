// One endpoint: what it is, "Edit" for its fields, its operations, and deleting it (which
// the server does with everything hanging off it: operations, access grants, credentials).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { AdminEndpointsQuery } from '../../../gql/graphql.ts';
import { errorMessage } from '../../../session/errors.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { focusField, focusFirstError } from '../../../ui/fields.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';
import { validateEndpoint, type EndpointField, type EndpointValues, type Errors } from './endpoint-form.ts';
import { EndpointFields, endpointFieldLabels, endpointFieldOrder } from './EndpointFields.tsx';
import { OperationsTable } from './OperationsTable.tsx';
import { EndpointAuthPanel } from './auth/EndpointAuthPanel.tsx';
import { placeError } from './place-error.ts';
import { evictDeleted } from '../../../app/evict-deleted.ts';

const UpdateEndpointMutation = graphql(`
  mutation UpdateEndpoint($id: ID!, $input: UpdateEndpointInput!) {
    updateEndpoint(id: $id, input: $input) {
      ...AdminEndpointFields
    }
  }
`);

const DeleteEndpointMutation = graphql(`
  mutation DeleteEndpoint($id: ID!) {
    deleteEndpoint(id: $id)
  }
`);

export type Endpoint = AdminEndpointsQuery['endpoints'][number];

interface Props {
  endpoint: Endpoint;
  onChanged(): Promise<unknown>;
  onDeleted(name: string): Promise<unknown>;
}

export function EndpointDetail({ endpoint, onChanged, onDeleted }: Props) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [remove] = useMutation(DeleteEndpointMutation);
  const titleId = useId();
  const count = endpoint.operations.length;

  async function onDelete() {
    setDeleteError(null);
    try {
      // Out of the cache at once, so the list never shows a deleted endpoint while it reloads.
      await remove({
        variables: { id: endpoint.id },
        update: evictDeleted('ApiEndpoint', endpoint.id),
      });
      await onDeleted(endpoint.name);
    } catch (e) {
      setDeleteError(errorMessage(e));
    }
  }

  return (
    <article className="panel ep-card ep-detail" aria-labelledby={titleId}>
      <div className="title-row">
        <h2 id={titleId}>{endpoint.name}</h2>
        {!editing && (
          <button
            type="button"
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
            aria-label={`Edit ${endpoint.name}`}
          >
            Edit
          </button>
        )}
      </div>
      {editing ? (
        <EditEndpointForm
          endpoint={endpoint}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved('Saved.');
          }}
        />
      ) : (
        <dl className="ep-facts">
          <div>
            <dt>Slug</dt>
            <dd>
              <code>{endpoint.slug}</code>
            </dd>
          </div>
          <div>
            <dt>Base URL</dt>
            <dd>
              <code>{endpoint.baseUrl}</code>
            </dd>
          </div>
          <div className="ep-wide">
            <dt>Description</dt>
            <dd>{endpoint.description || <span className="muted">None</span>}</dd>
          </div>
          <div>
            <dt>Cache</dt>
            <dd>{endpoint.cacheTtlSeconds > 0 ? `GET answers kept ${endpoint.cacheTtlSeconds} s` : 'Off'}</dd>
          </div>
          <div>
            <dt>Rate limit</dt>
            <dd>
              {endpoint.rateLimitPerMinute
                ? `${endpoint.rateLimitPerMinute} calls a minute`
                : 'Platform default (600 a minute)'}
            </dd>
          </div>
        </dl>
      )}
      <p className="small" role="status">
        {saved}
      </p>

      <EndpointAuthPanel endpoint={endpoint} />

      <OperationsTable endpoint={endpoint} onChanged={onChanged} />

      <div className="ep-danger">
        <h3>Delete this endpoint</h3>
        <p className="small muted">Removes it with its operations, every role’s access to it and its credentials.</p>
        <ConfirmButton
          aria-label={`Delete ${endpoint.name}`}
          title={`Delete ${endpoint.name}?`}
          message={
            <p>
              Its {count} operation{count === 1 ? '' : 's'}, every role’s access to it and all its credentials (with
              their secrets) are deleted too. People and the assistant can no longer use it. This cannot be undone.
            </p>
          }
          confirmLabel="Delete endpoint"
          onConfirm={onDelete}
        >
          Delete endpoint
        </ConfirmButton>
        {deleteError && (
          <p className="error" role="alert">
            {deleteError}
          </p>
        )}
      </div>
    </article>
  );
}

const valuesOf = (e: Endpoint): EndpointValues => ({
  name: e.name,
  slug: e.slug,
  baseUrl: e.baseUrl,
  description: e.description ?? '',
  cacheTtlSeconds: String(e.cacheTtlSeconds),
  rateLimitPerMinute:
    e.rateLimitPerMinute === null || e.rateLimitPerMinute === undefined ? '' : String(e.rateLimitPerMinute),
});

function EditEndpointForm({ endpoint, onSaved, onCancel }: { endpoint: Endpoint; onSaved(): void; onCancel(): void }) {
  const [values, setValues] = useState(() => valuesOf(endpoint));
  const [errors, setErrors] = useState<Errors<EndpointField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateEndpointMutation);
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => focusField(formRef.current, `${base}-name`), [base]);

  const show = (found: Errors<EndpointField>) => {
    setErrors(found);
    focusFirstError(formRef.current, base, endpointFieldOrder, found);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const { input, errors: found } = validateEndpoint(values);
    if (!input) return show(found);
    try {
      await update({ variables: { id: endpoint.id, input } });
      onSaved();
    } catch (e) {
      const placed = placeError(e, endpointFieldLabels);
      setFormError(placed.formError);
      show(placed.errors);
    }
  }

  return (
    <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate aria-label={`Edit ${endpoint.name}`}>
      <EndpointFields
        idPrefix={base}
        values={values}
        errors={errors}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
      />
      {values.slug.trim() !== endpoint.slug && (
        <p className="small notice">Changing the slug renames the assistant’s tools for this API.</p>
      )}
      <FormActions error={formError} busy={loading} submitLabel="Save changes" onCancel={onCancel} />
    </form>
  );
}
