// The demo's widgets as data (dashboard-widgets.ts, JSONata) against the hard-coded catalog they
// replace (dashboard-catalog.ts): for every demo company, every operation with widgets, and every
// demo role (with that role's field rule applied to the answer, as the gateway does), both give
// the same value, series, caption and unit, fail on the same malformed answers, and put the
// widgets in the same order for every role.
import { describe, expect, it } from 'vitest';
import { applyFieldRule } from '../gateway/field-filter.ts';
import { catalogEntry } from '../modules/dashboard/dashboard.catalog.ts';
import { listOf, text, type Grouped, type Row } from '../modules/dashboard/dashboard.derive.ts';
import { topicOrder } from '../modules/dashboard/dashboard.order.ts';
import { evaluateExpressions } from '../modules/dashboard/widget.expression.ts';
import { handleApi } from '../sandbox/routes.ts';
import { Store } from '../sandbox/store.ts';
import { DEMO_DASHBOARD_CATALOG } from './dashboard-catalog.ts';
import { DEMO_WIDGETS, demoRolePosition } from './dashboard-widgets.ts';
import { DEMO_ROLES } from './roles.ts';
import { DEMO_COMPANIES, DEMO_FIELD_RULES } from './world.ts';

const store = new Store();

function get(company: string, service: string, path: string, params: Record<string, unknown> = {}): unknown {
  const query = new URLSearchParams();
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  for (const [k, v] of Object.entries(params)) if (!path.includes(`{${k}}`)) query.set(k, String(v));
  const segments = filled.split('/').filter(Boolean).map(decodeURIComponent);
  const res = handleApi(store, { company, service, method: 'GET', segments, query, body: {} });
  expect(res.status).toBe(200);
  return res.body;
}

interface Case {
  company: string;
  endpoint: string;
  operationKey: string;
  answer: (role: string) => unknown;
}

const cases: Case[] = [];
for (const company of DEMO_COMPANIES)
  for (const ep of company.endpoints) {
    const ops = ep.template.operations;
    for (const op of ops) {
      const entry = catalogEntry(DEMO_DASHBOARD_CATALOG, op.key);
      if (!entry || op.method !== 'GET') continue;
      const raw = (): unknown => {
        if (!entry.fanOut) return get(company.slug, ep.template.service, op.path, entry.params);
        const fan = entry.fanOut;
        const parentOp = ops.find((o) => o.key === fan.from)!;
        const parents = listOf(get(company.slug, ep.template.service, parentOp.path, { limit: 100 }));
        const picked = parents.items
          .filter((item) => text(item[fan.key]) !== null)
          .sort((a, b) => String(b[fan.recency] ?? '').localeCompare(String(a[fan.recency] ?? '')))
          .slice(0, fan.max);
        const grouped: Grouped = {
          parents: parents.total,
          noun: fan.noun,
          groups: picked.map((item) => ({
            label: text(item[fan.label]) ?? text(item[fan.key])!,
            payload: get(company.slug, ep.template.service, op.path, {
              ...entry.params,
              [fan.param]: text(item[fan.key]),
            }),
          })),
        };
        return grouped;
      };
      const payload = raw();
      cases.push({
        company: company.slug,
        endpoint: ep.slug,
        operationKey: op.key,
        answer: (role) => {
          const rule = DEMO_FIELD_RULES.find(
            (r) => r.company === company.slug && r.endpoint === ep.slug && r.operation === op.key && r.role === role,
          );
          return rule ? applyFieldRule(structuredClone(payload), { mode: rule.mode, paths: rule.paths }) : payload;
        },
      });
    }
  }

/** What both give for one widget: its numbers and words, or that the answer was not understood. */
async function both(operationKey: string, answer: unknown) {
  const entry = catalogEntry(DEMO_DASHBOARD_CATALOG, operationKey)!;
  const widgets = DEMO_WIDGETS.filter((w) => w.operationKey === operationKey);
  expect(widgets.map((w) => w.key)).toEqual(entry.widgets.map((w) => w.metric));
  const evaluated = await evaluateExpressions({ answer, expressions: widgets.map((w) => w.expression) });
  return entry.widgets.map((spec, i) => {
    const widget = widgets[i]!;
    expect({ title: widget.title, kind: widget.kind }).toEqual({ title: spec.title, kind: spec.kind });
    let old: unknown;
    try {
      const m = spec.derive(answer);
      old = { value: m.value, series: m.series, caption: m.caption, unit: m.unit ?? spec.unit };
    } catch {
      old = 'not understood';
    }
    const result = evaluated[i]!;
    const now = result.ok
      ? {
          value: result.metric.value,
          series: result.metric.series,
          caption: result.metric.caption,
          unit: result.metric.unit ?? widget.unit,
        }
      : result.failure === 'shape'
        ? 'not understood'
        : result;
    return { key: widget.key, old, now };
  });
}

describe('the seeded widgets give the numbers the catalog gave', () => {
  it('covers every catalog widget', () => {
    const all = DEMO_DASHBOARD_CATALOG.entries.flatMap((e) => e.widgets.map((w) => `${e.operationKey}/${w.metric}`));
    expect(DEMO_WIDGETS.map((w) => `${w.operationKey}/${w.key}`)).toEqual(all);
    expect(new Set(cases.map((c) => c.operationKey))).toEqual(
      new Set(DEMO_DASHBOARD_CATALOG.entries.map((e) => e.operationKey)),
    );
  });

  it.each(cases.map((c) => [`${c.company}/${c.endpoint} ${c.operationKey}`, c] as const))(
    '%s, as every demo role',
    async (_name, c) => {
      for (const role of DEMO_ROLES.map((r) => r.key)) {
        for (const { key, old, now } of await both(c.operationKey, c.answer(role))) {
          expect(now, `${key} as ${role}`).toEqual(old);
          expect(old, `${key} as ${role}`).not.toBe('not understood');
        }
      }
    },
  );

  it.each([
    ['an object', { hello: 'world' }],
    ['an empty list', []],
    ['a list', { data: [{ amount: 'lots', stage: 'Proposal', status: 'open', total: 3 }], total: 5 }],
    [
      'numbers as strings',
      {
        data: [
          { amount: '12.5', stage: 'Proposal' },
          { amount: 3, isClosed: true },
        ],
      },
    ],
    ['a partial page', { data: [{ status: 'overdue', amount: 10, severity: 'high' }], total: 3, hasMore: true }],
    [
      'a document',
      { total: '12', accounts: [{ name: 'A', balance: 1 }], departments: [{ department: 'X', headcount: 2 }] },
    ],
    [
      'grouped lists',
      {
        parents: 9,
        noun: 'projects',
        groups: [{ label: 'p', payload: { data: [{ state: 'opened', status: 'failed' }] } }],
      },
    ],
    ['nothing', null],
  ])('on %s, both agree (numbers, or not understood)', async (_name, answer) => {
    for (const op of new Set(DEMO_WIDGETS.map((w) => w.operationKey)))
      for (const { key, old, now } of await both(op, answer)) expect(now, `${op}/${key}`).toEqual(old);
  });

  it('every role sees the widgets in the order the catalog gave them', () => {
    const roleKeys = DEMO_ROLES.map((r) => r.key);
    const holdings = [...roleKeys.map((k) => [k]), ['ceo', 'developer'], ['cto', 'recruiter', 'sales_rep'], []];
    for (const held of holdings) {
      const topics = topicOrder(DEMO_DASHBOARD_CATALOG, held);
      const entries = DEMO_DASHBOARD_CATALOG.entries;
      const oldRank = (i: number) => {
        const entry = entries.find((e) => e.operationKey === DEMO_WIDGETS[i]!.operationKey)!;
        return topics.indexOf(entry.topic) * 1000 + entries.indexOf(entry);
      };
      // The new order: the first of the person's roles (by key) that places the widget, its place there; then the rest in order.
      const sorted = [...held].sort();
      const newRank = (i: number): [number, number] => {
        for (const [r, key] of sorted.entries()) {
          const position = demoRolePosition(key, i);
          if (position !== null) return [r, position];
        }
        return [sorted.length, i];
      };
      const indexes = DEMO_WIDGETS.map((_, i) => i);
      const byOld = [...indexes].sort((a, b) => oldRank(a) - oldRank(b) || a - b);
      const byNew = [...indexes].sort((a, b) => {
        const [x, y] = [newRank(a), newRank(b)];
        return x[0] - y[0] || x[1] - y[1];
      });
      expect(byNew, held.join('+')).toEqual(byOld);
    }
  });
});

export type { Row };
