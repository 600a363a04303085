// The widget editor: endpoint and operation, "preview as" a role (the sample answer that role
// gets), the expression with its result shown live (debounced) and suggestions for common
// shapes, then chart kind, format, unit, title, refresh and the roles that see it. Problems are
// shown at their field, the server's too (it names the field; an expression's carries where).
import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { DashboardSettingsQuery, DashboardWidgetKind, WidgetFormat } from '../../../gql/graphql.ts';
import { FieldHint, focusFirstError } from '../../../ui/fields.tsx';
import { placeError } from '../endpoints/place-error.ts';
import type { WidgetDefinition } from './DashboardSettingsPage.tsx';
import { useDebounced } from './use-debounced.ts';
import { WidgetResult } from './WidgetResult.tsx';
import { CreateWidgetMutation, PreviewWidgetQuery, UpdateWidgetMutation } from './widget-documents.ts';
import {
  EMPTY_WIDGET,
  FIELD_LABELS,
  formValuesOf,
  inputOf,
  suggestionsFor,
  validate,
  type WidgetField,
  type WidgetFormValues,
} from './widget-form.ts';

const KINDS: DashboardWidgetKind[] = [
  'STAT',
  'DELTA',
  'BAR',
  'LINE',
  'PIE',
  'DONUT',
  'TABLE',
  'LIST',
] as DashboardWidgetKind[];
const FORMATS: WidgetFormat[] = ['COUNT', 'CURRENCY', 'PERCENT', 'DURATION'] as WidgetFormat[];
const ORDER: readonly WidgetField[] = ['operationKey', 'expression', 'title', 'key', 'unit', 'refreshSeconds', 'roles'];
const PREVIEW_DELAY_MS = 400;

interface Props {
  companyId: string;
  widget: WidgetDefinition | null;
  nextPosition: number;
  endpoints: DashboardSettingsQuery['endpoints'];
  roles: DashboardSettingsQuery['roles'];
  onClose(): void;
  onSaved(title: string): void;
}

export function WidgetEditor({ companyId, widget, nextPosition, endpoints, roles, onClose, onSaved }: Props) {
  const readable = endpoints
    .map((e) => ({ ...e, operations: e.operations.filter((o) => o.method === 'GET') }))
    .filter((e) => e.operations.length > 0);
  const [values, setValues] = useState<WidgetFormValues>(() =>
    widget ? formValuesOf(widget) : { ...EMPTY_WIDGET, endpointId: readable[0]?.id ?? '' },
  );
  const [previewRole, setPreviewRole] = useState(values.roleIds[0] ?? roles[0]?.id ?? '');
  const [errors, setErrors] = useState<Partial<Record<WidgetField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [create, creating] = useMutation(CreateWidgetMutation);
  const [update, updating] = useMutation(UpdateWidgetMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const base = useId();
  const id = (field: string) => `${base}-${field}`;
  const set = <K extends keyof WidgetFormValues>(key: K, value: WidgetFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key === 'roleIds' ? 'roles' : key]: undefined }));
  };

  const operations = readable.find((e) => e.id === values.endpointId)?.operations ?? [];
  const draft = useDebounced(
    {
      endpointId: values.endpointId,
      operationKey: values.operationKey,
      expression: values.expression,
      params: values.params,
      previewRole,
    },
    PREVIEW_DELAY_MS,
  );
  const preview = useQuery(PreviewWidgetQuery, {
    variables: {
      input: {
        companyId,
        roleId: draft.previewRole,
        endpointId: draft.endpointId,
        operationKey: draft.operationKey,
        params: draft.params,
        expression: draft.expression,
      },
    },
    skip: !draft.previewRole || !draft.endpointId || !draft.operationKey,
    fetchPolicy: 'network-only',
  });
  const shown = preview.data ?? preview.previousData;
  const answer = shown?.previewDashboardWidget.answer;
  const suggestions = suggestionsFor(answer);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(formRef.current, base, ORDER, found);
      return;
    }
    const input = inputOf(values, companyId, widget?.position ?? nextPosition);
    try {
      if (widget) await update({ variables: { id: widget.id, input } });
      else await create({ variables: { input } });
      onSaved(input.title);
    } catch (error) {
      const placed = placeError(error, FIELD_LABELS);
      setErrors(placed.errors);
      setFormError(placed.formError);
      focusFirstError(formRef.current, base, ORDER, placed.errors);
    }
  }

  const field = (name: WidgetField) => ({
    id: id(name),
    'aria-describedby': `${id(name)}-hint`,
    'aria-invalid': errors[name] ? true : undefined,
  });

  return (
    <form ref={formRef} className="widget-editor" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2>{widget ? `Edit “${widget.title}”` : 'New widget'}</h2>
      <div className="widget-editor-source">
        <label>
          Endpoint
          <select
            value={values.endpointId}
            onChange={(e) => {
              set('endpointId', e.target.value);
              set('operationKey', '');
            }}
          >
            {readable.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <div>
          <label htmlFor={id('operationKey')}>Operation</label>
          <select
            {...field('operationKey')}
            value={values.operationKey}
            onChange={(e) => set('operationKey', e.target.value)}
          >
            <option value="">Choose an operation…</option>
            {operations.map((o) => (
              <option key={o.id} value={o.key}>
                {o.key} ({o.path})
              </option>
            ))}
          </select>
          <FieldHint
            id={`${id('operationKey')}-hint`}
            hint="A GET operation: widgets only read."
            error={errors.operationKey}
          />
        </div>
        <label>
          Preview as
          <select value={previewRole} onChange={(e) => setPreviewRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="widget-editor-work">
        <section className="widget-editor-answer" aria-label="Sample answer">
          <h3>Sample answer</h3>
          {preview.loading && !shown && <p role="status">Calling the API…</p>}
          {preview.error && (
            <p className="error" role="alert">
              {preview.error.message}
            </p>
          )}
          {shown ? (
            <pre className="widget-answer">{JSON.stringify(answer, null, 2)?.slice(0, 20_000)}</pre>
          ) : (
            !preview.loading && <p className="muted">Pick an operation to see what the role gets.</p>
          )}
        </section>
        <div className="widget-editor-expression">
          <label htmlFor={id('expression')}>Expression (JSONata)</label>
          <textarea
            {...field('expression')}
            rows={6}
            spellCheck={false}
            value={values.expression}
            onChange={(e) => set('expression', e.target.value)}
          />
          <FieldHint
            id={`${id('expression')}-hint`}
            hint="A number, a list of { label, value }, a list of rows, or { value, series, caption, rows }."
            error={errors.expression}
          />
          {suggestions.length > 0 && (
            <fieldset className="actions start widget-suggestions">
              <legend className="visually-hidden">Suggestions</legend>
              {suggestions.map((s) => (
                <button
                  key={s.label}
                  type="button"
                  onClick={() => {
                    set('expression', s.expression);
                    set('kind', s.kind);
                  }}
                >
                  {s.label}
                </button>
              ))}
            </fieldset>
          )}
          <WidgetResult
            preview={shown?.previewDashboardWidget ?? null}
            pending={preview.loading || draft.expression !== values.expression}
            kind={values.kind}
            title={values.title || 'Result'}
            unit={values.unit || null}
          />
        </div>
      </div>

      <div className="widget-editor-looks">
        <label>
          Chart
          <select value={values.kind} onChange={(e) => set('kind', e.target.value as DashboardWidgetKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Format
          <select value={values.format} onChange={(e) => set('format', e.target.value as WidgetFormat | '')}>
            <option value="">plain number</option>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {f.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <div>
          <label htmlFor={id('unit')}>Unit</label>
          <input {...field('unit')} value={values.unit} onChange={(e) => set('unit', e.target.value)} />
          <FieldHint id={`${id('unit')}-hint`} hint='"USD", "people", "deals"…' error={errors.unit} />
        </div>
        <div>
          <label htmlFor={id('title')}>Title</label>
          <input {...field('title')} value={values.title} onChange={(e) => set('title', e.target.value)} />
          <FieldHint id={`${id('title')}-hint`} hint="What the card is called." error={errors.title} />
        </div>
        <div>
          <label htmlFor={id('key')}>Key</label>
          <input {...field('key')} value={values.key} onChange={(e) => set('key', e.target.value)} />
          <FieldHint id={`${id('key')}-hint`} hint="Optional: made from the title." error={errors.key} />
        </div>
        <div>
          <label htmlFor={id('refreshSeconds')}>Refresh every (seconds)</label>
          <input
            {...field('refreshSeconds')}
            inputMode="numeric"
            value={values.refreshSeconds}
            onChange={(e) => set('refreshSeconds', e.target.value)}
          />
          <FieldHint
            id={`${id('refreshSeconds')}-hint`}
            hint="Empty: when opened and when the API reports a change."
            error={errors.refreshSeconds}
          />
        </div>
      </div>
      <fieldset className="widget-editor-roles" aria-describedby={`${id('roles')}-hint`}>
        <legend>First on the dashboards of</legend>
        {roles.map((r) => (
          <label key={r.id} className="checkbox">
            <input
              type="checkbox"
              checked={values.roleIds.includes(r.id)}
              onChange={(e) =>
                set('roleIds', e.target.checked ? [...values.roleIds, r.id] : values.roleIds.filter((x) => x !== r.id))
              }
            />
            {r.name}
          </label>
        ))}
        <FieldHint
          id={`${id('roles')}-hint`}
          hint="Everyone whose role may read the operation sees the widget (with their own field rules); these roles see it first, in this order."
          error={errors.roles}
        />
      </fieldset>
      {formError && (
        <p className="error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={creating.loading || updating.loading}>
          {widget ? 'Save widget' : 'Create widget'}
        </button>
      </div>
    </form>
  );
}
