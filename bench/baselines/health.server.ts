// Baseline of the `health` scenario: `{ __typename }` on graphql-js over node:http.
import { buildSchema, serveGraphql } from './graphql-http.ts';

await serveGraphql(buildSchema('type Query { ok: Boolean }'), {}, () => ({}));
