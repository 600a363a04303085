// How the assistant page words things: the request a pending action will send, the result of
// one that ran, each tool call of the trace, and questions to start with.
import { accessChanges } from '../../company/policy.ts';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export interface ActionArgs {
  params: Record<string, unknown>;
  body: Record<string, unknown> | null;
}

export function actionArgs(args: unknown): ActionArgs {
  const value = (args && typeof args === 'object' ? args : {}) as { params?: unknown; body?: unknown };
  const object = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  return { params: object(value.params) ?? {}, body: object(value.body) };
}

/** The operation's path with its {placeholders} filled from the params, as the gateway fills them. */
export function resolvePath(path: string, params: Record<string, unknown>): string {
  return path.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null || value === '' || typeof value === 'object'
      ? whole
      : encodeURIComponent(String(value));
  });
}

/** The stored request exactly as it will be sent, for reading: two-space JSON. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value ?? null, null, 2);
}

const SUMMARY_KEYS = ['id', 'name', 'title', 'dealname', 'status', 'stage', 'amount', 'number', 'state'];
const MAX_SUMMARY = 160;

const clip = (text: string) => (text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text);

/** One line about an upstream answer: its notable fields, a count, or its text. */
export function summarizeResult(data: unknown): string {
  if (data === null || data === undefined || data === '') return 'No content.';
  if (Array.isArray(data)) return `${data.length} item${data.length === 1 ? '' : 's'}.`;
  if (typeof data !== 'object') return clip(String(data));
  const record = data as Record<string, unknown>;
  // Many APIs wrap the object: { data: {...} }.
  if (record.data && typeof record.data === 'object' && !Array.isArray(record.data) && Object.keys(record).length <= 2)
    return summarizeResult(record.data);
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  const keys = [
    ...SUMMARY_KEYS.filter((k) => scalar(record[k])),
    ...Object.keys(record).filter((k) => !SUMMARY_KEYS.includes(k) && scalar(record[k])),
  ].slice(0, 4);
  if (keys.length === 0) return `${Object.keys(record).length} field${Object.keys(record).length === 1 ? '' : 's'}.`;
  return clip(keys.map((k) => `${k}: ${String(record[k])}`).join(' · '));
}

export interface ToolView {
  /** The endpoint slug, or null for the assistant's own search tool. */
  endpoint: string | null;
  operation: string;
  outcome: string;
  tone: 'ok' | 'proposed' | 'failed';
}

/** One step of the trace; `proposed` holds the tool names of this answer's pending actions. */
export function describeTool(
  trace: { tool: string; status?: number | null; ok: boolean },
  proposed: ReadonlySet<string>,
): ToolView {
  const split = trace.tool.indexOf('__');
  const endpoint = split > 0 ? trace.tool.slice(0, split) : null;
  const operation = split > 0 ? trace.tool.slice(split + 2) : trace.tool;
  const status = trace.status ?? null;
  if (!trace.ok)
    return { endpoint, operation, outcome: status === null ? 'not run' : `failed: HTTP ${status}`, tone: 'failed' };
  if (status === null && proposed.has(trace.tool))
    return { endpoint, operation, outcome: 'proposed: waits for your decision', tone: 'proposed' };
  return { endpoint, operation, outcome: status === null ? 'done' : `HTTP ${status}`, tone: 'ok' };
}

export type DisplayStatus = 'pending' | 'executing' | 'executed' | 'rejected' | 'expired' | 'failed';

/** The action's status as of `now`: a pending action past its time shows as expired. */
export function displayStatus(action: { status: string; expiresAt: string }, now: number): DisplayStatus {
  if (action.status === 'pending' && Date.parse(action.expiresAt) <= now) return 'expired';
  const known: DisplayStatus[] = ['pending', 'executing', 'executed', 'rejected', 'expired', 'failed'];
  return known.includes(action.status as DisplayStatus) ? (action.status as DisplayStatus) : 'failed';
}

/** "expires in 14 minutes" (rounded up, so it never says 0 while still pending). */
export function expiresIn(expiresAt: string, now: number): string {
  const minutes = Math.ceil((Date.parse(expiresAt) - now) / 60_000);
  if (minutes <= 1) return 'expires in less than a minute';
  return `expires in ${minutes} minutes`;
}

export const MAX_MESSAGE_CHARS = 4000;

/** Why a message cannot be sent, or null when it can. */
export function messageProblem(text: string): string | null {
  if (!text.trim()) return 'Write a question first.';
  if (text.trim().length > MAX_MESSAGE_CHARS)
    return `A message can be at most ${MAX_MESSAGE_CHARS} characters; this one has ${text.trim().length}.`;
  return null;
}

interface Grant {
  access: string;
  endpoint: { name: string; operations: readonly { key: string; method: string }[] };
}

// Questions the offline planner (and any model) answers, by a word of the operation's key.
const READ_EXAMPLES: [word: string, question: string][] = [
  ['opportunit', 'How is our pipeline?'],
  ['deal', 'How is our pipeline?'],
  ['cashbalance', 'What is our cash balance?'],
  ['invoice', 'Which invoices are overdue?'],
  ['headcount', 'What is our headcount?'],
  ['position', 'Which positions are open?'],
  ['incident', 'Any open incidents?'],
  ['order', 'How many orders are pending?'],
  ['pullrequest', 'Which pull requests wait for review?'],
  ['mergerequest', 'Which merge requests wait for review?'],
  ['pipeline', 'How many failed pipelines?'],
];

const words = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A few questions to start with, from what the person may use here. A change is suggested only
 * when `writes` is on (a model that can propose them; the offline planner only reads).
 */
export function suggestPrompts(
  grants: readonly Grant[],
  { writes, max = 4 }: { writes: boolean; max?: number },
): string[] {
  const reads: string[] = [];
  const add = (p: string) => {
    if (!reads.includes(p)) reads.push(p);
  };
  for (const grant of grants) {
    if (grant.access === 'NONE') continue;
    const gets = grant.endpoint.operations.filter((o) => o.method === 'GET');
    const found = READ_EXAMPLES.filter(([word]) => gets.some((o) => o.key.toLowerCase().includes(word)));
    if (found.length > 0) for (const [, q] of found.slice(0, 2)) add(q);
    else {
      const list = gets.find((o) => o.key.startsWith('list'));
      if (list) add(`Show our ${words(list.key.slice(4))} from the ${grant.endpoint.name}.`);
    }
  }
  let write: string | null = null;
  if (writes) {
    for (const grant of grants) {
      const create = accessChanges(grant.access)
        ? grant.endpoint.operations.find((o) => o.method === 'POST' && o.key.startsWith('create'))
        : undefined;
      if (create) {
        write = `Create a new ${words(create.key.slice(6))} in the ${grant.endpoint.name}.`;
        break;
      }
    }
  }
  return write ? [...reads.slice(0, max - 1), write] : reads.slice(0, max);
}

/** Who answered, for people: "offline planner" or the configured model's name. */
export function modelLabel(model: string): string {
  if (model === 'offline-planner') return 'the offline planner (reads only)';
  return model.startsWith('openai:') ? model.slice('openai:'.length) : model;
}
