// The frame every page lives in: sign-in with the demo logins, the company switcher and its
// memory across reloads, admin pages closed to others, session expiry, keyboard and phone use.
import { describe, expect, it } from 'vitest';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

describe.skipIf(!hasChromium)('web app shell (Chromium)', () => {
  const app = useE2eApp();
  /** `me` over HTTP with a token the page held: the email, or the error code. */
  const meWith = async (token: string | null) => {
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    const body = (await res.json()) as {
      data?: { me: { email: string } } | null;
      errors?: { extensions?: { code?: string } }[];
    };
    return body.data?.me.email ?? body.errors?.[0]?.extensions?.code;
  };

  it('signs in with a demo login chosen on the page, and signs out', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Demo logins' }).waitFor();
    await page.getByRole('button', { name: /ceo@demo\.test/ }).click();
    expect(await page.getByLabel('Email').inputValue()).toBe('ceo@demo.test');
    expect(await page.getByLabel('Password').inputValue()).toBe('tessera-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    expect(await page.locator('.who .name').textContent()).toBe('Casey CEO');
    await app.screenshot(page, 'shell-signed-in');

    const token = await page.evaluate(() => localStorage.getItem('tessera.token'));
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('tessera.token'))).toBeNull();
    // The server ended the session too (logout): the old token is refused.
    expect(await meWith(token)).toBe('UNAUTHENTICATED');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('signs out everywhere: this session and every other one of the person end', async () => {
    const page = await app.newPage();
    await app.signIn(page, 'dev@demo.test');
    const other = await page.evaluate(() => localStorage.getItem('tessera.token'));
    const second = await app.newPage();
    await app.signIn(second, 'dev@demo.test');
    await second.getByRole('button', { name: 'Sign out everywhere' }).click();
    await second.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
    await second.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await meWith(other)).toBe('UNAUTHENTICATED');
    expect(app.pageErrors(second)).toEqual([]);
  });

  it('a wrong password is said in a sentence next to the form', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.getByLabel('Email').fill('ceo@demo.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Invalid email or password.');
    await app.screenshot(page, 'shell-wrong-password');
  });

  it('the company switcher changes every page and is remembered across reloads', async () => {
    const page = await app.newPage();
    await app.signIn(page, 'ceo@demo.test');
    await page.getByRole('link', { name: 'My APIs' }).click();
    const switcher = page.getByLabel('Company');
    expect(await switcher.locator('option').allTextContents()).toEqual(['Acme Corp', 'Globex']);
    await page.getByRole('heading', { name: 'APIs you can use at Acme Corp' }).waitFor();
    // The heading shows at once; the list follows when its query answers.
    await expect
      .poll(() => page.locator('.endpoints h3').allTextContents())
      .toEqual(expect.arrayContaining(['Sales API', 'Finance API']));

    await switcher.selectOption({ label: 'Globex' });
    await page.getByRole('heading', { name: 'APIs you can use at Globex' }).waitFor();
    await expect
      .poll(() => page.locator('.endpoints h3').allTextContents())
      .toEqual(expect.arrayContaining(['HR API', 'Operations API']));
    expect(await page.locator('.endpoints h3').allTextContents()).not.toContain('Finance API');

    await page.reload();
    await page.getByRole('heading', { name: 'APIs you can use at Globex' }).waitFor();
    expect(await page.getByLabel('Company').inputValue()).toBe(
      await page.getByLabel('Company').locator('option', { hasText: 'Globex' }).getAttribute('value'),
    );
    await app.screenshot(page, 'shell-company-switcher');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('a person without an admin role sees no admin links and cannot open admin pages', async () => {
    const page = await app.newPage();
    await app.signIn(page, 'dev@demo.test');
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access', exact: true }).count(),
    ).toBe(0);
    for (const path of [
      '/admin/access',
      '/admin/credentials',
      '/admin/endpoints',
      '/admin/people',
      '/admin/dashboard',
      '/audit',
      '/analytics',
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { name: 'Administrators only' }).waitFor();
    }
    await app.screenshot(page, 'shell-admin-only');
  });

  it('an administrator sees the admin links', async () => {
    const page = await app.newPage();
    await app.signIn(page, 'admin@demo.test');
    const admin = page.getByRole('list', { name: 'Administration' });
    expect(await admin.getByRole('link').allTextContents()).toEqual([
      'Access',
      'Credentials',
      'Endpoints',
      'People',
      'Single sign-on',
      'Dashboard settings',
      'Audit log',
      'Analytics',
      'GraphiQL',
    ]);
  });

  it('an expired session returns to sign-in and says why', async () => {
    const page = await app.newPage();
    await app.signIn(page, 'dev@demo.test');
    // A token whose exp has passed: the app must not keep showing a session the server refuses.
    const expired = jwtShape(Math.floor(Date.now() / 1000) - 60, 'sig');
    await page.evaluate((token) => localStorage.setItem('tessera.token', token), expired);
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Your session has expired. Please sign in again.');
    await app.screenshot(page, 'shell-session-expired');
  });

  it('a token the server refuses (signed with another secret) also returns to sign-in', async () => {
    const page = await app.newPage();
    await app.signIn(page, 'dev@demo.test');
    const forged = jwtShape(Math.floor(Date.now() / 1000) + 3600, 'forged');
    await page.evaluate((token) => localStorage.setItem('tessera.token', token), forged);
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('keyboard: the first Tab reaches a visible skip link that moves focus to the page', async () => {
    const page = await app.newPage();
    await app.signIn(page, 'ceo@demo.test');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Skip to content');
    expect(await page.getByRole('link', { name: 'Skip to content' }).boundingBox()).toMatchObject({
      y: expect.any(Number),
    });
    const box = await page.getByRole('link', { name: 'Skip to content' }).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
  });

  it('is usable at phone width: nothing wider than the screen', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await app.signIn(page, 'ceo@demo.test');
    await page.getByRole('link', { name: 'My APIs' }).click();
    await page.getByRole('heading', { name: /APIs you can use/ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await app.screenshot(page, 'shell-phone');
  });
});

if (!hasChromium) console.warn(SKIP_REASON);

/** A token with a JWT's shape (header, claims, signature) whose signature no server made. */
function jwtShape(exp: number, signature: string): string {
  const parts = ['{"alg":"HS256"}', `{"sub":"x","exp":${exp}}`].map((part) => Buffer.from(part).toString('base64url'));
  return `${parts.join('.')}.${signature}`;
}
