// The smallest honest GraphQL server: graphql-js on node:http, one POST route, no framework.
// The baselines build on it. graphql is the server package's dependency (the same version
// Tessera runs): the bench reaches it through server/node_modules rather than adding its own.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphql, type GraphQLSchema } from '../../server/node_modules/graphql/index.js';

export { GraphQLError, buildSchema } from '../../server/node_modules/graphql/index.js';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Serves `schema` at POST /graphql on a free port; prints "BENCH_READY <url>" for the bench. */
export async function serveGraphql<C>(
  schema: GraphQLSchema,
  rootValue: unknown,
  contextFor: (req: IncomingMessage) => Promise<C> | C,
): Promise<void> {
  const server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/graphql') {
      res.writeHead(404).end();
      return;
    }
    try {
      const { query, variables } = JSON.parse(await readBody(req)) as {
        query: string;
        variables?: Record<string, unknown>;
      };
      const result = await graphql({
        schema,
        source: query,
        rootValue,
        variableValues: variables,
        contextValue: await contextFor(req),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    } catch (error) {
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  process.stdout.write(`BENCH_READY http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
