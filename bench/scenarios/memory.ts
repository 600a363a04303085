// Peak resident memory of a Tessera process under the dashboard load: sampled from
// /proc/<pid>/status every 100 ms during the load (VmRSS). Two processes, both the `pnpm start`
// bundle: the one under test (Node's default heap sizing, which lets V8 grow its heap lazily on a
// large machine) and one started with NODE_OPTIONS=--max-old-space-size, as an operator sizes the
// heap to a memory budget. Each row's note has the process's throughput under the same load, so
// the cap's cost (or its absence) is in the table too.
import { load, TESSERA_BUNDLE, type BenchContext, type Scenario, type ServerProcess } from '../harness.ts';
import { round2 } from '../stats.ts';
import { dashboardRequests } from './dashboard.ts';

const LIMIT_MB = 250;
const CONNECTIONS = 10;
/** The heap budget of the capped process (MB): `NODE_OPTIONS=--max-old-space-size=160 pnpm start`. */
export const HEAP_CAP_MB = 160;

async function peakUnderLoad(ctx: BenchContext, server: ServerProcess) {
  const before = server.memoryMb().rss;
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(server.memoryMb().rss), 100);
  let rps: number;
  try {
    const result = await load(server.url, dashboardRequests(ctx), { seconds: ctx.loadSeconds * 2, connections: CONNECTIONS });
    rps = result.requests / result.seconds;
  } finally {
    clearInterval(sampler);
  }
  return { peak: Math.max(...samples), before, rps, samples: samples.length };
}

export const memory: Scenario<ServerProcess> = {
  name: 'memory',
  prepare: (ctx) => ctx.start(TESSERA_BUNDLE, ctx.tesseraEnv({ NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` })),
  async run(ctx, capped) {
    const rows = [];
    for (const [server, what] of [
      [ctx.tessera, 'default heap sizing'],
      [capped, `heap capped at ${HEAP_CAP_MB} MB (NODE_OPTIONS=--max-old-space-size=${HEAP_CAP_MB})`],
    ] as const) {
      const { peak, before, rps, samples } = await peakUnderLoad(ctx, server);
      rows.push({
        name: 'memory',
        metric: `peak RSS under the dashboard load, ${CONNECTIONS} connections (MB), ${what}`,
        value: round2(peak),
        baseline: null,
        ratio: null,
        target: `≤ ${LIMIT_MB} MB`,
        pass: peak <= LIMIT_MB,
        note: `max of ${samples} VmRSS samples over ${ctx.loadSeconds * 2} s; RSS before the load ${round2(before)} MB; ${round2(rps)} requests/s`,
      });
    }
    return rows;
  },
};
