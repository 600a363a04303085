// A caller's dashboard of one company. The widgets come from the operations the policy lets the
// caller read there (the same list the assistant's tools come from), each fetched through the
// gateway with the caller's own principal, all at once; a failing call costs only its widgets.
import { permittedOperations, type PermittedOperation } from '../../policy/policy.operations.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/client.ts';
import type { Gateway, UpstreamResult } from '../../gateway/gateway.ts';
import type { RetryPolicy } from '../../gateway/retry.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import type { Logger } from '../../lib/logger.ts';
import { catalogEntry, type CatalogEntry, type DashboardCatalog } from './dashboard.catalog.ts';
import { listOf, ShapeError, text, type Grouped, type Metric } from './dashboard.derive.ts';
import { topicOrder } from './dashboard.order.ts';
import { DashboardWidgetKind, type DashboardRow, type DashboardWidgetRow } from './dashboard.types.ts';

/**
 * One slow API must not hold the whole dashboard for the gateway's full budget: shorter
 * timeouts and a single quick retry. The next refresh tries again anyway.
 */
const DASHBOARD_TIMEOUT_MS = 8_000;
const DASHBOARD_RETRY: RetryPolicy = {
  maxAttempts: 2,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxTotalWaitMs: 1_500,
};

export interface DashboardDeps {
  db: Db;
  gateway: Gateway;
  logger: Logger;
  /** Which operations make which cards (given by the composition root). */
  dashboardCatalog: DashboardCatalog;
}

interface Fetched {
  payload: unknown;
  cached: boolean;
}

interface Planned {
  op: PermittedOperation;
  entry: CatalogEntry;
}

/** Raised while fetching a widget's data: its message is shown to the caller as is. */
class WidgetProblem extends Error {}

/** Failures that usually pass by themselves (the API is down or slow), unlike a refused credential. */
function passing(error: AppError): boolean {
  if (error.code !== ErrorCode.UPSTREAM_ERROR) return false;
  const status = error.extensions.upstreamStatus;
  return (
    (typeof status === 'number' && status >= 500) ||
    ['TIMEOUT', 'NETWORK', 'CONNECT'].includes(String(error.extensions.reason))
  );
}

const keyOf = (endpointId: string, operationKey: string) => `${endpointId}\n${operationKey}`;

export async function buildDashboard(
  deps: DashboardDeps,
  { companyId, principal, requestId }: { companyId: string; principal: Principal; requestId?: string | null },
): Promise<DashboardRow> {
  const [company, permitted] = await Promise.all([
    deps.db.company.findUniqueOrThrow({ where: { id: companyId }, select: { slug: true } }),
    permittedOperations(deps.db, { companyId, principal }),
  ]);
  const readable = permitted.filter((o) => o.operation.method === 'GET');
  const byKey = new Map(readable.map((o) => [keyOf(o.endpoint.id, o.operation.key), o]));
  const catalog = deps.dashboardCatalog;
  const topics = topicOrder(
    catalog,
    principal.memberships.filter((m) => m.companyId === companyId).map((m) => m.roleKey),
  );
  const planned: Planned[] = readable.flatMap((op) => {
    const entry = catalogEntry(catalog, op.operation.key);
    return entry ? [{ op, entry }] : [];
  });
  // Stable: by the caller's topic order, then catalog order, then endpoint name (the list's own order).
  const rank = (p: Planned) => topics.indexOf(p.entry.topic) * 1000 + catalog.entries.indexOf(p.entry);
  planned.sort((a, b) => rank(a) - rank(b));

  const gateway = deps.gateway.withOptions({ timeoutMs: DASHBOARD_TIMEOUT_MS, retry: DASHBOARD_RETRY });
  // Two widgets may need the same answer (the repositories behind pull requests and issues): one call.
  const calls = new Map<string, Promise<UpstreamResult>>();
  const call = (op: PermittedOperation, params: Record<string, unknown>) => {
    const key = `${keyOf(op.endpoint.id, op.operation.key)}\n${JSON.stringify(params)}`;
    let pending = calls.get(key);
    if (!pending) {
      pending = gateway.call({
        principal,
        companyId,
        endpointId: op.endpoint.id,
        operationKey: op.operation.key,
        params,
        mode: 'read',
        source: 'dashboard',
        requestId: requestId ?? null,
      });
      calls.set(key, pending);
    }
    return pending;
  };

  const fetchFor = async ({ op, entry }: Planned): Promise<Fetched> => {
    if (!entry.fanOut) {
      const result = await call(op, entry.params ?? {});
      return { payload: result.data, cached: result.cached };
    }
    const fan = entry.fanOut;
    const parentOp = byKey.get(keyOf(op.endpoint.id, fan.from));
    if (!parentOp)
      throw new WidgetProblem(
        `This card needs the ${fan.from} operation of ${op.endpoint.name}, which you may not use.`,
      );
    const parent = await call(parentOp, { limit: 100 });
    let parents;
    try {
      parents = listOf(parent.data);
    } catch {
      throw new ShapeError(fan.from);
    }
    const picked = parents.items
      .filter((item) => text(item[fan.key]) !== null)
      .sort((a, b) => String(b[fan.recency] ?? '').localeCompare(String(a[fan.recency] ?? '')))
      .slice(0, fan.max);
    const children = await Promise.all(
      picked.map((item) => call(op, { ...entry.params, [fan.param]: text(item[fan.key])! })),
    );
    const grouped: Grouped = {
      parents: parents.total,
      noun: fan.noun,
      groups: picked.map((item, i) => ({
        label: text(item[fan.label]) ?? text(item[fan.key])!,
        payload: children[i]!.data,
      })),
    };
    return { payload: grouped, cached: parent.cached && children.every((c) => c.cached) };
  };

  const sentence = (error: unknown, op: PermittedOperation): string => {
    // Gateway errors already read as sentences and never quote an upstream body.
    if (error instanceof AppError)
      return passing(error) ? `${error.message} Try refreshing in a moment.` : error.message;
    if (error instanceof WidgetProblem) return error.message;
    if (error instanceof ShapeError) return `${op.endpoint.name} answered in a form this card does not understand.`;
    deps.logger.error(
      { err: error, companyId, endpointId: op.endpoint.id, operation: op.operation.key },
      'dashboard widget failed',
    );
    return 'This card could not be loaded because of an internal error.';
  };

  const groups = await Promise.all(
    planned.map(async (p): Promise<DashboardWidgetRow[]> => {
      const base = (spec: CatalogEntry['widgets'][number]) => ({
        // Endpoint slugs repeat across companies (both have an hr-api): the company keeps ids unique,
        // so a client cache never mixes one company's widget with another's.
        id: `${company.slug}__${p.op.endpoint.slug}__${p.op.operation.key}__${spec.metric}`,
        title: spec.title,
        kind: DashboardWidgetKind[spec.kind],
        companyId,
        endpointId: p.op.endpoint.id,
        operationKey: p.op.operation.key,
      });
      const failed = (spec: CatalogEntry['widgets'][number], error: string): DashboardWidgetRow => ({
        ...base(spec),
        caption: null,
        value: null,
        unit: spec.unit,
        series: [],
        cached: false,
        error,
      });
      let fetched: Fetched;
      try {
        fetched = await fetchFor(p);
      } catch (error) {
        const message = sentence(error, p.op);
        return p.entry.widgets.map((spec) => failed(spec, message));
      }
      return p.entry.widgets.map((spec) => {
        let metric: Metric;
        try {
          metric = spec.derive(fetched.payload);
        } catch (error) {
          return failed(spec, sentence(error, p.op));
        }
        return {
          ...base(spec),
          caption: metric.caption,
          value: metric.value,
          unit: metric.unit ?? spec.unit,
          series: metric.series,
          cached: fetched.cached,
          error: null,
        };
      });
    }),
  );
  return { companyId, generatedAt: new Date(), widgets: groups.flat() };
}
