// The rows behind a card (the operation's answer as the widget's expression lists them), as a
// table in a modal dialog: opened from the card's title, closed with Escape or the button. TABLE
// and LIST cards show their first rows the same way, in the card.
import { useId, useRef } from 'react';
import { createPortal } from 'react-dom';

type Row = Record<string, unknown>;

const MAX_COLUMNS = 12;
const cell = (v: unknown) =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** The columns: every field of the rows, in the order they first appear, at most MAX_COLUMNS. */
function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen].slice(0, MAX_COLUMNS);
}

export function RowsButton({ title, rows }: { title: string; rows: readonly Row[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <button type="button" className="widget-open" onClick={() => dialog.current?.showModal()}>
        {title}
      </button>
      {/* The button sits in the card's heading; the dialog must not (it is no part of the title). */}
      {createPortal(
        <dialog ref={dialog} className="widget-rows" aria-labelledby={titleId}>
          <h2 id={titleId}>{title}</h2>
          <div className="widget-rows-scroll">
            <RowsTable rows={rows} />
          </div>
          <div className="actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
        </dialog>,
        document.body,
      )}
    </>
  );
}

/** The rows as a table, every field a column (at most MAX_COLUMNS); `caption` names it for screen readers. */
export function RowsTable({ rows, caption }: { rows: readonly Row[]; caption?: string }) {
  const columns = columnsOf(rows);
  return (
    <table>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows of one answer, in their order; no id is promised.
          <tr key={i}>
            {columns.map((c) => (
              <td key={c}>{cell(row[c])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
