// /graphiql: GraphiQL bundled from npm (nothing from a CDN), running requests as the person
// signed in to the web app, over HTTP and over the WebSocket.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldIds } from '../../server/test/world.ts';
import { hasChromium, SKIP_REASON, startE2e, type E2eApp } from './harness.ts';

let app: E2eApp;

beforeAll(async () => {
  if (hasChromium) app = await startE2e();
});
afterAll(async () => {
  await app?.close();
});

/** Replaces the operation editor's text (Monaco) and runs it. */
async function run(page: Page, operation: string) {
  const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText bypasses Monaco's bracket auto-closing, which typing key by key would trigger.
  await page.keyboard.insertText(operation);
  // GraphiQL parses the editor 100 ms after the last change (is it a subscription? then the
  // WebSocket); a test typing this fast would otherwise run the previous document's kind.
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: /^Execute query/ }).click();
}

const responseText = (page: Page) => page.locator('.graphiql-response').innerText();

describe.skipIf(!hasChromium)('GraphiQL', () => {
  it('without a session, says to sign in first and links to the sign-in page', async () => {
    const page = await app.newPage();
    await page.goto('/graphiql');
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/not signed in/);
    expect(await page.getByRole('link', { name: 'Sign in to Tessera' }).getAttribute('href')).toBe('/');
    await app.screenshot(page, 'graphiql-signed-out');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('runs queries and subscriptions as the signed-in user, loading nothing from another host', async () => {
    const page = await app.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (
        !url.startsWith(app.baseUrl) &&
        !/^(data|blob):/.test(url) &&
        !url.startsWith(app.baseUrl.replace(/^http/, 'ws'))
      )
        foreign.push(url);
    });
    await app.signIn(page, 'ceo@demo.test');
    await page.goto('/graphiql');
    await expect
      .poll(() => page.locator('.graphiql-query-editor .monaco-editor').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);

    await run(page, '{ me { email } }');
    await expect.poll(() => responseText(page), { timeout: 15_000 }).toContain('"ceo@demo.test"');
    await app.screenshot(page, 'graphiql-me');

    // A subscription goes over graphql-ws; the token travels in the connection params.
    const acme = (await worldIds(app.server.db)).company.acme!;
    await run(
      page,
      `subscription { chatStream(companyId: "${acme}", message: "What is our cash balance?") { type reply { model } } }`,
    );
    await expect.poll(() => responseText(page), { timeout: 20_000 }).toContain('offline-planner');
    await app.screenshot(page, 'graphiql-subscription');

    expect(foreign).toEqual([]);
    expect(app.pageErrors(page)).toEqual([]);
  });
});

if (!hasChromium) console.warn(SKIP_REASON);
