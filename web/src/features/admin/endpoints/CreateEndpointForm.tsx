// "Add endpoint": name (the slug follows it until typed by hand), base URL, description, and
// optionally its first operations, all saved together.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { focusField } from '../../../ui/fields.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';
import {
  duplicateKeys,
  emptyEndpoint,
  emptyOperation,
  placeOfServerField,
  suggestSlug,
  validateEndpoint,
  validateOperation,
  type EndpointField,
  type EndpointValues,
  type Errors,
  type OperationField,
} from './endpoint-form.ts';
import { serverMessageFor } from '../credentials/credential-kinds.ts';
import { EndpointFields, endpointFieldLabels, endpointFieldOrder } from './EndpointFields.tsx';
import { placeError } from './place-error.ts';
import { OperationFields, operationFieldLabels, operationFieldOrder, type OperationDraft } from './OperationFields.tsx';

const CreateEndpointMutation = graphql(`
  mutation CreateEndpoint($input: CreateEndpointInput!) {
    createEndpoint(input: $input) {
      id
      name
    }
  }
`);

interface Props {
  companyId: string;
  onCreated(endpoint: { id: string; name: string }): Promise<unknown>;
  onCancel(): void;
}

export function CreateEndpointForm({ companyId, onCreated, onCancel }: Props) {
  const [values, setValues] = useState<EndpointValues>(emptyEndpoint);
  const [slugEdited, setSlugEdited] = useState(false);
  const [operations, setOperations] = useState<OperationDraft[]>([]);
  // Stable keys for the operation rows, so removing one does not hand its neighbour's DOM state on.
  const [rowKeys, setRowKeys] = useState<number[]>([]);
  const nextRowKey = useRef(0);
  const [errors, setErrors] = useState<Errors<EndpointField>>({});
  const [opErrors, setOpErrors] = useState<Errors<OperationField>[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateEndpointMutation);
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => focusField(formRef.current, `${base}-name`), [base]);

  const change = (key: EndpointField, value: string) => {
    setValues((v) => ({ ...v, [key]: value, ...(key === 'name' && !slugEdited ? { slug: suggestSlug(value) } : {}) }));
    if (key === 'slug') setSlugEdited(value.trim() !== '');
  };

  const focusFirst = (endpointErrors: Errors<EndpointField>, perOperation: Errors<OperationField>[]) => {
    const first = endpointFieldOrder.find((k) => endpointErrors[k]);
    if (first) return focusField(formRef.current, `${base}-${first}`);
    const index = perOperation.findIndex((e) => Object.keys(e).length > 0);
    const field = index >= 0 ? operationFieldOrder.find((k) => perOperation[index]![k]) : undefined;
    if (field) focusField(formRef.current, `${base}-op${index}-${field}`);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const endpoint = validateEndpoint(values);
    const dupes = duplicateKeys(operations);
    const checked = operations.map((op, i) => {
      const result = validateOperation(op);
      const dupe = dupes.get(i);
      return dupe && !result.errors.key ? { input: null, errors: { ...result.errors, key: dupe } } : result;
    });
    const perOperation = checked.map((c) => c.errors);
    setErrors(endpoint.errors);
    setOpErrors(perOperation);
    if (!endpoint.input || checked.some((c) => !c.input)) return focusFirst(endpoint.errors, perOperation);
    try {
      const { data } = await create({
        variables: { input: { companyId, ...endpoint.input, operations: checked.map((c) => c.input!) } },
      });
      if (data) await onCreated(data.createEndpoint);
    } catch (e) {
      // A new operation's field ("input.operations.2.path") goes next to that operation.
      const first = CombinedGraphQLErrors.is(e) ? e.errors[0] : undefined;
      const place = placeOfServerField(first?.extensions?.field);
      if (first && place?.operation !== undefined && place.field in operationFieldLabels) {
        const found = operations.map((_, i) =>
          i === place.operation
            ? {
                [place.field]: serverMessageFor(
                  first.message,
                  first.extensions?.field,
                  operationFieldLabels[place.field as OperationField],
                ),
              }
            : {},
        );
        setOpErrors(found);
        return focusFirst({}, found);
      }
      const placed = placeError(e, endpointFieldLabels);
      setErrors(placed.errors);
      setFormError(placed.formError);
      focusFirst(placed.errors, []);
    }
  }

  return (
    <form
      ref={formRef}
      className="panel ep-card"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby={`${base}-title`}
    >
      <h2 id={`${base}-title`}>Add endpoint</h2>
      <EndpointFields idPrefix={base} values={values} errors={errors} onChange={change} />

      <h3>Operations</h3>
      <p className="small muted">What the API can do. You can add them now or later.</p>
      <ol className="ep-new-ops">
        {operations.map((op, i) => (
          <li key={rowKeys[i]} className="ep-new-op">
            <fieldset>
              <legend>Operation {i + 1}</legend>
              <OperationFields
                idPrefix={`${base}-op${i}`}
                draft={op}
                errors={opErrors[i] ?? {}}
                onChange={(next) => setOperations((ops) => ops.map((o, j) => (j === i ? next : o)))}
              />
              <button
                type="button"
                className="link"
                onClick={() => {
                  setOperations((ops) => ops.filter((_, j) => j !== i));
                  setOpErrors((errs) => errs.filter((_, j) => j !== i));
                  setRowKeys((keys) => keys.filter((_, j) => j !== i));
                }}
              >
                Remove operation {i + 1}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => {
          setOperations((ops) => [...ops, { ...emptyOperation(), keyEdited: false }]);
          setRowKeys((keys) => [...keys, nextRowKey.current++]);
        }}
      >
        {operations.length === 0 ? 'Add an operation' : 'Add another operation'}
      </button>

      <FormActions error={formError} busy={loading} submitLabel="Save endpoint" onCancel={onCancel} />
    </form>
  );
}
