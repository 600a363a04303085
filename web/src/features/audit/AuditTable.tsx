// The entries as a table (cards on a phone): when, what, who, on what, and the details
// behind a disclosure so the table stays scannable.
import { useEffect, useState, type ReactNode } from 'react';
import type { AuditLogsQuery } from '../../gql/graphql.ts';
import { absoluteTime, actionLabel, relativeTime, shortId, summarize } from './audit-format.ts';

type Entry = AuditLogsQuery['auditLogs']['edges'][number]['node'];

/** The current time, renewed each minute, so "5 minutes ago" does not go stale on screen. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A cell whose label shows only on a phone, where each row becomes a card. */
function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td data-label={label}>
      <div>{children}</div>
    </td>
  );
}

export function AuditTable({ entries, showCompany }: { entries: readonly Entry[]; showCompany: boolean }) {
  const now = useNow();
  return (
    <table className="audit-table">
      <caption className="visually-hidden">Audit entries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Who</th>
          <th scope="col">On</th>
          {showCompany && <th scope="col">Company</th>}
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <Row key={entry.id} entry={entry} now={now} showCompany={showCompany} />
        ))}
      </tbody>
    </table>
  );
}

function Row({ entry, now, showCompany }: { entry: Entry; now: number; showCompany: boolean }) {
  const absolute = absoluteTime(entry.createdAt);
  const summary = summarize(entry.action, entry.details);
  const who = entry.actor?.name ?? entry.actor?.email ?? null;
  return (
    <tr>
      <Cell label="When">
        <time dateTime={entry.createdAt} title={absolute}>
          {relativeTime(entry.createdAt, now)}
        </time>
        <span className="muted small block">{absolute}</span>
      </Cell>
      <Cell label="What">
        <span className="audit-action">{actionLabel(entry.action)}</span>
        {summary && <span className="small block">{summary}</span>}
        <code className="muted small block">{entry.action}</code>
      </Cell>
      <Cell label="Who">
        {who ? (
          <>
            {who}
            {entry.actor?.name && entry.actor.email && <span className="muted small block">{entry.actor.email}</span>}
          </>
        ) : (
          <span className="muted">System</span>
        )}
      </Cell>
      <Cell label="On">
        {entry.targetType ? (
          <>
            {entry.targetType.replace(/_/g, ' ')}
            {entry.targetId && (
              <code className="muted small block" title={entry.targetId}>
                {shortId(entry.targetId)}
              </code>
            )}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </Cell>
      {showCompany && (
        <Cell label="Company">
          {entry.company?.name ?? (
            <span className="muted">{entry.companyId ? 'A deleted company' : 'Platform-wide'}</span>
          )}
        </Cell>
      )}
      <Cell label="Details">
        <details className="audit-details">
          <summary>
            Show
            <span className="visually-hidden">
              {' '}
              details of {actionLabel(entry.action)}, {absolute}
            </span>
          </summary>
          <dl>
            <dt>Entry</dt>
            <dd>
              <code>{entry.id}</code>
            </dd>
            <dt>Request id</dt>
            <dd>{entry.requestId ? <code>{entry.requestId}</code> : <span className="muted">none</span>}</dd>
            {entry.targetId && (
              <>
                <dt>Target id</dt>
                <dd>
                  <code>{entry.targetId}</code>
                </dd>
              </>
            )}
          </dl>
          {entry.details != null && <pre>{JSON.stringify(entry.details, null, 2)}</pre>}
        </details>
      </Cell>
    </tr>
  );
}
