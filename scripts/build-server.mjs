// Bundles the server (server/src/main.ts and what it imports) into server/dist/main.mjs with
// esbuild, packages left external. `pnpm start` runs it before every start (about 0.3 s), so
// the bundle is never older than the source. Compared with compiling TypeScript at start (tsx,
// which `pnpm dev` and the tests still use), the process starts faster and holds about 100 MB
// less: no loader thread, no per-file transform cache (bench/ measures both).
//
// The bundle sits at the same depth as server/src/*.ts, so `new URL('../../…', import.meta.url)`
// in a top-level source file points at the same place before and after bundling (see
// server/src/repo-root.ts); deeper files must not resolve paths from their own location.
//
// The offload worker (server/src/offload/) is a second bundle beside it, offload-worker.mjs:
// a worker thread needs a file of its own, and the bundled offload.ts looks for it there.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const SERVER_BUNDLE = 'server/dist/main.mjs';

/** `entry` → `outfile` (both relative to the repository; the bench bundles a variant too). */
export async function buildServer({ entry = 'server/src/main.ts', outfile = SERVER_BUNDLE } = {}) {
  const bundles = [
    [entry, outfile],
    ['server/src/offload/offload.worker.ts', join(dirname(outfile), 'offload-worker.mjs')],
  ];
  await Promise.all(bundles.map(([entryPoint, out]) => bundle(entryPoint, out)));
}

function bundle(entry, outfile) {
  return build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    tsconfig: 'server/tsconfig.json',
    logLevel: 'warning',
  });
}

// `node scripts/build-server.mjs [entry outfile]` (the bench bundles its no-shield variant).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [entry, outfile] = process.argv.slice(2);
  await buildServer(entry && outfile ? { entry, outfile } : {});
}
