// The Content-Security-Policy in a real browser (server/src/http/security-headers.ts): the
// sign-in page, the dashboard, the pages with charts (Analytics), with the WebSocket
// (Assistant) and with forms (Access), and /graphiql with its Monaco editor and workers, all
// work with no CSP violation reported; and another site cannot frame the app (clickjacking).
// (Without 'unsafe-inline' in /graphiql's style-src, the second test lists Monaco's inline
// styles as violations: the check sees them.)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useE2eApp } from './harness.ts';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

describe.skipIf(!hasChromium)('security headers (Chromium)', () => {
  const app = useE2eApp();

  /** A page that records every CSP violation: the DOM event and the console's "Refused to …". */
  async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const page = await app.newPage();
    const consoleRefusals: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) consoleRefusals.push(message.text());
    });
    // Init scripts come from the browser, not the page: the CSP does not apply to them.
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations!.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        ),
      );
    });
    const violations = async () => [...consoleRefusals, ...(await page.evaluate(() => window.__cspViolations ?? []))];
    return { page, violations };
  }

  it('the sign-in page, the dashboard, Assistant, Analytics and Access load with no CSP violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto('/');
    await page.getByLabel('Email').waitFor();
    expect(await violations()).toEqual([]);

    await app.signIn(page, 'ceo@demo.test');
    await expect.poll(() => page.locator('.widget-value').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    // The assistant streams over the WebSocket (connect-src 'self').
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assistant', exact: true }).click();
    await page.locator('main').getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    expect(app.pageErrors(page)).toEqual([]);

    // Charts (recharts' SVG and inline style properties) and the administrators' forms.
    for (const link of ['Analytics', 'Access']) {
      const admin = await watchedPage();
      await app.openPage(admin.page, link, { company: 'Acme Corp' });
      await admin.page.waitForLoadState('networkidle');
      expect(await admin.violations(), link).toEqual([]);
      expect(app.pageErrors(admin.page)).toEqual([]);
    }
  });

  it('/graphiql loads its editor, its workers and runs a query with no CSP violation', async () => {
    const { page, violations } = await watchedPage();
    await app.signIn(page, 'ceo@demo.test');
    await page.goto('/graphiql');
    await expect
      .poll(() => page.locator('.graphiql-query-editor .monaco-editor').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ me { email } }');
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: /^Execute query/ }).click();
    await expect
      .poll(() => page.locator('.graphiql-response').innerText(), { timeout: 15_000 })
      .toContain('"ceo@demo.test"');
    expect(await violations()).toEqual([]);
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('another site cannot show the app in a frame (frame-ancestors, X-Frame-Options)', async () => {
    // A page of another origin (a server on 127.0.0.2; the app is on 127.0.0.1) framing the
    // sign-in page. A real server: Chromium treats a page Playwright makes up as public, and
    // would block its frame to loopback for that reason alone.
    const attacker = createServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><iframe id="victim" src="${app.baseUrl}/" width="800" height="600"></iframe>`),
    );
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.2', resolve));
    try {
      const page = await app.newPage();
      await page.goto(`http://127.0.0.2:${(attacker.address() as AddressInfo).port}/`);
      await page.waitForLoadState('networkidle');
      const framed = page.frames().find((f) => f !== page.mainFrame())!;
      // The refused frame holds the browser's error page, never the app (its sign-in form).
      await expect.poll(() => framed.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
      expect(await framed.content()).toMatch(/ERR_BLOCKED_BY_RESPONSE/);
      expect(await framed.locator('input[type="password"]').count()).toBe(0);
    } finally {
      await new Promise<void>((resolve) => attacker.close(() => resolve()));
    }
  });
});
