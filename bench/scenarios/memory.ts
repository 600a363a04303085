// Peak resident memory of a Tessera process under the dashboard load: sampled from
// /proc/<pid>/status every 100 ms during the load (VmRSS). Two processes, both the `pnpm start`
// bundle: the one under test, as `pnpm start` runs it (its heap sized by TESSERA_MAX_HEAP_MB,
// default 192 MB, and an 8 MB young generation), and one with the heap left to V8's own sizing
// on this machine, which grows it lazily. Each row's note has the process's throughput under the
// same load, so what the sizing costs is in the table too.
import { load, TESSERA_BUNDLE, type BenchContext, type Scenario, type ServerProcess } from '../harness.ts';
import { round2 } from '../stats.ts';
import { dashboardRequests } from './dashboard.ts';

const LIMIT_MB = 250;
const CONNECTIONS = 10;
/** V8's own old-generation limit on a machine of this size (about 4 GB): the heap left unsized. */
const UNSIZED_HEAP_MB = 4096;

async function peakUnderLoad(ctx: BenchContext, server: ServerProcess) {
  const before = server.memoryMb().rss;
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(server.memoryMb().rss), 100);
  let rps: number;
  try {
    const result = await load(server.url, dashboardRequests(ctx), {
      seconds: ctx.loadSeconds * 2,
      connections: CONNECTIONS,
    });
    rps = result.requests / result.seconds;
  } finally {
    clearInterval(sampler);
  }
  return { peak: Math.max(...samples), before, rps, samples: samples.length };
}

export const memory: Scenario<ServerProcess> = {
  name: 'memory',
  prepare: (ctx) => ctx.start(TESSERA_BUNDLE, ctx.tesseraEnv({ TESSERA_MAX_HEAP_MB: String(UNSIZED_HEAP_MB) })),
  async run(ctx, unsized) {
    const rows = [];
    for (const [server, what] of [
      [ctx.tessera, 'as `pnpm start` runs it (heap sized to 192 MB)'],
      [unsized, `heap left to V8 (TESSERA_MAX_HEAP_MB=${UNSIZED_HEAP_MB})`],
    ] as const) {
      const { peak, before, rps, samples } = await peakUnderLoad(ctx, server);
      rows.push({
        name: 'memory',
        metric: `peak RSS under the dashboard load, ${CONNECTIONS} connections (MB), ${what}`,
        value: round2(peak),
        baseline: null,
        ratio: null,
        // The unsized process is a comparison (what the sizing saves and costs), not a target.
        target: server === ctx.tessera ? `≤ ${LIMIT_MB} MB` : 'comparison',
        pass: server === ctx.tessera ? peak <= LIMIT_MB : true,
        note: `max of ${samples} VmRSS samples over ${ctx.loadSeconds * 2} s; RSS before the load ${round2(before)} MB; ${round2(rps)} requests/s`,
      });
    }
    return rows;
  },
};
