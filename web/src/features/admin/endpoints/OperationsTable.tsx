// An endpoint's operations: method, key, path, description, each editable in place and
// deletable after a confirmation; "Add operation" below the table.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../session/errors.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { focusField, focusFirstError } from '../../../ui/fields.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';
import {
  emptyOperation,
  validateOperation,
  type Errors,
  type OperationField,
  type OperationInput,
} from './endpoint-form.ts';
import type { Endpoint } from './EndpointDetail.tsx';
import { OperationFields, operationFieldLabels, operationFieldOrder, type OperationDraft } from './OperationFields.tsx';
import { placeError } from './place-error.ts';
import { evictDeleted } from '../../../app/evict-deleted.ts';
import { ParamsSchemaEditor } from './params/ParamsSchemaEditor.tsx';

const CreateOperationMutation = graphql(`
  mutation CreateOperation($endpointId: ID!, $input: CreateOperationInput!) {
    createOperation(endpointId: $endpointId, input: $input) {
      ...AdminOperationFields
    }
  }
`);

const UpdateOperationMutation = graphql(`
  mutation UpdateOperation($id: ID!, $input: UpdateOperationInput!) {
    updateOperation(id: $id, input: $input) {
      ...AdminOperationFields
    }
  }
`);

const DeleteOperationMutation = graphql(`
  mutation DeleteOperation($id: ID!) {
    deleteOperation(id: $id)
  }
`);

type Operation = Endpoint['operations'][number];

export function OperationsTable({ endpoint, onChanged }: { endpoint: Endpoint; onChanged(): Promise<unknown> }) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const [paramsOf, setParamsOf] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [create] = useMutation(CreateOperationMutation);
  const [update] = useMutation(UpdateOperationMutation);
  const [remove] = useMutation(DeleteOperationMutation);
  const captionId = useId();
  const keysExcept = (id: string | null) => endpoint.operations.filter((o) => o.id !== id).map((o) => o.key);

  async function onDelete(op: Operation) {
    setMessage(null);
    try {
      await remove({
        variables: { id: op.id },
        update: evictDeleted('EndpointOperation', op.id),
      });
      await onChanged();
      setMessage({ text: `Deleted ${op.key}.` });
    } catch (e) {
      setMessage({ text: errorMessage(e), error: true });
    }
  }

  return (
    <section className="ep-ops" aria-labelledby={captionId}>
      <h3 id={captionId}>Operations</h3>
      {endpoint.operations.length === 0 ? (
        <p className="muted small">
          No operation yet: people and the assistant can do nothing with this API until you add one.
        </p>
      ) : (
        <table className="ops ep-ops-table">
          <caption className="visually-hidden">Operations of {endpoint.name}</caption>
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Key</th>
              <th scope="col">Path</th>
              <th scope="col">Description</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {endpoint.operations.map((op) =>
              op.id === paramsOf ? (
                <tr key={op.id} className="ep-op-editing">
                  <td colSpan={5}>
                    <ParamsSchemaEditor
                      operation={op}
                      onCancel={() => setParamsOf(null)}
                      onSaved={() => {
                        setParamsOf(null);
                        setMessage({ text: `Saved the parameters of ${op.key}.` });
                      }}
                    />
                  </td>
                </tr>
              ) : op.id === editingId ? (
                <tr key={op.id} className="ep-op-editing">
                  <td colSpan={5}>
                    <OperationForm
                      title={`Edit ${op.key}`}
                      initial={{
                        method: op.method,
                        key: op.key,
                        path: op.path,
                        description: op.description ?? '',
                        keyEdited: true,
                      }}
                      takenKeys={keysExcept(op.id)}
                      submitLabel="Save operation"
                      onCancel={() => setEditingId(null)}
                      onSubmit={async (input) => {
                        await update({ variables: { id: op.id, input } });
                        setEditingId(null);
                        setMessage({ text: `Saved ${input.key}.` });
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={op.id}>
                  <td>
                    <span className={`method method-${op.method.toLowerCase()}`}>{op.method}</span>
                  </td>
                  <td>
                    <span className="op-key">{op.key}</span>
                  </td>
                  <td>
                    <code>{op.path}</code>
                  </td>
                  <td className="small">{op.description ?? <span className="muted">—</span>}</td>
                  <td className="ep-op-actions">
                    <button
                      type="button"
                      onClick={() => {
                        setAdding(false);
                        setEditingId(op.id);
                      }}
                      aria-label={`Edit operation ${op.key}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      onClick={() => {
                        setAdding(false);
                        setEditingId(null);
                        setParamsOf(op.id);
                      }}
                      aria-label={`Parameters of ${op.key}`}
                    >
                      Parameters
                    </button>
                    <ConfirmButton
                      aria-label={`Delete operation ${op.key}`}
                      title={`Delete operation ${op.key}?`}
                      message={
                        <p>
                          People and the assistant can no longer call {op.method} {op.path} on {endpoint.name}. This
                          cannot be undone.
                        </p>
                      }
                      onConfirm={() => onDelete(op)}
                    >
                      Delete
                    </ConfirmButton>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <p className={message?.error ? 'small field-error' : 'small'} role="status">
        {message?.text}
      </p>
      {adding ? (
        <OperationForm
          title="Add operation"
          initial={{ ...emptyOperation(), keyEdited: false }}
          takenKeys={keysExcept(null)}
          submitLabel="Add operation"
          onCancel={() => setAdding(false)}
          onSubmit={async (input) => {
            await create({ variables: { endpointId: endpoint.id, input } });
            await onChanged();
            setAdding(false);
            setMessage({ text: `Added ${input.key}.` });
          }}
        />
      ) : (
        <button
          type="button"
          onClick={() => {
            setEditingId(null);
            setMessage(null);
            setAdding(true);
          }}
        >
          Add operation
        </button>
      )}
    </section>
  );
}

interface OperationFormProps {
  title: string;
  initial: OperationDraft;
  takenKeys: string[];
  submitLabel: string;
  onSubmit(input: OperationInput): Promise<void>;
  onCancel(): void;
}

function OperationForm({ title, initial, takenKeys, submitLabel, onSubmit, onCancel }: OperationFormProps) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Errors<OperationField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => focusField(formRef.current, `${base}-method`), [base]);

  const show = (found: Errors<OperationField>) => {
    setErrors(found);
    focusFirstError(formRef.current, base, operationFieldOrder, found);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const { input, errors: found } = validateOperation(draft, takenKeys);
    if (!input) return show(found);
    setBusy(true);
    try {
      await onSubmit(input);
    } catch (e) {
      const placed = placeError(e, operationFieldLabels);
      setFormError(placed.formError);
      show(placed.errors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="ep-op-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${base}-title`}
    >
      <h4 id={`${base}-title`}>{title}</h4>
      <OperationFields idPrefix={base} draft={draft} errors={errors} onChange={setDraft} />
      <FormActions error={formError} busy={busy} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
