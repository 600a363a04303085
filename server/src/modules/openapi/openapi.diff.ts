// What an import changes: each planned operation against the endpoint's current ones, by key.
import { canonicalJson } from '../../lib/canonical-json.ts';
import { yieldToEventLoop } from '../../lib/event-loop.ts';
import type { OperationPlan } from './openapi.parse.ts';

export interface CurrentOperation {
  id: string;
  key: string;
  method: string;
  path: string;
  description: string | null;
  paramsSchema: unknown;
}

export interface OperationDiff {
  created: OperationPlan[];
  updated: { id: string; plan: OperationPlan }[];
  unchanged: string[];
  /** Present in Tessera, absent from the document: removed only when asked. */
  missing: CurrentOperation[];
}

const same = (cur: CurrentOperation, plan: OperationPlan) =>
  cur.method === plan.method &&
  cur.path === plan.path &&
  (cur.description ?? null) === plan.description &&
  canonicalJson(cur.paramsSchema) === canonicalJson(plan.paramsSchema);

/** Operations compared between two turns of the event loop: each comparison serializes two schemas. */
const COMPARED_PER_TURN = 10;

export async function diffOperations(current: CurrentOperation[], planned: OperationPlan[]): Promise<OperationDiff> {
  const byKey = new Map(current.map((op) => [op.key, op]));
  const diff: OperationDiff = { created: [], updated: [], unchanged: [], missing: [] };
  for (const [i, plan] of planned.entries()) {
    if (i > 0 && i % COMPARED_PER_TURN === 0) await yieldToEventLoop();
    const cur = byKey.get(plan.key);
    if (!cur) diff.created.push(plan);
    else if (same(cur, plan)) diff.unchanged.push(plan.key);
    else diff.updated.push({ id: cur.id, plan });
    byKey.delete(plan.key);
  }
  diff.missing = [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
  return diff;
}
