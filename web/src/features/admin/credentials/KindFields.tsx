// The fields of one credential kind. They are uncontrolled on purpose: a secret typed here
// lives only in the input's value, never in React state or an HTML attribute, and leaves with
// the form (reset or unmounted) once saved. The parent reads them with readKindFields().
import { CombinedGraphQLErrors } from '@apollo/client';
import { errorMessage } from '../../../session/errors.ts';
import { FieldHint } from '../../../ui/fields.tsx';
import {
  fieldOfServerError,
  kindDefinition,
  serverMessageFor,
  type CredentialKind,
  type FieldErrors,
} from './credential-kinds.ts';

interface KindFieldsProps {
  kind: CredentialKind;
  idPrefix: string;
  errors: FieldErrors;
  /** Visible settings to start from (never secrets). */
  defaults?: Record<string, string>;
  /** Fields the API's declared auth decides (auth-form.ts): shown read-only. */
  fixed?: readonly string[];
}

export function KindFields({ kind, idPrefix, errors, defaults = {}, fixed = [] }: KindFieldsProps) {
  const { fields } = kindDefinition(kind);
  return (
    <div className="cred-fields">
      {fields.map((f) => {
        // A fixed field the declaration leaves empty (a header when the key goes in the query) is not asked at all.
        if (fixed.includes(f.key) && !defaults[f.key]) return null;
        const id = `${idPrefix}-${f.key}`;
        const error = errors[f.key];
        return (
          <div className="field" key={`${kind}-${f.key}`}>
            <label htmlFor={id}>
              {f.label}
              {!f.required && <span className="muted optional"> (optional)</span>}
            </label>
            <input
              id={id}
              name={f.key}
              type={f.type}
              defaultValue={f.secret ? undefined : defaults[f.key]}
              readOnly={fixed.includes(f.key) || undefined}
              placeholder={f.placeholder}
              autoComplete={f.secret ? 'new-password' : 'off'}
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint`}
            />
            <FieldHint id={`${id}-hint`} hint={f.hint} error={error} />
          </div>
        );
      })}
    </div>
  );
}

/** The current values of the kind's fields in the form, by key. */
export function readKindFields(form: HTMLFormElement, kind: CredentialKind): Record<string, string> {
  const data = new FormData(form);
  const values: Record<string, string> = {};
  for (const f of kindDefinition(kind).fields) {
    const value = data.get(f.key);
    values[f.key] = typeof value === 'string' ? value : '';
  }
  return values;
}

/**
 * A refused save, placed where the person will look: next to the field the server names (a
 * BAD_USER_INPUT or CONFLICT with `field`), else above the form's buttons.
 */
export function placeServerError(
  error: unknown,
  labels: Record<string, string>,
): { errors: FieldErrors; formError: string | null } {
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  const field = first?.extensions?.field;
  const key = fieldOfServerError(field, Object.keys(labels));
  if (first && key) return { errors: { [key]: serverMessageFor(first.message, field, labels[key]!) }, formError: null };
  return { errors: {}, formError: errorMessage(error) };
}

/** Field labels by key for the kind, for placeServerError. */
export function kindLabels(kind: CredentialKind): Record<string, string> {
  return Object.fromEntries(kindDefinition(kind).fields.map((f) => [f.key, f.label]));
}
