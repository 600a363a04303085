// Which offered tools the offline planner may use (reads only) and which of them match a question.
import type { ToolSpec } from '../../model.ts';
import { AMBIGUOUS_VERBS, DETERMINERS, REQUEST_PREFIX, WRITE_VERBS } from './grammar.ts';
import { label, MODIFIERS, sourceName, splitWords, stem, tokens } from './text.ts';
import type { Concept, Words } from './vocabulary.ts';

interface PropertySchema {
  type?: string;
  description?: string;
  maximum?: number;
}

export interface ReadTool {
  spec: ToolSpec;
  name: string;
  slug: string;
  key: string;
  /** "Sales API", from the endpoint slug. */
  source: string;
  /** "pull requests", "cash balance": the key without its verb. */
  resource: string;
  resourceWords: string[];
  descriptionWords: string[];
  slugWords: string[];
  required: string[];
  properties: Record<string, PropertySchema>;
  isList: boolean;
  /** The `limit` to send (the schema's maximum, at most 100), or undefined without a limit param. */
  limit: number | undefined;
}

/**
 * Read operations. The assistant's toolbox writes descriptions like "Sales API: List opportunities.
 * (GET /opportunities)."; when the method is there it decides. Otherwise the verb of the key does:
 * anything but list/get/... (create, update, merge, ...) is treated as a write and never used.
 */
const READ_KEY = /^(list|get|search|find|count|fetch|read|show|describe|lookup|query|view)(?=[A-Z0-9_]|$)/;
const LIST_KEY = /^(list|search|find|query)(?=[A-Z0-9_]|$)/;
const METHOD = /\((GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) \/[^)]*\)/;
/** "Sales API: ..." */
const SOURCE_PREFIX = /^([^:()\n]{1,80}): /;
/** A description that announces a write wins over a read-looking key. */
const WRITE_DESCRIPTION =
  /\bchanges data\b|\bmust confirm\b|\b(requires?|needs?) (the user's |your |user )?confirmation\b|\bpending action\b/i;

function isReadTool(spec: ToolSpec): boolean {
  const at = spec.name.lastIndexOf('__');
  if (at <= 0 || WRITE_DESCRIPTION.test(spec.description)) return false;
  const method = METHOD.exec(spec.description)?.[1];
  return method ? method === 'GET' : READ_KEY.test(spec.name.slice(at + 2));
}

export function readTools(specs: readonly ToolSpec[]): ReadTool[] {
  return specs.filter(isReadTool).map((spec) => {
    const at = spec.name.lastIndexOf('__');
    const slug = spec.name.slice(0, at);
    const key = spec.name.slice(at + 2);
    const words = splitWords(key).slice(READ_KEY.test(key) ? 1 : 0);
    const schema = spec.parameters as { properties?: Record<string, PropertySchema>; required?: unknown };
    const properties = schema.properties ?? {};
    const limitSchema = properties.limit;
    const named = SOURCE_PREFIX.exec(spec.description)?.[1]?.trim();
    // Scored on the operation's own words, the same whichever way the description is dressed.
    const ownWords = spec.description.replace(SOURCE_PREFIX, '').replace(METHOD, '');
    return {
      spec,
      name: spec.name,
      slug,
      key,
      source: named ? label(named) : sourceName(slug),
      resource: words.join(' ') || key,
      resourceWords: words.map(stem).filter((w) => !MODIFIERS.has(w)),
      descriptionWords: tokens(ownWords),
      slugWords: tokens(slug),
      required: Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [],
      properties,
      isList: LIST_KEY.test(key),
      limit: limitSchema
        ? Math.min(100, typeof limitSchema.maximum === 'number' ? limitSchema.maximum : 100)
        : undefined,
    };
  });
}

/** The arguments of a plain list call: the largest page. */
export function listArgs(tool: ReadTool): Record<string, unknown> {
  return tool.limit === undefined ? {} : { limit: tool.limit };
}

/**
 * For a tool with required parameters, the list tool of the same endpoint that supplies them
 * (listPullRequests(repo) ← listRepositories, getOpportunity(id) ← listOpportunities); null when
 * none does, undefined when nothing is required.
 */
export function parentOf(tool: ReadTool, all: readonly ReadTool[]): ReadTool | null | undefined {
  if (tool.required.length === 0) return undefined;
  const base = paramBase(tool.required[0]!);
  const candidates = all.filter((t) => t.slug === tool.slug && t.isList && t.required.length === 0 && t !== tool);
  const fits = (words: string[]) =>
    base === ''
      ? words.join(' ') === tool.resourceWords.join(' ')
      : words.some((w) => w === base || (base.length >= 3 && (w.startsWith(base) || base.startsWith(w))));
  return candidates.find((t) => fits(t.resourceWords)) ?? null;
}

/** "projectId" → "project", "repo" → "repo", "id" → "". */
const paramBase = (param: string) =>
  stem(
    param
      .replace(/_?id$/i, '')
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase(),
  );

/** The word to search the list that supplies a tool's first required parameter by. */
export function requiredBase(tool: ReadTool): string {
  return (tool.required[0] && paramBase(tool.required[0])) || tool.resourceWords.join(' ');
}

/** The required arguments of `tool` taken from a parent item: `...Id` ← item.id, else item[param] ?? item.name. */
export function argsFromParent(tool: ReadTool, item: Record<string, unknown>): Record<string, unknown> | undefined {
  const args: Record<string, unknown> = {};
  for (const param of tool.required) {
    const value = /(^id|Id|_id)$/.test(param) ? item.id : (item[param] ?? item.name);
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    args[param] = tool.properties[param]?.type === 'string' ? String(value) : value;
  }
  return { ...args, ...listArgs(tool) };
}

/** "Create an opportunity", "please merge the PR", "How do I add a deal?": a request for a change. */
export function writeIntent(question: string): string | undefined {
  const plain = question.trim().replace(/[‘’]/g, "'");
  const text = plain.toLowerCase().replace(REQUEST_PREFIX, '');
  const words = text.split(/[^a-z0-9']+/).filter(Boolean);
  const verb = words[0];
  if (!verb || !WRITE_VERBS.has(verb)) return undefined;
  const next = words[1] ?? '';
  if (AMBIGUOUS_VERBS.has(verb) && !DETERMINERS.has(next)) return undefined;
  if (
    !AMBIGUOUS_VERBS.has(verb) &&
    question.trim().endsWith('?') &&
    !DETERMINERS.has(next) &&
    !REQUEST_PREFIX.test(plain.toLowerCase())
  )
    return undefined;
  // Quoted back in the person's own spelling.
  const original = plain.replace(new RegExp(REQUEST_PREFIX.source, 'i'), '');
  return original
    .split(/\s+/)
    .slice(0, 6)
    .join(' ')
    .replace(/[?.!,;:]+$/, '');
}

interface Scored {
  tool: ReadTool;
  score: number;
  /** Question words that earned the score: a second tool must answer a word the first does not. */
  reasons: Map<string, number>;
}

function topicTokens(question: string, tools: readonly ReadTool[], words: Words) {
  const all = tokens(question);
  const topic = all.filter((t) => !MODIFIERS.has(t));
  // A word topics share means one of them (the vocabulary's senses): "pipeline" alone is the sales
  // pipeline when there is one; with CI words, or no CRM, it is CI.
  const has = (word: string) => tools.some((t) => t.resourceWords.includes(word));
  const meanings = new Map<string, Concept>();
  for (const [word, senses] of words.senses) {
    if (!topic.includes(word)) continue;
    const sense = senses.find((s) => !all.some((t) => s.unless.has(t)) && s.concept.targets.some(has)) ?? senses.at(-1);
    if (sense) meanings.set(word, sense.concept);
  }
  return { topic, meanings };
}

function score(tool: ReadTool, topic: string[], meanings: ReadonlyMap<string, Concept>, words: Words): Scored {
  const reasons = new Map<string, number>();
  const add = (reason: string, points: number) => reasons.set(reason, (reasons.get(reason) ?? 0) + points);
  for (const t of topic) {
    // A shared word meant as a topic it does not name ("pipeline" meaning sales) scores only through that topic.
    const meant = meanings.get(t);
    if (meant && !meant.targets.includes(t)) continue;
    if (tool.resourceWords.includes(t)) add(t, 3);
    else if (t.length >= 4 && tool.resourceWords.some((w) => w.startsWith(t) || t.startsWith(w))) add(t, 2);
    else if (tool.descriptionWords.includes(t) || tool.slugWords.includes(t)) add(t, 1);
  }
  for (const concept of words.concepts) {
    const triggers = topic.filter((t) => concept.triggers.has(t) && (meanings.get(t) ?? concept) === concept);
    const index = concept.targets.findIndex((target) => tool.resourceWords.includes(target));
    if (triggers.length === 0 || index < 0) continue;
    // Points once per concept; every word that triggered it counts as answered by this tool.
    for (const [i, trigger] of triggers.entries()) add(trigger, i > 0 ? 0 : index === 0 ? 4 : 3);
  }
  let total = 0;
  for (const points of reasons.values()) total += points;
  return { tool, score: total, reasons };
}

const MIN_SCORE = 2;

/** The best one or two read tools for the question (ties: list operations without required params). */
export function selectTools(
  question: string,
  tools: readonly ReadTool[],
  words: Words,
  { needParents = true } = {},
): ReadTool[] {
  const { topic, meanings } = topicTokens(question, tools, words);
  const usable = needParents ? tools.filter((t) => parentOf(t, tools) !== null) : [...tools];
  const scored = usable
    .map((tool) => score(tool, topic, meanings, words))
    .filter((s) => s.score >= MIN_SCORE)
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.tool.required.length - b.tool.required.length ||
        Number(b.tool.isList) - Number(a.tool.isList) ||
        usable.indexOf(a.tool) - usable.indexOf(b.tool),
    );
  const best = scored[0];
  if (!best) return [];
  const second = scored.slice(1).find((s) => {
    if (s.tool.resource === best.tool.resource && s.tool.slug === best.tool.slug) return false;
    let fresh = 0;
    for (const [reason, points] of s.reasons) if (!best.reasons.has(reason)) fresh += points;
    return fresh >= 3;
  });
  return second ? [best.tool, second.tool] : [best.tool];
}

/** "Sales API (accounts, opportunities); Finance API (...)": what the caller's tools can read. */
export function describeSources(tools: readonly ReadTool[]): string[] {
  const bySource = new Map<string, Set<string>>();
  for (const tool of tools) {
    const set = bySource.get(tool.source) ?? new Set<string>();
    if (tool.isList || tool.required.length === 0) set.add(tool.resource);
    bySource.set(tool.source, set);
  }
  return [...bySource].map(([source, resources]) =>
    resources.size > 0 ? `${source}: ${[...resources].join(', ')}` : source,
  );
}
