// Prisma merges the findUnique calls made in one tick into a single statement, and runs it in
// the scope of the first caller: a second request in another company then misses its own row
// (a false NOT_FOUND under load; never another company's row, the policies see to that). On the
// application's client, findUnique becomes the equivalent findFirst, which Prisma never merges.
// A system view may keep merging: the application's lookups never join a merged statement, so
// none can ride on a system one into another company's row (row-security.test.ts checks it).
import type { Db } from '../client.ts';

type Where = Record<string, unknown>;

/**
 * A compound unique key (`companyId_slug: { companyId, slug }`) as plain equalities, which
 * findFirst accepts; every other condition stays as it is.
 */
export function flattenCompoundKeys(where: Where): Where {
  const flat: Where = {};
  for (const [key, value] of Object.entries(where)) {
    const parts = key.split('_');
    const isCompound =
      parts.length > 1 &&
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.keys(value).sort().join('_') === [...parts].sort().join('_');
    if (isCompound) Object.assign(flat, value);
    else flat[key] = value;
  }
  return flat;
}

/** What Prisma hands a query hook besides its documented fields: the request being built. */
interface HookParams {
  args: { where: Where };
  query: (args: unknown, request?: Record<string, unknown>) => Promise<unknown>;
  __internalParams: Record<string, unknown> & { clientMethod: string };
}

/**
 * The same request as findFirst, down the rest of the extension chain and inside the caller's
 * transaction, if any (the request keeps its transaction; only its action changes).
 */
function asFindFirst({ args, query, __internalParams: request }: HookParams, action: 'findFirst' | 'findFirstOrThrow') {
  return query(
    { ...args, where: flattenCompoundKeys(args.where) },
    { ...request, action, clientMethod: request.clientMethod.replace(/findUnique(OrThrow)?$/, action) },
  );
}

export function withoutCrossScopeBatching(db: Db): Db {
  return db.$extends({
    query: {
      $allModels: {
        findUnique: (params) => asFindFirst(params as unknown as HookParams, 'findFirst'),
        findUniqueOrThrow: (params) => asFindFirst(params as unknown as HookParams, 'findFirstOrThrow'),
      },
    },
  }) as unknown as Db;
}
