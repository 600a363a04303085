// The draft expression's live result: what the card would show (its number, its chart, its rows)
// or why it shows nothing, with the character the problem is at.
import type { DashboardWidgetKind } from '../../../gql/graphql.ts';
import { formatValue } from '../../dashboard/format.ts';
import { WidgetChart, type Point } from '../../dashboard/WidgetChart.tsx';

interface Metric {
  value?: number | null;
  series?: Point[];
  caption?: string | null;
  unit?: string | null;
  rows?: Record<string, unknown>[] | null;
}

interface Preview {
  result?: unknown;
  error?: string | null;
  position?: number | null;
}

export function WidgetResult({
  preview,
  pending,
  kind,
  title,
  unit,
}: {
  preview: Preview | null;
  pending: boolean;
  kind: DashboardWidgetKind;
  title: string;
  unit: string | null;
}) {
  let body;
  if (!preview) body = <p className="muted">The result shows here as you type.</p>;
  else if (preview.error)
    body = (
      <p className="error">
        {preview.error}
        {preview.position != null && !preview.error.includes('character') && ` (at character ${preview.position})`}
      </p>
    );
  else if (!preview.result) body = <p className="muted">Write an expression to see its result.</p>;
  else {
    const m = preview.result as Metric;
    const shownUnit = m.unit ?? unit;
    body = (
      <>
        <p className="widget-value" data-testid="widget-result-value">
          {m.value == null ? '–' : formatValue(m.value, shownUnit)}
        </p>
        {m.series && m.series.length > 0 && (
          <WidgetChart kind={kind} title={title} series={m.series} unit={shownUnit} />
        )}
        {m.rows && <p className="muted small">{m.rows.length} rows</p>}
        {m.caption && <p className="muted small">{m.caption}</p>}
      </>
    );
  }
  return (
    <section className="widget-result" aria-label="Result" aria-busy={pending}>
      <h3>Result{pending ? ' (updating…)' : ''}</h3>
      <div aria-live="polite">{body}</div>
    </section>
  );
}
