// Peak resident memory of the Tessera process under the dashboard load. Tessera runs as a child
// of the bench (the `pnpm start` bundle), so its RSS is its own: sampled from /proc/<pid>/status
// every 100 ms during the load (VmRSS); VmHWM, the peak since the process started (start-up
// included), goes in the note.
import { load, type Scenario } from '../harness.ts';
import { round2 } from '../stats.ts';
import { dashboardRequests } from './dashboard.ts';

const LIMIT_MB = 250;
const CONNECTIONS = 10;

export const memory: Scenario = {
  name: 'memory',
  async run(ctx) {
    const before = ctx.tessera.memoryMb().rss;
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(ctx.tessera.memoryMb().rss), 100);
    try {
      await load(ctx.tessera.url, dashboardRequests(ctx), { seconds: ctx.loadSeconds * 2, connections: CONNECTIONS });
    } finally {
      clearInterval(sampler);
    }
    const peak = Math.max(...samples);
    const { peak: sinceStart } = ctx.tessera.memoryMb();
    return [
      {
        name: 'memory',
        metric: `peak RSS of the server process under the dashboard load, ${CONNECTIONS} connections (MB)`,
        value: round2(peak),
        baseline: null,
        ratio: null,
        target: `≤ ${LIMIT_MB} MB`,
        pass: peak <= LIMIT_MB,
        note: `max of ${samples.length} VmRSS samples of the Tessera child over ${ctx.loadSeconds * 2} s; RSS before the load ${round2(before)} MB; VmHWM since start ${round2(sinceStart)} MB`,
      },
    ];
  },
};
