// How long the event loop is held by the first call of an operation whose parameter schema has
// 990 properties (issue 16, item 2): the gateway compiles a validator on an operation's first
// call. /healthz is asked back to back during that first readOperation, and its slowest answer
// is the event loop's longest stall (plus one local round trip). Compiled on the event loop,
// this schema held it for about 0.5 s; compiled in the offload worker (request-builder.ts,
// prepareValidator), only the step that loads the worker's code remains (a few ms).
// Baseline: the same probe with no call running. Each round uses a new operation (a first call).
import { gql, type Scenario } from '../harness.ts';
import { probeHealthz } from '../probe.ts';
import { readOperationQuery } from '../queries.ts';
import { percentile, round2 } from '../stats.ts';

const TARGET_MS = 50;
const PROPERTIES = 990;
const CREATE =
  'mutation ($e: ID!, $input: CreateOperationInput!) { createOperation(endpointId: $e, input: $input) { id } }';

const wideSchema = () => ({
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    Array.from({ length: PROPERTIES }, (_, i) => [
      `field${i}`,
      { type: 'string', maxLength: 40, ...(i % 3 === 0 ? { pattern: `^[a-z0-9-]{0,${10 + (i % 11)}}$` } : {}) },
    ]),
  ),
});

export const schemaCompileEventLoop: Scenario = {
  name: 'schema-compile-event-loop',
  async run(ctx) {
    const url = ctx.tessera.url;
    const { companyId, endpointId } = ctx.world.finance;
    const rounds = ctx.quick ? 2 : 5;
    const idle: number[] = [];
    const during: number[] = [];
    const slowest: number[] = [];
    const seconds: number[] = [];
    for (let round = 0; round < rounds; round++) {
      idle.push(...(await probeHealthz(url, new Promise((resolve) => setTimeout(resolve, 500)))));
      const key = `benchWide${Date.now()}${round}`;
      await gql(
        url,
        CREATE,
        { e: endpointId, input: { key, method: 'GET', path: '/cash-balance', paramsSchema: wideSchema() } },
        ctx.tokens.admin,
      );
      const { query, variables } = readOperationQuery(companyId, endpointId, key, { field0: 'abc' });
      const started = performance.now();
      const first = gql<{ readOperation: { status: number } }>(url, query, variables, ctx.tokens.ceo);
      const samples = await probeHealthz(url, first);
      const result = await first;
      if (result.readOperation.status !== 200)
        throw new Error(`the first call answered ${result.readOperation.status}`);
      seconds.push((performance.now() - started) / 1000);
      during.push(...samples);
      slowest.push(Math.max(...samples));
    }
    return [
      {
        name: 'schema-compile-event-loop',
        metric: `slowest /healthz (ms) during the first readOperation of an operation with a ${PROPERTIES}-property schema`,
        value: round2(Math.max(...during)),
        baseline: round2(Math.max(...idle)),
        ratio: null,
        target: `≤ ${TARGET_MS} ms`,
        pass: Math.max(...during) <= TARGET_MS,
        note: `${during.length} probes over ${rounds} first calls; slowest per call ${slowest.map(round2).join(', ')} ms; p99 ${round2(percentile(during, 99))} ms; idle p99 ${round2(percentile(idle, 99))} ms; first calls took ${seconds.map(round2).join(', ')} s`,
      },
    ];
  },
};
