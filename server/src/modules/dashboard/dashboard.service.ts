// A caller's dashboard of one company: the company's widget definitions (DashboardWidget rows) on
// the operations the policy lets the caller read there (the same list the assistant's tools come
// from), each operation fetched through the gateway with the caller's own principal (cache, rate
// limits, call log, the caller's field rule), all at once; the widgets' expressions then run in
// the offload worker's widget lane. A failing call or expression costs only its own widgets.
import { permittedOperations, type PermittedOperation } from '../../policy/policy.operations.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/client.ts';
import type { Gateway, UpstreamResult } from '../../gateway/gateway.ts';
import type { RetryPolicy } from '../../gateway/retry.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import type { Logger } from '../../lib/logger.ts';
import { runOffloaded } from '../../offload/offload.ts';
import { list, ShapeError, text, type Grouped } from './widget.functions.ts';
import type { Evaluation } from './widget.expression.ts';
import type { FanOut } from './widget.service.ts';
import {
  DashboardWidgetKind,
  SeriesMeaning,
  WidgetFormat,
  type DashboardRow,
  type DashboardWidgetRow,
} from './dashboard.types.ts';

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
}

interface Fetched {
  payload: unknown;
  cached: boolean;
}

type Definition = Awaited<ReturnType<typeof definitionsFor>>[number];

interface Planned {
  op: PermittedOperation;
  widget: Definition;
  /** Widgets with the same source share one fetch and one evaluation task. */
  source: string;
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

/** The company's widgets with the places the given roles give them. */
function definitionsFor(db: Db, companyId: string, roleIds: string[]) {
  return db.dashboardWidget.findMany({
    where: { companyId },
    include: { roles: { where: { roleId: { in: roleIds } }, select: { roleId: true, position: true } } },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
  });
}

/**
 * Order: the caller's roles by key; the first of them that places a widget puts it at its place
 * there; widgets none of them places come after, in their own order.
 */
function rankOf(roleOrder: Map<string, number>, widget: Definition): [number, number] {
  let best: [number, number] = [roleOrder.size, widget.position];
  for (const place of widget.roles) {
    const r = roleOrder.get(place.roleId)!;
    if (r < best[0] || (r === best[0] && place.position < best[1])) best = [r, place.position];
  }
  return best;
}

const meaningOf = (colours: unknown, label: string): SeriesMeaning | null => {
  const m =
    typeof colours === 'object' && colours !== null ? (colours as Record<string, unknown>)[label.toLowerCase()] : null;
  return typeof m === 'string' && m in SeriesMeaning ? (m as SeriesMeaning) : null;
};

export async function buildDashboard(
  deps: DashboardDeps,
  { companyId, principal, requestId }: { companyId: string; principal: Principal; requestId?: string | null },
): Promise<DashboardRow> {
  const memberships = principal.memberships.filter((m) => m.companyId === companyId);
  const roleOrder = new Map(
    [...memberships].sort((a, b) => a.roleKey.localeCompare(b.roleKey)).map((m, i) => [m.roleId, i] as const),
  );
  const [company, permitted, definitions] = await Promise.all([
    deps.db.company.findUniqueOrThrow({ where: { id: companyId }, select: { slug: true } }),
    permittedOperations(deps.db, { companyId, principal }),
    definitionsFor(deps.db, companyId, [...roleOrder.keys()]),
  ]);
  const readable = permitted.filter((o) => o.operation.method === 'GET');
  const byKey = new Map(readable.map((o) => [keyOf(o.endpoint.id, o.operation.key), o]));
  // The policy decides: a widget of an operation the caller may not read does not exist for them.
  const planned: Planned[] = definitions.flatMap((widget) => {
    const op = byKey.get(keyOf(widget.endpointId, widget.operationKey));
    return op
      ? [
          {
            op,
            widget,
            source: `${keyOf(op.endpoint.id, op.operation.key)}\n${JSON.stringify([widget.params, widget.fanOut])}`,
          },
        ]
      : [];
  });
  const ranks = new Map(planned.map((p) => [p.widget.id, rankOf(roleOrder, p.widget)]));
  // Stable: equal ranks keep the definitions' order, then the endpoint list's own order.
  planned.sort((a, b) => {
    const [x, y] = [ranks.get(a.widget.id)!, ranks.get(b.widget.id)!];
    return x[0] - y[0] || x[1] - y[1];
  });

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

  const fetchFor = async ({ op, widget }: Planned): Promise<Fetched> => {
    const params = (widget.params ?? {}) as Record<string, unknown>;
    const fan = widget.fanOut as FanOut | null;
    if (!fan) {
      const result = await call(op, params);
      return { payload: result.data, cached: result.cached };
    }
    const parentOp = byKey.get(keyOf(op.endpoint.id, fan.from));
    if (!parentOp)
      throw new WidgetProblem(
        `This card needs the ${fan.from} operation of ${op.endpoint.name}, which you may not use.`,
      );
    const parent = await call(parentOp, { limit: 100 });
    let parents;
    try {
      parents = list(parent.data);
    } catch {
      throw new ShapeError(fan.from);
    }
    const picked = parents.items
      .filter((item) => text(item[fan.key]) !== undefined)
      .sort((a, b) => String(b[fan.recency] ?? '').localeCompare(String(a[fan.recency] ?? '')))
      .slice(0, fan.max);
    const children = await Promise.all(
      picked.map((item) => call(op, { ...params, [fan.param]: text(item[fan.key])! })),
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

  const evaluationSentence = (e: Extract<Evaluation, { ok: false }>, op: PermittedOperation) =>
    e.failure === 'shape'
      ? `${op.endpoint.name} answered in a form this card does not understand.`
      : e.failure === 'limit'
        ? `This card's expression was stopped: ${e.message}`
        : `This card's expression failed: ${e.message}`;

  const base = (p: Planned) => ({
    // Endpoint slugs repeat across companies (both have an hr-api): the company keeps ids unique,
    // so a client cache never mixes one company's widget with another's.
    id: `${company.slug}__${p.op.endpoint.slug}__${p.op.operation.key}__${p.widget.key}`,
    definitionId: p.widget.id,
    title: p.widget.title,
    kind: DashboardWidgetKind[p.widget.kind as DashboardWidgetKind],
    format: p.widget.format ? WidgetFormat[p.widget.format as WidgetFormat] : null,
    refreshSeconds: p.widget.refreshSeconds,
    companyId,
    endpointId: p.op.endpoint.id,
    operationKey: p.op.operation.key,
  });
  const failed = (p: Planned, error: string): DashboardWidgetRow => ({
    ...base(p),
    caption: null,
    value: null,
    unit: p.widget.unit,
    series: [],
    previous: null,
    rows: null,
    cached: false,
    error,
  });

  const sources = new Map<string, Planned[]>();
  for (const p of planned) sources.set(p.source, [...(sources.get(p.source) ?? []), p]);
  const cards = new Map<string, DashboardWidgetRow>();
  await Promise.all(
    [...sources.values()].map(async (group) => {
      const first = group[0]!;
      let fetched: Fetched;
      let evaluated: Evaluation[];
      try {
        fetched = await fetchFor(first);
      } catch (error) {
        const message = sentence(error, first.op);
        for (const p of group) cards.set(p.widget.id, failed(p, message));
        return;
      }
      try {
        evaluated = (
          await runOffloaded(
            'evaluateWidgets',
            { answer: fetched.payload, expressions: group.map((p) => p.widget.expression) },
            { owner: companyId, subject: "A widget's expression", lane: 'widgets' },
          )
        ).value;
      } catch (error) {
        // The worker's hard limits (time, memory) or a full queue: typed errors; anything else is a bug.
        const message =
          error instanceof AppError
            ? error.code === ErrorCode.RATE_LIMITED
              ? 'The server is busy; this card will be computed on the next refresh.'
              : "This card's expression took too long or needed too much memory, and was stopped."
            : sentence(error, first.op);
        for (const p of group) cards.set(p.widget.id, failed(p, message));
        return;
      }
      for (const [i, p] of group.entries()) {
        const e = evaluated[i]!;
        if (!e.ok) {
          cards.set(p.widget.id, failed(p, evaluationSentence(e, p.op)));
          continue;
        }
        const m = e.metric;
        cards.set(p.widget.id, {
          ...base(p),
          caption: m.caption,
          value: m.value,
          unit: m.unit ?? p.widget.unit,
          series: m.series.map((point) => ({ ...point, meaning: meaningOf(p.widget.colours, point.label) })),
          previous: m.previous,
          rows: m.rows,
          cached: fetched.cached,
          error: null,
        });
      }
    }),
  );
  return { companyId, generatedAt: new Date(), widgets: planned.map((p) => cards.get(p.widget.id)!) };
}
