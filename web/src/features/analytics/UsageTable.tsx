// The breakdown of the analytics page: tabs choose what a row stands for (endpoint, role,
// day, company), and every column of the table sorts.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { UsageGroupBy } from '../../gql/graphql.ts';
import {
  COLUMNS,
  formatDay,
  formatMs,
  formatRate,
  nextSort,
  sortRows,
  type Sort,
  type UsageFigures,
} from './analytics-format.ts';

/** `noun`: the first column's header; `what`: how the table is named. */
const GROUPS: readonly { value: UsageGroupBy; title: string; noun: string; what: string }[] = [
  { value: 'ENDPOINT', title: 'By endpoint', noun: 'Endpoint', what: 'endpoint' },
  { value: 'ROLE', title: 'By role', noun: 'Role', what: 'role' },
  { value: 'DAY', title: 'By day', noun: 'Day (UTC)', what: 'day' },
  { value: 'COMPANY', title: 'By company', noun: 'Company', what: 'company' },
];

/** Tabs with arrow-key movement between them (WAI-ARIA tabs pattern, automatic activation). */
export function GroupTabs({
  value,
  onChange,
  everyCompany,
  panelId,
}: {
  value: UsageGroupBy;
  onChange: (v: UsageGroupBy) => void;
  everyCompany: boolean;
  panelId: string;
}) {
  // By company only tells something when there is more than one company.
  const groups = GROUPS.filter((g) => g.value !== 'COMPANY' || everyCompany);
  const refs = useRef(new Map<UsageGroupBy, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const index = groups.findIndex((g) => g.value === value);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: groups.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = groups[(moves[event.key]! + groups.length) % groups.length]!.value;
    onChange(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div className="analytics-tabs" role="tablist" aria-label="Break the usage down" onKeyDown={onKeyDown}>
      {groups.map((g) => (
        <button
          key={g.value}
          ref={(el) => {
            if (el) refs.current.set(g.value, el);
            else refs.current.delete(g.value);
          }}
          type="button"
          role="tab"
          aria-selected={g.value === value}
          aria-controls={panelId}
          tabIndex={g.value === value ? 0 : -1}
          onClick={() => onChange(g.value)}
        >
          {g.title}
        </button>
      ))}
    </div>
  );
}

const defaultSort = (groupBy: UsageGroupBy): Sort =>
  groupBy === 'DAY' ? { column: 'label', descending: false } : { column: 'calls', descending: true };

export function UsageTable({ rows, groupBy }: { rows: readonly UsageFigures[]; groupBy: UsageGroupBy }) {
  const [sort, setSort] = useState<Sort>(() => defaultSort(groupBy));
  const { noun, what } = GROUPS.find((g) => g.value === groupBy)!;
  if (rows.length === 0) return <p className="empty">No calls in this period.</p>;
  const sorted = sortRows(rows, sort);
  const title = (column: (typeof COLUMNS)[number]) => (column.column === 'label' ? noun : column.title);
  const sortedBy = title(COLUMNS.find((c) => c.column === sort.column)!);

  return (
    // A scrolling region is focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above.
    <section className="analytics-table-wrap" aria-label={`Usage by ${what}`} tabIndex={0}>
      <table className="analytics-table">
        <caption className="visually-hidden">
          Usage by {what}, sorted by {sortedBy.toLowerCase()}, {sort.descending ? 'descending' : 'ascending'}. Errors
          exclude rate-limited calls; cache hits are a share of successful reads.
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.column}
                scope="col"
                className={c.numeric ? 'num' : undefined}
                aria-sort={sort.column === c.column ? (sort.descending ? 'descending' : 'ascending') : undefined}
              >
                <button type="button" className="link" onClick={() => setSort(nextSort(sort, c.column))}>
                  {title(c)}
                  <span aria-hidden="true" className="analytics-sort">
                    {sort.column === c.column ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.key}>
              <th scope="row">{groupBy === 'DAY' ? <time dateTime={r.key}>{formatDay(r.label)}</time> : r.label}</th>
              <td className="num">{r.calls.toLocaleString()}</td>
              <td className="num">{r.errors.toLocaleString()}</td>
              <td className="num">{formatRate(r.errorRate)}</td>
              <td className="num">{formatMs(r.p50Ms)}</td>
              <td className="num">{formatMs(r.p95Ms)}</td>
              <td className="num">{formatRate(r.cacheHitRate)}</td>
              <td className="num">{r.rateLimited.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
