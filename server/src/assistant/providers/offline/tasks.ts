// One chosen tool's plan as a pure function of the results so far: either the calls still missing
// (the next round) or the outcome the answer is written from. Nothing is remembered between rounds.
import { errorText, identity, view, type Item, type Result } from './results.ts';
import { label } from './text.ts';
import { argsFromParent, listArgs, type ReadTool } from './tools.ts';

export interface Call {
  name: string;
  args: Record<string, unknown>;
}

export type Lookup = (call: Call) => Result | undefined;

/** Parents a dependent tool is called for, e.g. the repositories whose pull requests are listed. */
const MAX_FAN_OUT = 5;
/** Values a cut-off list is re-read by (one call each), e.g. the stages of opportunities. */
const MAX_SPLIT = 10;

export interface Task {
  tool: ReadTool;
  /** The list tool that supplies the tool's required parameters. */
  parent?: ReadTool;
}

export interface Outcome {
  tool: ReadTool;
  items?: Item[];
  doc?: Item;
  /** The collection's size when known (summed over parents for a fan-out). */
  total?: number;
  /** The parent's label of each item of a fan-out ("acme-web"). */
  parentOf: Map<Item, string>;
  /** Which parents were read: "Checked the 5 most recently active of 10 repositories: ...". */
  scope?: string;
  notes: string[];
  errors: string[];
}

export type Step = { calls: Call[] } | { outcome: Outcome };

const RECENCY = [
  'pushed_at',
  'last_activity_at',
  'updated_at',
  'updatedAt',
  'lastModifiedAt',
  'lastmodifieddate',
  'created_at',
  'createdAt',
];

const itemLabel = (item: Item) => label(item.name ?? item.title ?? item.path_with_namespace ?? item.id ?? '?');

function newOutcome(tool: ReadTool): Outcome {
  return { tool, parentOf: new Map(), notes: [], errors: [] };
}

export function runTask(task: Task, lookup: Lookup): Step {
  return task.parent ? runFanOut(task.tool, task.parent, lookup) : runDirect(task.tool, lookup);
}

function runDirect(tool: ReadTool, lookup: Lookup): Step {
  const first: Call = { name: tool.name, args: listArgs(tool) };
  const result = lookup(first);
  if (!result) return { calls: [first] };
  const outcome = newOutcome(tool);
  if (result.status !== 'ok') return { outcome: { ...outcome, errors: [errorText(tool.source, result)] } };
  const v = view(result);
  if (v.doc)
    return {
      outcome: { ...outcome, doc: v.doc, notes: v.truncated ? ['The result was too long to read in full.'] : [] },
    };
  const items = v.items ?? [];
  if (!v.truncated) {
    const total = v.total ?? items.length;
    if (total > items.length) outcome.notes.push(`Based on the first ${items.length} of ${total}.`);
    return { outcome: { ...outcome, items, total } };
  }
  return runSplit(tool, items, lookup, outcome);
}

/**
 * A list cut off by the tool-result budget: read it again in slices, one call per value of a
 * filter parameter (e.g. stage), plus a one-item call for the total, and put the slices together.
 */
function runSplit(tool: ReadTool, recovered: Item[], lookup: Lookup, outcome: Outcome): Step {
  const split = recovered.length > 0 ? splitFor(tool, recovered) : undefined;
  if (!split) {
    outcome.notes.push(`The result was too long to read in full: based on the first ${recovered.length} items.`);
    return { outcome: { ...outcome, items: recovered } };
  }
  const calls: Call[] = split.values.map((value) => ({
    name: tool.name,
    args: { ...listArgs(tool), [split.param]: value },
  }));
  const probe: Call | undefined = tool.limit === undefined ? undefined : { name: tool.name, args: { limit: 1 } };
  const missing = [...calls, ...(probe ? [probe] : [])].filter((call) => !lookup(call));
  if (missing.length > 0) return { calls: missing };
  const seen = new Map<string, Item>();
  for (const item of recovered) seen.set(identity(item), item);
  let complete = true;
  for (const call of calls) {
    const result = lookup(call)!;
    const v = result.status === 'ok' ? view(result) : undefined;
    if (!v || v.truncated) complete = false;
    for (const item of v?.items ?? []) seen.set(identity(item), item);
  }
  const probed = probe && lookup(probe)!.status === 'ok' ? view(lookup(probe)!).total : undefined;
  const items = [...seen.values()];
  if (probed !== undefined && items.length < probed)
    outcome.notes.push(`Based on ${items.length} of ${probed} items (the rest could not be read).`);
  else if (probed === undefined && !complete)
    outcome.notes.push(`Based on ${items.length} items; the full list could not be read.`);
  return { outcome: { ...outcome, items, total: probed ?? items.length } };
}

const SPLIT_PREFERENCE = ['stage', 'status', 'state', 'severity', 'type', 'department', 'category'];

function splitFor(tool: ReadTool, items: Item[]): { param: string; values: string[] } | undefined {
  const options: { param: string; values: string[]; rank: number }[] = [];
  for (const [param, schema] of Object.entries(tool.properties)) {
    if (param === 'limit' || tool.required.includes(param) || (schema.type && schema.type !== 'string')) continue;
    const last = param.replace(/.*(?=[A-Z])/, '').toLowerCase();
    const field = items.some((i) => param in i)
      ? param
      : Object.keys(items[0] ?? {}).find((f) => f.toLowerCase().endsWith(last));
    if (!field) continue;
    const values = new Set(
      items.map((i) => i[field]).filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100),
    );
    // Values the parameter's description names ("Prospecting", "Closed Won") may be missing from the prefix.
    for (const m of (schema.description ?? '').matchAll(/"([^"]{1,60})"/g))
      if (!/^all$/i.test(m[1]!)) values.add(m[1]!);
    if (values.size < 2 || values.size > MAX_SPLIT) continue;
    const rank = SPLIT_PREFERENCE.findIndex((p) => last.includes(p) || field.toLowerCase().includes(p));
    options.push({ param, values: [...values], rank: rank < 0 ? SPLIT_PREFERENCE.length : rank });
  }
  options.sort((a, b) => a.rank - b.rank || a.values.length - b.values.length);
  return options[0];
}

function runFanOut(tool: ReadTool, parent: ReadTool, lookup: Lookup): Step {
  const first: Call = { name: parent.name, args: listArgs(parent) };
  const result = lookup(first);
  if (!result) return { calls: [first] };
  const outcome = newOutcome(tool);
  if (result.status !== 'ok') return { outcome: { ...outcome, errors: [errorText(parent.source, result)] } };
  const v = view(result);
  const all = v.items ?? [];
  const recency = RECENCY.find((field) => all.some((item) => typeof item[field] === 'string'));
  const chosen = recency
    ? [...all].sort((a, b) => String(b[recency] ?? '').localeCompare(String(a[recency] ?? '')))
    : all;
  const parents = chosen
    .map((item) => ({ item, args: argsFromParent(tool, item) }))
    .filter((p): p is { item: Item; args: Record<string, unknown> } => p.args !== undefined)
    .slice(0, MAX_FAN_OUT);
  const parentTotal = v.total ?? all.length;
  if (parents.length === 0)
    return { outcome: { ...outcome, items: [], total: 0, notes: [`No ${parent.resource} were found.`] } };
  const calls = parents.map((p) => ({ name: tool.name, args: p.args }));
  const missing = calls.filter((call) => !lookup(call));
  if (missing.length > 0) return { calls: missing };

  const items: Item[] = [];
  let total = 0;
  parents.forEach((p, i) => {
    const r = lookup(calls[i]!)!;
    if (r.status !== 'ok') {
      outcome.errors.push(errorText(tool.source, r));
      return;
    }
    const rv = view(r);
    const found = rv.items ?? (rv.doc ? [rv.doc] : []);
    if (rv.truncated) outcome.notes.push(`The result for ${itemLabel(p.item)} was too long to read in full.`);
    for (const item of found) outcome.parentOf.set(item, itemLabel(p.item));
    items.push(...found);
    total += rv.truncated ? found.length : (rv.total ?? found.length);
  });
  const names = parents.map((p) => itemLabel(p.item)).join(', ');
  outcome.scope =
    parents.length < parentTotal
      ? `Checked ${recency ? 'the ' : ''}${parents.length} ${recency ? 'most recently active ' : ''}of ${parentTotal} ${parent.resource}: ${names}.`
      : `Checked all ${parents.length} ${parent.resource}: ${names}.`;
  return { outcome: { ...outcome, items, total } };
}
