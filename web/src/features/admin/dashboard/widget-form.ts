// The widget editor's form: its values, the input the server takes, and the suggestions that
// write a first expression for common shapes of an answer (a count of a list, the sum of a
// field, a grouping by a field, the latest value). Plain functions, tested without a browser.
import type { DashboardWidgetKind, SeriesMeaning, WidgetFormat } from '../../../gql/graphql.ts';

export interface WidgetFormValues {
  endpointId: string;
  operationKey: string;
  title: string;
  key: string;
  kind: DashboardWidgetKind;
  expression: string;
  format: WidgetFormat | '';
  unit: string;
  /** Seconds as typed; empty: refreshed on events and when opened. */
  refreshSeconds: string;
  /** Kept as they are when editing (the editor does not change them; a save replaces the whole widget). */
  params: unknown;
  fanOut: unknown;
  colours: { label: string; meaning: SeriesMeaning }[];
  /** The roles whose dashboards show the widget first, in this order (all readers see it). */
  roleIds: string[];
}

export const EMPTY_WIDGET: WidgetFormValues = {
  endpointId: '',
  operationKey: '',
  title: '',
  key: '',
  kind: 'STAT' as DashboardWidgetKind,
  expression: '',
  format: '',
  unit: '',
  refreshSeconds: '',
  params: {},
  fanOut: null,
  colours: [],
  roleIds: [],
};

export type WidgetField = 'operationKey' | 'title' | 'key' | 'expression' | 'unit' | 'refreshSeconds' | 'roles';

export const FIELD_LABELS: Record<WidgetField, string> = {
  operationKey: 'Operation',
  title: 'Title',
  key: 'Key',
  expression: 'Expression',
  unit: 'Unit',
  refreshSeconds: 'Refresh every',
  roles: 'First for',
};

/** "Open invoices (EUR)" → "open_invoices_eur": the widget's key when none is typed. */
export function keyOf(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 64) || 'widget'
  );
}

interface Definition {
  endpoint: { id: string };
  operationKey: string;
  title: string;
  key: string;
  kind: DashboardWidgetKind;
  expression: string;
  format?: WidgetFormat | null;
  unit?: string | null;
  refreshSeconds?: number | null;
  params?: unknown;
  fanOut?: unknown;
  colours?: readonly { label: string; meaning: SeriesMeaning }[];
  roles: readonly { role: { id: string }; position: number }[];
}

export function formValuesOf(widget: Definition): WidgetFormValues {
  return {
    endpointId: widget.endpoint.id,
    operationKey: widget.operationKey,
    title: widget.title,
    key: widget.key,
    kind: widget.kind,
    expression: widget.expression,
    format: widget.format ?? '',
    unit: widget.unit ?? '',
    refreshSeconds: widget.refreshSeconds == null ? '' : String(widget.refreshSeconds),
    params: widget.params ?? {},
    fanOut: widget.fanOut ?? null,
    colours: (widget.colours ?? []).map(({ label, meaning }) => ({ label, meaning })),
    roleIds: [...widget.roles].sort((a, b) => a.position - b.position).map((r) => r.role.id),
  };
}

/** What the form can tell before asking the server; the server checks everything again. */
export function validate(values: WidgetFormValues): Partial<Record<WidgetField, string>> {
  const errors: Partial<Record<WidgetField, string>> = {};
  if (!values.operationKey) errors.operationKey = 'Pick an operation.';
  if (values.title.trim() === '') errors.title = 'Give the widget a title.';
  if (values.expression.trim() === '') errors.expression = 'Write an expression, or start from a suggestion.';
  const seconds = values.refreshSeconds.trim();
  if (seconds !== '' && !(Number.isInteger(Number(seconds)) && Number(seconds) >= 10))
    errors.refreshSeconds = 'A whole number of seconds, at least 10; or empty.';
  return errors;
}

export function inputOf(values: WidgetFormValues, companyId: string, position: number) {
  const seconds = values.refreshSeconds.trim();
  return {
    companyId,
    endpointId: values.endpointId,
    operationKey: values.operationKey,
    key: values.key.trim() || keyOf(values.title),
    title: values.title.trim(),
    kind: values.kind,
    expression: values.expression,
    format: values.format === '' ? null : values.format,
    unit: values.unit.trim() || null,
    refreshSeconds: seconds === '' ? null : Number(seconds),
    params: values.params,
    fanOut: values.fanOut,
    colours: values.colours,
    position,
    roles: values.roleIds.map((roleId, i) => ({ roleId, position: i })),
  };
}

export interface Suggestion {
  label: string;
  expression: string;
  kind: DashboardWidgetKind;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A JSONata field name: bare when it can be, else in backquotes. */
const name = (field: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(field) ? field : `\`${field}\``);
const DATE = /^\d{4}-\d{2}(-\d{2})?/;

/** The answer's list: the answer itself, or its first field holding a list of objects. */
function listIn(answer: unknown): { path: string; items: Record<string, unknown>[] } | null {
  if (Array.isArray(answer)) return { path: '$', items: answer.filter(isObject) };
  if (!isObject(answer)) return null;
  for (const [field, value] of Object.entries(answer))
    if (Array.isArray(value) && value.some(isObject)) return { path: name(field), items: value.filter(isObject) };
  return null;
}

/** Expressions for the common shapes the sample answer has; none when it holds no list. */
export function suggestionsFor(answer: unknown): Suggestion[] {
  const list = listIn(answer);
  if (!list) return [];
  const first = list.items[0] ?? {};
  const fields = Object.entries(first);
  const numeric = fields.find(([, v]) => typeof v === 'number')?.[0];
  const dated = fields.find(([, v]) => typeof v === 'string' && DATE.test(v))?.[0];
  // Group by the text field with the fewest different values (a status, not an id).
  const distinct = (field: string) => new Set(list.items.map((item) => item[field])).size;
  const category = fields
    .filter(([k, v]) => typeof v === 'string' && k !== dated && v.length <= 40)
    .map(([k]) => k)
    .sort((a, b) => distinct(a) - distinct(b))[0];
  const out: Suggestion[] = [
    { label: 'Count of the list', expression: `$count(${list.path})`, kind: 'STAT' as DashboardWidgetKind },
  ];
  if (numeric)
    out.push({
      label: `Sum of ${numeric}`,
      expression: `$sum(${list.path}.${name(numeric)})`,
      kind: 'STAT' as DashboardWidgetKind,
    });
  if (category)
    out.push({
      label: `Count by ${category}`,
      expression: `[$each(${list.path}{ ${name(category)}: $count($) }, function($v, $k) { { "label": $k, "value": $v } })]`,
      kind: 'BAR' as DashboardWidgetKind,
    });
  if (numeric)
    out.push({
      label: `Latest ${numeric}`,
      expression: dated
        ? `$sort(${list.path}, function($a, $b) { $a.${name(dated)} > $b.${name(dated)} })[-1].${name(numeric)}`
        : `${list.path}[-1].${name(numeric)}`,
      kind: 'STAT' as DashboardWidgetKind,
    });
  return out;
}
