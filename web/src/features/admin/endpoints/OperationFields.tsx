// One operation's fields: method, path, key, description. Until the key is typed by hand it
// follows the method and path (GET /repos/{id} → getReposById), so a newcomer need not invent one.
import type { ReactNode } from 'react';
import { FieldHint } from '../../../ui/fields.tsx';
import {
  METHODS,
  suggestOperationKey,
  type Errors,
  type OperationField,
  type OperationValues,
} from './endpoint-form.ts';

export interface OperationDraft extends OperationValues {
  /** The key was typed by hand (or belongs to a saved operation): stop suggesting. */
  keyEdited: boolean;
}

export const operationFieldOrder: OperationField[] = ['method', 'path', 'key', 'description'];
export const operationFieldLabels: Record<OperationField, string> = {
  method: 'Method',
  path: 'Path',
  key: 'Key',
  description: 'Description',
};

const HINTS: Record<OperationField, string> = {
  method: 'GET reads; the others change data and need write access.',
  path: 'After the base URL; {name} for parameters, e.g. /repos/{id}.',
  key: 'Unique in this API, e.g. listRepos; the assistant’s tool is named after it.',
  description: 'Optional: what it does, for people and the assistant.',
};

interface Props {
  idPrefix: string;
  draft: OperationDraft;
  errors: Errors<OperationField>;
  onChange(draft: OperationDraft): void;
}

export function OperationFields({ idPrefix, draft, errors, onChange }: Props) {
  const update = (key: OperationField, value: string) => {
    const next = { ...draft, [key]: value };
    if (key === 'key') next.keyEdited = value.trim() !== '';
    else if (!draft.keyEdited && (key === 'method' || key === 'path'))
      next.key = suggestOperationKey(next.method, next.path);
    onChange(next);
  };
  const field = (key: OperationField, control: (id: string, describedBy: string) => ReactNode) => {
    const id = `${idPrefix}-${key}`;
    return (
      <div className={`field op-field-${key}`}>
        <label htmlFor={id}>{operationFieldLabels[key]}</label>
        {control(id, `${id}-hint`)}
        <FieldHint id={`${id}-hint`} hint={HINTS[key]} error={errors[key]} />
      </div>
    );
  };
  const invalid = (key: OperationField) => (errors[key] ? true : undefined);
  return (
    <div className="op-fields">
      {field('method', (id, d) => (
        <select
          id={id}
          value={draft.method}
          onChange={(e) => update('method', e.target.value)}
          aria-invalid={invalid('method')}
          aria-describedby={d}
        >
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      ))}
      {field('path', (id, d) => (
        <input
          id={id}
          value={draft.path}
          onChange={(e) => update('path', e.target.value)}
          placeholder="/repos/{id}"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid('path')}
          aria-describedby={d}
        />
      ))}
      {field('key', (id, d) => (
        <input
          id={id}
          value={draft.key}
          onChange={(e) => update('key', e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid('key')}
          aria-describedby={d}
        />
      ))}
      {field('description', (id, d) => (
        <input
          id={id}
          value={draft.description}
          onChange={(e) => update('description', e.target.value)}
          autoComplete="off"
          aria-invalid={invalid('description')}
          aria-describedby={d}
        />
      ))}
    </div>
  );
}
