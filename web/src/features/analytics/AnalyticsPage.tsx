// Usage analytics: how much each company's people use their APIs through Tessera, from the
// call log. A company's administrators see their company; a platform admin may also look at
// every company at once. Charts show calls and errors per day and latency per endpoint; the
// table below breaks the same range down by the chosen tab.
import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { CompanyScopeSelect, useAdminCompanyScope } from '../../company/AdminCompanyScope.tsx';
import { useCompany } from '../../company/company-context.tsx';
import { graphql } from '../../gql';
import type { UsageGroupBy } from '../../gql/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { formatMs, formatRate, presetRange, RANGE_PRESETS, type RangePreset } from './analytics-format.ts';
import { DailyChart, LatencyChart } from './UsageCharts.tsx';
import { GroupTabs, UsageTable } from './UsageTable.tsx';
import './analytics.css';

// Every figure of a usage row, for the totals and the table alike.
graphql(`
  fragment UsageFigures on UsageRow {
    calls
    errors
    errorRate
    p50Ms
    p95Ms
    cacheHitRate
    rateLimited
  }
`);

const UsageChartsQuery = graphql(`
  query UsageCharts($companyId: ID, $from: DateTime!, $to: DateTime!) {
    byDay: usageStats(companyId: $companyId, from: $from, to: $to, groupBy: DAY) {
      totals {
        ...UsageFigures
      }
      rows {
        key
        calls
        errors
        rateLimited
      }
    }
    byEndpoint: usageStats(companyId: $companyId, from: $from, to: $to, groupBy: ENDPOINT) {
      rows {
        key
        label
        p50Ms
        p95Ms
      }
    }
  }
`);

const UsageTableQuery = graphql(`
  query UsageTable($companyId: ID, $from: DateTime!, $to: DateTime!, $groupBy: UsageGroupBy!) {
    usageStats(companyId: $companyId, from: $from, to: $to, groupBy: $groupBy) {
      rows {
        key
        label
        ...UsageFigures
      }
    }
  }
`);

export function AnalyticsPage() {
  const { company } = useCompany();
  const scope = useAdminCompanyScope();
  const [days, setDays] = useState<RangePreset>(30);
  const [groupBy, setGroupBy] = useState<UsageGroupBy>('ENDPOINT');
  const headingId = useId();
  // The company tab exists only for every company at once; back in one company, it falls back.
  const shownGroupBy = groupBy === 'COMPANY' && !scope.everyCompany ? 'ENDPOINT' : groupBy;

  return (
    <section className="analytics" aria-labelledby={headingId}>
      <h1 id={headingId}>Analytics</h1>
      <p className="muted">
        Calls to your APIs through Tessera: how many, how many failed, how fast, and how often the cache or the rate
        limit answered. Days are UTC.
      </p>

      <form className="analytics-filters" onSubmit={(e) => e.preventDefault()} aria-label="Choose what to analyse">
        <CompanyScopeSelect scope={scope} />
        <fieldset className="analytics-range">
          <legend>Period</legend>
          <div className="analytics-range-buttons">
            {RANGE_PRESETS.map((n) => (
              <button
                key={n}
                type="button"
                aria-pressed={days === n}
                className={days === n ? 'primary' : undefined}
                onClick={() => setDays(n)}
              >
                {n} days
              </button>
            ))}
          </div>
        </fieldset>
      </form>

      {!scope.canRead ? (
        <p className="empty">
          You do not administer {company?.name ?? 'any company'}. Choose a company you administer in the header to see
          its usage.
        </p>
      ) : (
        <UsageResults
          key={`${scope.key}|${days}`}
          companyId={scope.companyId}
          days={days}
          everyCompany={scope.everyCompany}
          scopeName={scope.name}
          groupBy={shownGroupBy}
          onGroupBy={setGroupBy}
        />
      )}
    </section>
  );
}

interface ResultsProps {
  companyId: string | null;
  days: number;
  everyCompany: boolean;
  scopeName: string;
  groupBy: UsageGroupBy;
  onGroupBy(groupBy: UsageGroupBy): void;
}

function UsageResults({ companyId, days, everyCompany, scopeName, groupBy, onGroupBy }: ResultsProps) {
  // Fixed when the period is chosen: a re-render must not move the range (and refetch).
  const [range] = useState(() => presetRange(days));
  const charts = useQuery(UsageChartsQuery, { variables: { companyId, ...range } });
  const panelId = useId();

  if (charts.error && !charts.data) return <ErrorNotice error={charts.error} onRetry={() => void charts.refetch()} />;
  if (!charts.data) {
    return (
      <div className="results-placeholder" role="status">
        Loading usage…
      </div>
    );
  }

  const { totals, rows: perDay } = charts.data.byDay;
  if (totals.calls === 0) {
    return (
      <p className="empty" role="status">
        No calls to any API of {scopeName} in the last {days} days. Calls made from the assistant, the dashboard or
        GraphQL show up here within seconds.
      </p>
    );
  }

  const figures = [
    { label: 'Calls', value: totals.calls.toLocaleString() },
    { label: 'Errors', value: `${totals.errors.toLocaleString()} (${formatRate(totals.errorRate)})` },
    { label: 'Latency p50 / p95', value: `${formatMs(totals.p50Ms)} / ${formatMs(totals.p95Ms)}` },
    { label: 'Cache hits', value: formatRate(totals.cacheHitRate) },
    { label: 'Rate limited', value: totals.rateLimited.toLocaleString() },
  ];

  return (
    <>
      <dl className="analytics-totals" aria-label={`Totals for ${scopeName}, last ${days} days`}>
        {figures.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <div className="analytics-charts">
        <DailyChart rows={perDay} />
        <LatencyChart rows={charts.data.byEndpoint.rows} />
      </div>
      <GroupTabs value={groupBy} onChange={onGroupBy} everyCompany={everyCompany} panelId={panelId} />
      <div id={panelId} role="tabpanel" aria-label={`Usage by ${groupBy.toLowerCase()}`}>
        <TableResults companyId={companyId} range={range} groupBy={groupBy} />
      </div>
    </>
  );
}

function TableResults({
  companyId,
  range,
  groupBy,
}: {
  companyId: string | null;
  range: { from: string; to: string };
  groupBy: UsageGroupBy;
}) {
  const { data, error, refetch } = useQuery(UsageTableQuery, { variables: { companyId, ...range, groupBy } });
  if (error && !data) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (!data) {
    return (
      <p className="analytics-table-loading muted" role="status">
        Loading…
      </p>
    );
  }
  return <UsageTable key={groupBy} rows={data.usageStats.rows} groupBy={groupBy} />;
}
