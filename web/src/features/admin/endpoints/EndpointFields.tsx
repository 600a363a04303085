// The fields of an endpoint, for both "Add endpoint" and "Edit": each with a hint that turns
// into the problem when there is one.
import { FieldHint } from '../../../ui/fields.tsx';
import type { EndpointField, EndpointValues, Errors } from './endpoint-form.ts';

const FIELDS: {
  key: EndpointField;
  label: string;
  hint: string;
  type?: string;
  inputMode?: 'numeric';
  placeholder?: string;
  wide?: boolean;
}[] = [
  { key: 'name', label: 'Name', hint: 'How people and the assistant see it, e.g. “Sales API”.' },
  { key: 'slug', label: 'Slug', hint: 'Short id for tool names and links: lowercase letters, digits and dashes.' },
  {
    key: 'baseUrl',
    label: 'Base URL',
    type: 'url',
    hint: 'Operations’ paths are added to it.',
    placeholder: 'https://api.example.com/v1',
    wide: true,
  },
  {
    key: 'description',
    label: 'Description',
    hint: 'Optional: what it holds. The assistant reads it to pick the right API.',
    wide: true,
  },
  {
    key: 'cacheTtlSeconds',
    label: 'Cache GET answers for (seconds)',
    inputMode: 'numeric',
    hint: '0 means never served from cache.',
  },
  {
    key: 'rateLimitPerMinute',
    label: 'Calls per minute (optional)',
    inputMode: 'numeric',
    hint: 'Empty: the platform default (600).',
  },
];

export const endpointFieldOrder = FIELDS.map((f) => f.key);
export const endpointFieldLabels = Object.fromEntries(FIELDS.map((f) => [f.key, f.label])) as Record<
  EndpointField,
  string
>;

interface Props {
  idPrefix: string;
  values: EndpointValues;
  errors: Errors<EndpointField>;
  onChange(key: EndpointField, value: string): void;
}

export function EndpointFields({ idPrefix, values, errors, onChange }: Props) {
  return (
    <div className="ep-fields">
      {FIELDS.map((f) => {
        const id = `${idPrefix}-${f.key}`;
        const error = errors[f.key];
        return (
          <div className={f.wide ? 'field ep-wide' : 'field'} key={f.key}>
            <label htmlFor={id}>{f.label}</label>
            {f.key === 'description' ? (
              <textarea
                id={id}
                rows={2}
                value={values[f.key]}
                onChange={(e) => onChange(f.key, e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-hint`}
              />
            ) : (
              <input
                id={id}
                type={f.type ?? 'text'}
                inputMode={f.inputMode}
                placeholder={f.placeholder}
                value={values[f.key]}
                onChange={(e) => onChange(f.key, e.target.value)}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-hint`}
              />
            )}
            <FieldHint id={`${id}-hint`} hint={f.hint} error={error} />
          </div>
        );
      })}
    </div>
  );
}
