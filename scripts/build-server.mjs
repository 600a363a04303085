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
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const SERVER_BUNDLE = 'server/dist/main.mjs';

/**
 * `entry` → `outfile` (both relative to the repository). `replace` maps a source file to another
 * that the bundle uses in its place (not in the replacement itself): the bench's variants are built
 * that way, so the product needs no switch for them.
 */
export async function buildServer({ entry = 'server/src/main.ts', outfile = SERVER_BUNDLE, replace = {} } = {}) {
  const bundles = [
    [entry, outfile],
    ['server/src/offload/offload.worker.ts', join(dirname(outfile), 'offload-worker.mjs')],
  ];
  await Promise.all(bundles.map(([entryPoint, out]) => bundle(entryPoint, out, replace)));
}

function replaceFiles(replace) {
  const byPath = new Map(Object.entries(replace).map(([from, to]) => [resolve(root, from), resolve(root, to)]));
  return {
    name: 'replace-files',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const target = byPath.get(resolve(args.resolveDir, args.path));
        return target && target !== args.importer ? { path: target } : undefined;
      });
    },
  };
}

function bundle(entry, outfile, replace) {
  return build({
    plugins: [replaceFiles(replace)],
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

// `node scripts/build-server.mjs [entry outfile [from=to ...]]` (the bench bundles its no-shield variant).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [entry, outfile, ...replacements] = process.argv.slice(2);
  const replace = Object.fromEntries(replacements.map((r) => r.split('=')));
  await buildServer(entry && outfile ? { entry, outfile, replace } : {});
}
