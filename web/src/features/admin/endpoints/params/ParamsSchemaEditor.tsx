// An operation's parameter JSON Schema, edited as text beside a live preview of the form the
// console generates from it. A syntax error is placed (line, column) as you type; on save the
// server compiles the schema as the gateway will (RE2 patterns, size bounds) and its refusal,
// with the schema path, is shown under the text.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../../gql';
import { errorMessage } from '../../../../session/errors.ts';
import { FormActions } from '../../../../ui/FormActions.tsx';
import { SchemaForm } from '../../../apis/console/SchemaForm.tsx';
import { formFields, type FormValues } from '../../../apis/console/schema-form.ts';
import { parseSchemaText, schemaText } from './params-json.ts';

const UpdateOperationParamsMutation = graphql(`
  mutation UpdateOperationParams($id: ID!, $input: UpdateOperationInput!) {
    updateOperation(id: $id, input: $input) {
      ...AdminOperationFields
    }
  }
`);

interface Props {
  operation: { id: string; key: string; paramsSchema?: unknown };
  onSaved(): void;
  onCancel(): void;
}

export function ParamsSchemaEditor({ operation, onSaved, onCancel }: Props) {
  const [text, setText] = useState(() => schemaText(operation.paramsSchema));
  const [serverError, setServerError] = useState<string | null>(null);
  const [values, setValues] = useState<FormValues>({});
  const [update, { loading }] = useMutation(UpdateOperationParamsMutation);
  const parsed = useMemo(() => parseSchemaText(text), [text]);
  // The last schema that parsed stays previewed while the text is being fixed.
  const [lastGood, setLastGood] = useState(() => parseSchemaText(text).schema);
  if (parsed.error === null && parsed.schema !== lastGood) setLastGood(parsed.schema);
  const fields = useMemo(() => formFields(lastGood), [lastGood]);
  const base = useId();
  const problem = parsed.error?.message ?? serverError;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setServerError(null);
    if (parsed.error) return;
    try {
      // null clears the schema: the operation then takes any parameters.
      await update({ variables: { id: operation.id, input: { paramsSchema: parsed.schema } } });
      onSaved();
    } catch (e) {
      setServerError(errorMessage(e));
    }
  }

  return (
    <form className="params-editor" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${base}-title`}>
      <h4 id={`${base}-title`}>Parameters of {operation.key}</h4>
      <div className="params-editor-grid">
        <div className="field">
          <label htmlFor={`${base}-schema`}>JSON Schema</label>
          <textarea
            id={`${base}-schema`}
            rows={16}
            spellCheck={false}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setServerError(null);
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${base}-schema-hint`}
          />
          <p
            id={`${base}-schema-hint`}
            className={problem ? 'small field-error' : 'small muted field-hint'}
            role={problem ? 'alert' : undefined}
          >
            {problem ?? 'An object schema: its properties are the parameters. Empty: any parameters are accepted.'}
          </p>
        </div>
        <section className="params-preview" aria-label="Preview of the generated form">
          <p className="small muted">What people see in “Try” on My APIs:</p>
          <SchemaForm
            fields={fields}
            values={values}
            errors={{}}
            idPrefix={`${base}-preview`}
            onChange={(path, value) => setValues((v) => ({ ...v, [path]: value }))}
          />
        </section>
      </div>
      <FormActions error={null} busy={loading} submitLabel="Save parameters" onCancel={onCancel} />
    </form>
  );
}
