// One real Tessera (its own database copy, real sandbox APIs, the web app built for this run)
// and one headless Debian Chromium per test file. Pages start at 1280×800; every test saves
// screenshots under test-artifacts/e2e/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/harness.ts';
import { CHROMIUM_PATH } from './browser.ts';
import { ensureWebBuilt } from './web-build.ts';

export { hasChromium, SKIP_REASON } from './browser.ts';

/** Screenshots: test-artifacts/e2e/ in the repository, or under TESSERA_ARTIFACTS_DIR when set. */
export const ARTIFACTS_DIR = join(
  process.env.TESSERA_ARTIFACTS_DIR ?? fileURLToPath(new URL('../../test-artifacts/', import.meta.url)),
  'e2e',
);
export const DEMO_PASSWORD = 'tessera-demo';

export interface E2eApp {
  server: TestServer;
  baseUrl: string;
  browser: Browser;
  /** A new browser context (own storage: a separate person) and page, at 1280×800 unless told. */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  /** Signs in through the sign-in form and waits for the app's header. */
  signIn(page: Page, email: string, password?: string): Promise<void>;
  /**
   * Signs in (as the Data Admin unless `as` says who), picks `company` in the header when given,
   * and opens `link` from the main navigation, as a person would; waits for the page's h1
   * (`heading`, else the link's name).
   */
  openPage(page: Page, link: string, options?: { as?: string; company?: string; heading?: string }): Promise<void>;
  /** Saves a full-page PNG as test-artifacts/e2e/<name>.png. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Uncaught exceptions of the app, per page: a test should end with none. */
  pageErrors(page: Page): string[];
  close(): Promise<void>;
}

// Flags as in the machine's notes: no sandbox as root, and no background network traffic to
// hosts this closed network cannot reach.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function startE2e(env: Record<string, string> = {}): Promise<E2eApp> {
  const webDist = inject('webDist');
  if (!webDist) throw new Error('no web build folder for this run: is Chromium installed?');
  await ensureWebBuilt(webDist);
  const server = await startTestServer({ WEB_DIST_DIR: webDist, SEED_DEMO: 'true', ...env });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const errors = new WeakMap<Page, string[]>();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });

  async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
    await page.goto('/');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Sign out', exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
  }

  return {
    server,
    baseUrl: server.url,
    browser,
    async newPage({ width = 1280, height = 800 } = {}) {
      const context = await browser.newContext({ baseURL: server.url, viewport: { width, height } });
      contexts.push(context);
      // Fail with Playwright's own message (which element, which state) before the test times out.
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const list: string[] = [];
      errors.set(page, list);
      page.on('pageerror', (error) => list.push(error.message));
      return page;
    },
    signIn,
    async openPage(page, link, { as = 'admin@demo.test', company, heading = link } = {}) {
      await signIn(page, as);
      if (company) await page.getByLabel('Company').selectOption({ label: company });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
      await page.locator('main').getByRole('heading', { name: heading, level: 1 }).waitFor();
    },
    async screenshot(page, name) {
      const path = join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    pageErrors: (page) => errors.get(page) ?? [],
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The file's app, started before its tests and closed after them. Call it in the describe block;
 * the object it returns is filled in by the time a hook or test runs, so tests use it as is.
 */
export function useE2eApp(env: Record<string, string> = {}): E2eApp {
  const app = {} as E2eApp;
  beforeAll(async () => {
    Object.assign(app, await startE2e(env));
  });
  afterAll(async () => {
    await app.close?.();
  });
  return app;
}
