// The home page: the caller's metric cards for the company chosen in the header, from the APIs
// their roles may read there. Refreshes itself every 30 s, or as often as its most eager widget's
// refreshSeconds asks (not while the tab is hidden), and on
// demand, and at once when one of its APIs announces a change (an inbound webhook); one failing
// API shows a sentence on its own cards and leaves the others alone.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCompany } from '../../company/company-context.tsx';
import type { CompanyChoice } from '../../company/company-choices.ts';
import { graphql } from '../../gql';
import { errorMessage } from '../../session/errors.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { formatTime } from './format.ts';
import { pollIntervalFor } from './refresh.ts';
import { CardPlaceholder, MetricCard, type Widget } from './MetricCard.tsx';
import { useEndpointEvents } from './use-endpoint-events.ts';
import './dashboard.css';

export const POLL_INTERVAL_MS = 30_000;

const DashboardPageQuery = graphql(`
  query DashboardPage($companyId: ID!) {
    dashboard(companyId: $companyId) {
      company {
        id
        name
      }
      generatedAt
      widgets {
        id
        title
        caption
        kind
        operationKey
        value
        unit
        cached
        error
        refreshSeconds
        rows
        series {
          label
          value
          meaning
        }
        endpoint {
          id
          name
        }
      }
    }
    myEndpoints(companyId: $companyId) {
      access
      endpoint {
        id
        name
      }
    }
  }
`);

export function DashboardPage() {
  const { company } = useCompany();
  if (!company) {
    return (
      <section className="empty">
        <h1>Dashboard</h1>
        <p>
          You do not hold a role in any company yet, so there is nothing to show. A company admin or Data Admin can give
          you one.
        </p>
      </section>
    );
  }
  // A new company starts from placeholders, never from the previous company's numbers.
  return <Dashboard key={company.id} company={company} />;
}

function Dashboard({ company }: { company: CompanyChoice }) {
  const headingId = useId();
  const [pollInterval, setPollInterval] = useState(POLL_INTERVAL_MS);
  const { data, previousData, error, refetch, networkStatus } = useQuery(DashboardPageQuery, {
    variables: { companyId: company.id },
    pollInterval,
    // Every refresh calls the company's APIs: none while nobody is looking.
    skipPollAttempt: () => document.hidden,
    notifyOnNetworkStatusChange: true,
  });
  const [announcement, setAnnouncement] = useState('');
  // A failed refresh keeps the last numbers on screen (and says so) rather than blanking them.
  const shown = data ?? previousData;
  const refreshing = networkStatus === NetworkStatus.refetch;
  // A widget that asks to be refreshed more often than the page's default sets the pace (the
  // gateway's cache still answers the operations that have not changed).
  const wanted = shown ? pollIntervalFor(shown.dashboard.widgets, POLL_INTERVAL_MS) : POLL_INTERVAL_MS;
  if (wanted !== pollInterval) setPollInterval(wanted);

  async function refresh() {
    setAnnouncement('Refreshing the dashboard…');
    try {
      const result = await refetch();
      const at = result.data?.dashboard.generatedAt;
      setAnnouncement(at ? `Dashboard updated at ${formatTime(at)}.` : 'Dashboard updated.');
    } catch (failure) {
      setAnnouncement(`The dashboard could not be refreshed: ${errorMessage(failure)}`);
    }
  }

  // An API announced a change (inbound webhook; its cached reads are already dropped): fetch now.
  useEndpointEvents(company.id, (event) => {
    refetch().then(
      () => setAnnouncement(`Dashboard updated: ${event.endpointSlug} reported ${event.eventType}.`),
      () => undefined, // the error is shown like a failed poll
    );
  });

  let body;
  if (!shown) {
    body = error ? <ErrorNotice error={error} onRetry={() => void refetch()} /> : <Placeholders />;
  } else if (shown.dashboard.widgets.length === 0) {
    body = <EmptyDashboard company={company} readable={shown.myEndpoints.map((g) => g.endpoint.name)} />;
  } else {
    body = <Widgets widgets={shown.dashboard.widgets} />;
  }

  return (
    <section className="dashboard" aria-labelledby={headingId}>
      <div className="dashboard-head">
        <div>
          <h1 id={headingId}>Dashboard</h1>
          <p className="muted dashboard-sub">
            {company.name}
            {company.roles.length > 0 && ` · ${company.roles.map((r) => r.name).join(', ')}`}
          </p>
        </div>
        <div className="dashboard-toolbar">
          <span className="dashboard-updated muted small">
            {shown ? `Updated ${formatTime(shown.dashboard.generatedAt)}` : ''}
          </span>
          <button type="button" onClick={() => void refresh()} disabled={refreshing || !shown}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {shown ? announcement : `Loading the dashboard of ${company.name}…`}
      </p>
      {shown && error && (
        <p className="dashboard-stale error" role="status">
          Could not refresh: {errorMessage(error)} These are the numbers from {formatTime(shown.dashboard.generatedAt)}.
        </p>
      )}
      {body}
    </section>
  );
}

function Widgets({ widgets }: { widgets: readonly Widget[] }) {
  const stats = widgets.filter((w) => w.kind === 'STAT');
  const charts = widgets.filter((w) => w.kind !== 'STAT');
  return (
    <>
      {stats.length > 0 && (
        <>
          <h2 className="visually-hidden">Key numbers</h2>
          <div className="widget-grid widget-grid-stats">
            {stats.map((w) => (
              <MetricCard key={w.id} widget={w} />
            ))}
          </div>
        </>
      )}
      {charts.length > 0 && (
        <>
          <h2 className="visually-hidden">Charts</h2>
          <div className="widget-grid widget-grid-charts">
            {charts.map((w) => (
              <MetricCard key={w.id} widget={w} />
            ))}
          </div>
        </>
      )}
    </>
  );
}

function Placeholders() {
  return (
    <>
      <div className="widget-grid widget-grid-stats">
        {[0, 1, 2, 3].map((i) => (
          <CardPlaceholder key={i} stat />
        ))}
      </div>
      <div className="widget-grid widget-grid-charts">
        {[0, 1].map((i) => (
          <CardPlaceholder key={i} stat={false} />
        ))}
      </div>
    </>
  );
}

/** Why there is nothing, and who can change that. */
function EmptyDashboard({ company, readable }: { company: CompanyChoice; readable: string[] }) {
  let reason;
  if (company.roles.length === 0) {
    reason = `You hold no role at ${company.name}. Administering a company does not by itself give access to its APIs, so there are no numbers to show.`;
  } else if (readable.length === 0) {
    reason = `Your ${company.roles.length === 1 ? 'role' : 'roles'} at ${company.name} (${company.roles.map((r) => r.name).join(', ')}) cannot read any API yet, so there are no numbers to show. Ask a Data Admin to give your role read access to the APIs you need.`;
  } else {
    reason = `The APIs you can read at ${company.name} (${readable.join(', ')}) have no dashboard metrics yet.`;
  }
  return (
    <div className="empty dashboard-empty">
      <h2>Nothing to show yet</h2>
      <p>{reason}</p>
      {readable.length > 0 && (
        <p>
          You can still <Link to="/assistant">ask the assistant</Link> about them or see them under{' '}
          <Link to="/apis">My APIs</Link>.
        </p>
      )}
    </div>
  );
}
