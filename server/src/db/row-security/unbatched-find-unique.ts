// Prisma merges the findUnique calls made in one tick into a single statement, and runs it in
// the scope of the first caller: a second request in another company then misses its own row
// (a false NOT_FOUND under load; never another company's row, the policies see to that). On the
// application's client, findUnique becomes the equivalent findFirst, which Prisma never merges.
// A system view may keep merging: the application's lookups never join a merged statement, so
// none can ride on a system one into another company's row (row-security.test.ts checks it).
import type { Db } from '../client.ts';

type Where = Record<string, unknown>;
type Delegate = Record<'findFirst' | 'findFirstOrThrow', (args: unknown) => Promise<unknown>>;

/**
 * A compound unique key (`companyId_slug: { companyId, slug }`) as plain equalities, which
 * findFirst accepts; every other condition stays as it is.
 */
export function flattenCompoundKeys(where: Where): Where {
  const flat: Where = {};
  for (const [key, value] of Object.entries(where)) {
    const parts = key.split('_');
    const isCompound =
      parts.length > 1 && value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).sort().join('_') === [...parts].sort().join('_');
    if (isCompound) Object.assign(flat, value);
    else flat[key] = value;
  }
  return flat;
}

const delegateName = (model: string) => model[0]!.toLowerCase() + model.slice(1);

/** The rewritten calls go to `db` itself, so its own extensions (a scope) still apply. */
export function withoutCrossScopeBatching(db: Db): Db {
  const base = db as unknown as Record<string, Delegate>;
  const rewrite = (model: string, args: { where: Where }, method: keyof Delegate) => base[delegateName(model)]![method]({ ...args, where: flattenCompoundKeys(args.where) });
  return db.$extends({
    query: {
      $allModels: {
        findUnique: ({ model, args }) => rewrite(model, args as { where: Where }, 'findFirst'),
        findUniqueOrThrow: ({ model, args }) => rewrite(model, args as { where: Where }, 'findFirstOrThrow'),
      },
    },
  }) as unknown as Db;
}
