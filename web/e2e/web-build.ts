// Builds the web app once per test run, whichever test file (in whichever worker process)
// asks first: an exclusive lock file decides who builds; the others wait for its marker.
import { existsSync, openSync, closeSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'vite';

const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD_TIMEOUT_MS = 180_000;

export async function ensureWebBuilt(outDir: string): Promise<void> {
  const done = join(outDir, '.built');
  const failed = join(outDir, '.failed');
  let owner = false;
  try {
    closeSync(openSync(join(outDir, '.lock'), 'wx'));
    owner = true;
  } catch {
    // Another test file is building it.
  }
  if (owner) {
    try {
      // The production bundle, as `pnpm start` serves it: vitest sets NODE_ENV=test, which the
      // React plugin and React itself would read as "development build".
      const nodeEnv = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        await build({
          root: WEB_ROOT,
          configFile: join(WEB_ROOT, 'vite.config.ts'),
          mode: 'production',
          logLevel: 'warn',
          build: { outDir, emptyOutDir: false },
        });
      } finally {
        process.env.NODE_ENV = nodeEnv;
      }
      writeFileSync(done, '');
    } catch (error) {
      writeFileSync(failed, String(error));
      throw error;
    }
    return;
  }
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (!existsSync(done)) {
    if (existsSync(failed)) throw new Error(`the web build failed:\n${readFileSync(failed, 'utf8')}`);
    if (Date.now() > deadline) throw new Error('timed out waiting for the web build');
    await sleep(200);
  }
}
