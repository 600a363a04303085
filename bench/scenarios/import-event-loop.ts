// How long the event loop is held while an OpenAPI import runs (issue 16, item 2): /healthz is
// asked back to back during an import of the generated 100 × 400-property document (dryRun, then
// a real one that writes 100 operations), and its slowest answer is the event loop's longest
// stall (plus one local round trip). Before the import moved to the offload worker, this
// document held the loop for about 10 s. Baseline: the same probe with no import running.
import { largeDocument } from '../../server/src/modules/openapi/fixtures/large-document.ts';
import { gql, type Scenario } from '../harness.ts';
import { probeHealthz } from '../probe.ts';
import { percentile, round2 } from '../stats.ts';

const TARGET_MS = 50;
const IMPORT =
  'mutation ($c: ID!, $d: String!, $dry: Boolean) { importOpenApi(companyId: $c, document: $d, dryRun: $dry) { operationsCreated } }';

export const importEventLoop: Scenario = {
  name: 'import-event-loop',
  async run(ctx) {
    const url = ctx.tessera.url;
    const companyId = ctx.world.finance.companyId;
    const rounds = ctx.quick ? 1 : 3;
    const idle: number[] = [];
    const during: { dry: number[]; write: number[]; seconds: number[] } = { dry: [], write: [], seconds: [] };
    for (let round = 0; round < rounds; round++) {
      idle.push(...(await probeHealthz(url, new Promise((resolve) => setTimeout(resolve, 1000)))));
      for (const dry of [true, false]) {
        const document = largeDocument({ title: `Bench Import ${Date.now()} ${round}` });
        const started = performance.now();
        const imported = gql<{ importOpenApi: { operationsCreated: string[] } }>(
          url,
          IMPORT,
          { c: companyId, d: document, dry },
          ctx.tokens.admin,
        );
        const samples = await probeHealthz(url, imported);
        const result = await imported;
        if (result.importOpenApi.operationsCreated.length !== 100)
          throw new Error(`the import created ${result.importOpenApi.operationsCreated.length} operations, not 100`);
        during.seconds.push((performance.now() - started) / 1000);
        (dry ? during.dry : during.write).push(...samples);
      }
    }
    const max = (xs: number[]) => round2(Math.max(...xs));
    const row = (which: 'dry' | 'write', label: string) => {
      const samples = during[which];
      return {
        name: `import-event-loop ${which}`,
        metric: `slowest /healthz (ms) during an OpenAPI import of 100 operations × 400 properties, ${label}`,
        value: max(samples),
        baseline: max(idle),
        ratio: null,
        target: `≤ ${TARGET_MS} ms`,
        pass: Math.max(...samples) <= TARGET_MS,
        note: `${samples.length} probes, p50 ${round2(percentile(samples, 50))} ms, p99 ${round2(percentile(samples, 99))} ms; idle p99 ${round2(percentile(idle, 99))} ms; imports took ${during.seconds.map(round2).join(', ')} s`,
      };
    };
    return [row('dry', 'dryRun'), row('write', 'writing to PostgreSQL')];
  },
};
