// Baseline of the `shield_cost` scenario: server/src/graphql/schema.ts, except that the schema
// Tessera serves is built without graphql-shield (buildResolverSchema). bench/run.ts bundles
// `pnpm start`'s server with this file in place of the real one (scripts/build-server.mjs), so the
// two processes differ only in the shield and the product carries no switch to turn it off.
export * from '../../server/src/graphql/schema.ts';
export { buildResolverSchema as buildAppSchema } from '../../server/src/graphql/schema.ts';
