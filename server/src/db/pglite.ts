// PGlite and its Prisma adapter, loaded where they are used: the embedded database and the
// migrator's shadow databases. A server on PostgreSQL never loads them (the bench's memory
// scenario counts every module a process carries).
export function loadPglite() {
  return Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]).then(([pglite, adapter]) => ({
    PGlite: pglite.PGlite,
    PrismaPGlite: adapter.PrismaPGlite,
  }));
}
