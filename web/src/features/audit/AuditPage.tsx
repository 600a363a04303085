// The audit log: every recorded change of the chosen company (or, for a platform admin, of
// every company), newest first, filtered by action and days, fifty at a time.
import { useId, useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { CompanyScopeSelect, useAdminCompanyScope } from '../../company/AdminCompanyScope.tsx';
import { useCompany } from '../../company/company-context.tsx';
import { graphql } from '../../gql';
import { errorMessage } from '../../session/errors.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { ACTION_GROUPS, actionsOf, dateRange } from './audit-format.ts';
import { AuditTable } from './AuditTable.tsx';
import './audit.css';

const AuditLogsQuery = graphql(`
  query AuditLogs($companyId: ID, $filter: AuditLogFilter, $first: Int, $after: String) {
    auditLogs(companyId: $companyId, filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          createdAt
          action
          companyId
          company {
            id
            name
          }
          actor {
            email
            name
          }
          targetType
          targetId
          requestId
          details
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE_SIZE = 50;

export function AuditPage() {
  const { company } = useCompany();
  const scope = useAdminCompanyScope();
  const [action, setAction] = useState('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const ids = { action: useId(), from: useId(), to: useId(), heading: useId() };

  const range = dateRange(fromDay, toDay);
  const rangeError = 'error' in range ? range.error : null;

  return (
    <section className="audit" aria-labelledby={ids.heading}>
      <h1 id={ids.heading}>Audit log</h1>
      <p className="muted">
        Every change to companies, people, APIs, access and credentials, with who made it and when. Newest first.
      </p>

      <form className="audit-filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the audit log">
        <CompanyScopeSelect scope={scope} />
        <div>
          <label htmlFor={ids.action}>Action</label>
          <select id={ids.action} value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">All actions</option>
            {ACTION_GROUPS.map((group) => (
              <optgroup key={group.family} label={group.label}>
                <option value={group.family}>Any: {group.label.toLowerCase()}</option>
                {actionsOf(group.family).map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.from}>From</label>
          <input
            id={ids.from}
            type="date"
            value={fromDay}
            max={toDay || undefined}
            onChange={(e) => setFromDay(e.target.value)}
            aria-invalid={rangeError ? true : undefined}
          />
        </div>
        <div>
          <label htmlFor={ids.to}>To</label>
          <input
            id={ids.to}
            type="date"
            value={toDay}
            min={fromDay || undefined}
            onChange={(e) => setToDay(e.target.value)}
            aria-invalid={rangeError ? true : undefined}
          />
        </div>
        <div className="audit-clear">
          <button
            type="button"
            disabled={!action && !fromDay && !toDay}
            onClick={() => {
              setAction('');
              setFromDay('');
              setToDay('');
            }}
          >
            Clear filters
          </button>
        </div>
      </form>

      {rangeError ? (
        <p className="error" role="alert">
          {rangeError}
        </p>
      ) : !scope.canRead ? (
        <p className="empty">
          You do not administer {company?.name ?? 'any company'}. Choose a company you administer in the header to see
          its audit log.
        </p>
      ) : (
        <AuditResults
          key={`${scope.key}|${action}|${fromDay}|${toDay}`}
          companyId={scope.companyId}
          filter={{ ...(action ? { action } : {}), ...('error' in range ? {} : range) }}
          showCompany={scope.everyCompany}
          scopeName={scope.name}
        />
      )}
    </section>
  );
}

interface ResultsProps {
  companyId: string | null;
  filter: { action?: string; from?: string; to?: string };
  showCompany: boolean;
  scopeName: string;
}

function AuditResults({ companyId, filter, showCompany, scopeName }: ResultsProps) {
  const { data, error, refetch, fetchMore, networkStatus } = useQuery(AuditLogsQuery, {
    variables: { companyId, filter, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const [moreError, setMoreError] = useState<unknown>(null);
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  if (error && !data) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (!data) {
    return (
      <div className="results-placeholder" role="status">
        Loading the audit log…
      </div>
    );
  }

  const { edges, pageInfo } = data.auditLogs;
  const filtered = Boolean(filter.action || filter.from || filter.to);
  const loadMore = async () => {
    setMoreError(null);
    try {
      await fetchMore({
        variables: { after: pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          auditLogs: {
            ...fetchMoreResult.auditLogs,
            edges: [...previous.auditLogs.edges, ...fetchMoreResult.auditLogs.edges],
          },
        }),
      });
    } catch (failure) {
      setMoreError(failure);
    }
  };

  return (
    <>
      <p role="status" aria-live="polite" className="audit-count muted">
        {edges.length === 0
          ? filtered
            ? `No entries for ${scopeName} match these filters.`
            : `Nothing has been recorded for ${scopeName} yet.`
          : `Showing ${edges.length === 1 ? '1 entry' : `${edges.length} entries`} for ${scopeName}${pageInfo.hasNextPage ? '; older ones follow.' : '. That is all of them.'}`}
      </p>
      {edges.length > 0 && <AuditTable entries={edges.map((e) => e.node)} showCompany={showCompany} />}
      {moreError !== null && (
        <p className="error" role="alert">
          Could not load more: {errorMessage(moreError)}
        </p>
      )}
      {pageInfo.hasNextPage && (
        <div className="audit-more">
          <button
            type="button"
            className="primary"
            onClick={() => void loadMore()}
            disabled={loadingMore}
            aria-busy={loadingMore}
          >
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </>
  );
}
