// What a service generator provides: its resources (collections served by the generic REST routes
// in routes.ts), its seed data and any computed views (e.g. /cash-balance).
import type { Random } from '../random.ts';

export type Item = Record<string, unknown> & { id: string | number };
export type Collections = Record<string, Item[]>;

export interface FieldError {
  field: string;
  message: string;
}

/** Thrown by create/update: answered 422 with the details. */
export class ValidationError extends Error {
  constructor(readonly details: FieldError[]) {
    super(details.map((d) => `${d.field}: ${d.message}`).join('; '));
  }
}

interface WriteContext {
  company: string;
  collections: Collections;
  /** The parent item of a nested resource, e.g. the repository of /repos/{repo}/issues. */
  parent?: Item;
  now: string;
}

interface FilterDef {
  /** The item field compared (case-insensitively) with the query value. */
  field: string;
  /** Applied when the query does not name the filter (GitHub lists open pull requests by default). */
  default?: string;
  /** The value that switches the filter off. */
  all?: string;
}

export interface ResourceDef {
  /** The path segment, e.g. 'opportunities' or 'merge_requests'. */
  name: string;
  /** Nested under /{parent}/{key}/{name}: item[field] holds the parent's `via` field (default id). */
  parent?: { resource: string; field: string; via?: string };
  /** Fields besides id that find an item by path, e.g. 'number' for pull requests. */
  keys?: string[];
  /** Query parameters that filter lists and are not themselves item fields. */
  filters?: Record<string, FilterDef>;
  create?(input: Record<string, unknown>, ctx: WriteContext): Item;
  update?(item: Item, patch: Record<string, unknown>, ctx: WriteContext): void;
}

export interface ServiceDef {
  name: string;
  resources: ResourceDef[];
  seed(company: string, random: Random): Collections;
  /** Computed documents served at GET /{path}. */
  views?: Record<string, (collections: Collections, company: string) => unknown>;
}

/** Throws a ValidationError unless `value` is one of `allowed` (case-insensitive); returns the canonical spelling. */
export function oneOf(field: string, value: unknown, allowed: readonly string[]): string {
  const found =
    typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.trim().toLowerCase()) : undefined;
  if (!found) throw new ValidationError([{ field, message: `must be one of: ${allowed.join(', ')}` }]);
  return found;
}

export function nonNegative(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ValidationError([{ field, message: 'must be a number >= 0' }]);
  }
  return value;
}

export function nonEmpty(field: string, value: unknown, max = 200): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new ValidationError([{ field, message: `must be a non-empty string of at most ${max} characters` }]);
  }
  return value.trim();
}

/** The next number after the largest `field` among `items` (ids, issue numbers). */
export function nextNumber(items: readonly Item[], field: string, start: number): number {
  return items.reduce((max, item) => Math.max(max, Number(item[field]) || 0), start - 1) + 1;
}

/** A company's display name and mail domain, from its slug. */
export function companyIdentity(company: string): { name: string; domain: string } {
  const known: Record<string, string> = { acme: 'Acme Corp', globex: 'Globex' };
  const name =
    known[company] ?? company.replace(/(^|-)(\w)/g, (_, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase());
  return { name, domain: `${company}.example` };
}
