// One dashboard card: a number (STAT) or a chart, where it comes from, and a sentence when its
// API failed. Cards have fixed heights per kind so refreshes and errors never move the page. A
// card with rows behind it opens them as a table from its title.
import { useId } from 'react';
import type { DashboardPageQuery } from '../../gql/graphql.ts';
import { formatValue } from './format.ts';
import { RowsButton, RowsTable } from './RowsDialog.tsx';
import { WidgetChart } from './WidgetChart.tsx';

/** Rows a TABLE or LIST card shows itself; the title opens them all. */
const CARD_ROWS = 5;

export type Widget = DashboardPageQuery['dashboard']['widgets'][number];

export function MetricCard({ widget }: { widget: Widget }) {
  const titleId = useId();
  const stat = widget.kind === 'STAT';
  const rows = Array.isArray(widget.rows) ? (widget.rows as Record<string, unknown>[]) : null;
  let body;
  if (widget.error) {
    body = (
      <p className="widget-error">
        <span aria-hidden="true">⚠ </span>
        {widget.error}
      </p>
    );
  } else if (stat) {
    body = <p className="widget-value">{widget.value == null ? '–' : formatValue(widget.value, widget.unit)}</p>;
  } else if ((widget.kind === 'TABLE' || widget.kind === 'LIST') && rows) {
    body =
      rows.length === 0 ? (
        <p className="widget-nodata muted">Nothing to list right now.</p>
      ) : (
        <div className="widget-table">
          <RowsTable rows={rows.slice(0, CARD_ROWS)} caption={widget.title} />
        </div>
      );
  } else {
    body = <WidgetChart kind={widget.kind} title={widget.title} series={widget.series} unit={widget.unit ?? null} />;
  }
  return (
    <article
      className={`widget ${stat ? 'widget-stat' : 'widget-chart-card'}`}
      aria-labelledby={titleId}
      data-widget-id={widget.id}
    >
      <header className="widget-head">
        <h3 id={titleId} title={widget.title}>
          {rows && rows.length > 0 ? <RowsButton title={widget.title} rows={rows} /> : widget.title}
        </h3>
        <p className="widget-source muted small">{widget.endpoint.name}</p>
      </header>
      {body}
      {!widget.error && widget.caption && <p className="widget-caption muted small">{widget.caption}</p>}
    </article>
  );
}

/** A card-sized blank while the first answer is on its way (same size as the real card). */
export function CardPlaceholder({ stat }: { stat: boolean }) {
  return (
    <div className={`widget widget-placeholder ${stat ? 'widget-stat' : 'widget-chart-card'}`} aria-hidden="true" />
  );
}
