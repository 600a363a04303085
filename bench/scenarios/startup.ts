// A fresh start as `pnpm start` does it (its two commands: bundle the server, run the bundle;
// embedded PGlite in a new DATA_DIR: migrations, demo seed, sandbox) until /readyz answers 200.
// No baseline: an absolute target.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleServer, freePort, startProcess, TESSERA_BUNDLE, type Scenario } from '../harness.ts';
import { percentile, round2 } from '../stats.ts';

const LIMIT_SECONDS = 10;

async function startOnce(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bench-startup-'));
  const port = await freePort();
  const { DATABASE_URL: _db, REDIS_URL: _redis, DATABASE_APP_URL: _app, ...env } = process.env;
  const started = performance.now();
  await bundleServer();
  // Ready as soon as the process prints its URL; the clock stops at the first healthy /readyz.
  const server = await startProcess(
    TESSERA_BUNDLE,
    {
      ...env,
      DATA_DIR: dataDir,
      PORT: String(port),
      SANDBOX_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    /(?:Tessera is running at) (\S+)/,
  );
  try {
    for (;;) {
      const res = await fetch(`${server.url}/readyz`).catch(() => null);
      if (res?.status === 200) return (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const startup: Scenario = {
  name: 'startup',
  async run(ctx) {
    const runs: number[] = [];
    for (let i = 0; i < (ctx.quick ? 1 : 3); i += 1) runs.push(await startOnce());
    const median = percentile(runs, 50);
    return [
      {
        name: 'startup',
        metric: "seconds from spawning `pnpm start`'s command (PGlite, new DATA_DIR) to a healthy /readyz",
        value: round2(median),
        baseline: null,
        ratio: null,
        target: `≤ ${LIMIT_SECONDS} s`,
        pass: median <= LIMIT_SECONDS,
        note: `${runs.length} fresh start(s): ${runs.map(round2).join(', ')} s`,
      },
    ];
  },
};
