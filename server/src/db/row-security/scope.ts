// Which companies' rows the database lets the current code path see (PostgreSQL row-level
// security, migration 20261129000000_row_level_security). The scope travels with the async
// call chain (AsyncLocalStorage), and the driver adapter sets it on the connection before
// each statement (scoped-adapter.ts): code that sets nothing sees no company's rows.
//
// - A GraphQL request runs in the companies where its caller holds a role (all of them for a
//   platform administrator), set once its principal is known (http/context.ts).
// - Background work (call log, webhook deliveries, key rotation, seeding, the CLI) states why
//   it needs every company: `asSystem('webhook deliveries', ...)`.
import { AsyncLocalStorage } from 'node:async_hooks';

export type DbScope =
  | { readonly kind: 'none' }
  | { readonly kind: 'companies'; readonly companyIds: readonly string[] }
  | { readonly kind: 'all'; readonly reason: string };

/** A mutable holder: a request starts in NO_COMPANIES and learns its scope after sign-in. */
export interface ScopeCell {
  scope: DbScope;
}

export const NO_COMPANIES: DbScope = Object.freeze({ kind: 'none' });

const storage = new AsyncLocalStorage<ScopeCell>();

export function companiesScope(companyIds: Iterable<string>): DbScope {
  const ids = [...new Set(companyIds)].sort();
  return ids.length === 0 ? NO_COMPANIES : { kind: 'companies', companyIds: ids };
}

export function systemScope(reason: string): DbScope {
  return { kind: 'all', reason };
}

export function currentDbScope(): DbScope {
  return storage.getStore()?.scope ?? NO_COMPANIES;
}

/**
 * Runs `work` (and everything it starts) in the given cell; its scope may change later. A
 * returned thenable is subscribed to inside the cell: Prisma's queries are lazy and would
 * otherwise start, outside it, when the caller awaits them.
 */
export function runInScopeCell<T>(cell: ScopeCell, work: () => T): T {
  return storage.run(cell, () => {
    const result = work();
    return isThenable(result) ? (result.then((value) => value) as T) : result;
  });
}

export function withDbScope<T>(scope: DbScope, work: () => T): T {
  return runInScopeCell({ scope }, work);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** Work that needs every company's rows, with the reason (shows in code review, not in SQL). */
export function asSystem<T>(reason: string, work: () => T): T {
  return withDbScope(systemScope(reason), work);
}

/** Work for one company only (inbound webhooks, jobs about one company). */
export function withCompany<T>(companyId: string, work: () => T): T {
  return withDbScope(companiesScope([companyId]), work);
}

/** The two settings the policies read: `tessera.company_ids` (comma-separated) and `tessera.all_companies`. */
export function scopeSettings(scope: DbScope): { companyIds: string; allCompanies: string } {
  if (scope.kind === 'all') return { companyIds: '', allCompanies: 'on' };
  if (scope.kind === 'companies') return { companyIds: scope.companyIds.join(','), allCompanies: '' };
  return { companyIds: '', allCompanies: '' };
}

const keys = new WeakMap<DbScope, string>();

/** A short key to tell whether a connection already carries this scope (computed once per scope: it is asked per statement). */
export function scopeKey(scope: DbScope): string {
  let key = keys.get(scope);
  if (key === undefined) {
    const { companyIds, allCompanies } = scopeSettings(scope);
    key = `${allCompanies}|${companyIds}`;
    keys.set(scope, key);
  }
  return key;
}
