// Runs once per `vitest run`: names a temporary folder for this run's build of the web app.
// The first end-to-end test file to start builds into it (see web-build.ts), so runs that
// have no end-to-end test in them build nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { hasChromium, SKIP_REASON } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's web build goes (built on first use); empty when Chromium is missing. */
    webDist: string;
  }
}

export default function setup(project: TestProject) {
  if (!hasChromium) {
    console.warn(SKIP_REASON);
    project.provide('webDist', '');
    return;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'tessera-web-'));
  project.provide('webDist', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
