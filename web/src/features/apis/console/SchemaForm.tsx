// The fields of an operation's parameter schema (schema-form.ts) as form controls: a select for
// an enum, a check box for a boolean, a number input for numbers, a fieldset for a nested object,
// a JSON text area for anything else. Controlled: the values live in the parent (the console
// and the parameter editor's preview).
import type { ReactNode } from 'react';
import { FieldHint } from '../../../ui/fields.tsx';
import type { FormField, FormValues } from './schema-form.ts';

interface Props {
  fields: readonly FormField[];
  values: FormValues;
  errors: Record<string, string>;
  idPrefix: string;
  onChange(path: string, value: string | boolean): void;
  disabled?: boolean;
}

export function SchemaForm(props: Props) {
  if (props.fields.length === 0) return <p className="small muted">This operation takes no parameters.</p>;
  return (
    <div className="schema-form">
      {props.fields.map((f) => (
        <Field key={f.path} field={f} {...props} />
      ))}
    </div>
  );
}

function Field({ field, values, errors, idPrefix, onChange, disabled }: Props & { field: FormField }) {
  const id = `${idPrefix}-${field.path}`;
  const error = errors[field.path];
  const common = {
    id,
    name: field.path,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': `${id}-hint`,
    'aria-required': field.required || undefined,
  };
  const label = (
    <>
      {field.label}
      {field.required ? <span className="required"> (required)</span> : null}
    </>
  );
  const text = typeof values[field.path] === 'string' ? (values[field.path] as string) : '';
  let control: ReactNode;
  switch (field.kind) {
    case 'object':
      return (
        <fieldset className="schema-object">
          <legend>{label}</legend>
          {field.description && <p className="small muted">{field.description}</p>}
          {field.fields.map((f) => (
            <Field
              key={f.path}
              field={f}
              fields={field.fields}
              values={values}
              errors={errors}
              idPrefix={idPrefix}
              onChange={onChange}
              disabled={disabled}
            />
          ))}
        </fieldset>
      );
    case 'boolean':
      return (
        <div className="field field-check">
          <label htmlFor={id}>
            <input
              {...common}
              type="checkbox"
              checked={values[field.path] === true}
              onChange={(e) => onChange(field.path, e.target.checked)}
            />{' '}
            {label}
          </label>
          <FieldHint id={`${id}-hint`} hint={field.description ?? ''} error={error} />
        </div>
      );
    case 'enum':
      control = (
        <select {...common} value={text} onChange={(e) => onChange(field.path, e.target.value)}>
          <option value="">{field.required ? 'Choose…' : '(none)'}</option>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {displayOption(o)}
            </option>
          ))}
        </select>
      );
      break;
    case 'integer':
    case 'number':
      control = (
        <input
          {...common}
          type="number"
          inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
          step={field.kind === 'integer' ? 1 : 'any'}
          min={field.minimum}
          max={field.maximum}
          value={text}
          onChange={(e) => onChange(field.path, e.target.value)}
        />
      );
      break;
    case 'json':
      control = (
        <textarea
          {...common}
          rows={3}
          spellCheck={false}
          placeholder='JSON, e.g. ["a", "b"]'
          value={text}
          onChange={(e) => onChange(field.path, e.target.value)}
        />
      );
      break;
    default:
      control = (
        <input
          {...common}
          type="text"
          autoComplete="off"
          value={text}
          onChange={(e) => onChange(field.path, e.target.value)}
        />
      );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control}
      <FieldHint id={`${id}-hint`} hint={field.description ?? ''} error={error} />
    </div>
  );
}

/** An enum value as a person reads it: strings without their quotes. */
function displayOption(json: string): string {
  const value: unknown = JSON.parse(json);
  return typeof value === 'string' ? value : json;
}
