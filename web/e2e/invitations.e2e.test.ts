// Invitations in a real browser: Globex's company admin invites an address from the People
// page (no mail server here, so the page shows the link to pass on), a newcomer opens the link
// in another browser, chooses a password and lands in the app with the role; a revoked link
// says it no longer works.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useE2eApp } from './harness.ts';

describe.skipIf(!hasChromium)('Invitations (Chromium)', () => {
  const app = useE2eApp();
  const panel = (page: Page) => page.locator('main').getByRole('region', { name: 'Invitations to Globex' });

  async function invite(page: Page, email: string): Promise<string> {
    const form = panel(page).getByRole('form', { name: 'Invite someone' });
    await form.getByLabel('Email to invite').fill(email);
    await form.getByRole('checkbox', { name: 'Developer', exact: true }).check();
    await form.getByRole('button', { name: 'Invite' }).click();
    const link = panel(page).getByLabel('Invitation link');
    await expect.poll(() => link.inputValue()).toMatch(/\/invite\/tsr_inv_/);
    return link.inputValue();
  }

  it('a company admin invites; the newcomer accepts with a password and works at Globex', async () => {
    const admin = await app.newPage();
    await app.openPage(admin, 'People', { as: 'companyadmin@demo.test' });
    const link = await invite(admin, 'newcomer@example.test');
    expect(link.startsWith(app.baseUrl)).toBe(true);
    const row = panel(admin).getByRole('row').filter({ hasText: 'newcomer@example.test' });
    expect(await row.textContent()).toContain('Expires in 7 days');
    await app.screenshot(admin, 'invitations-sent');

    const newcomer = await app.newPage();
    await newcomer.goto(link);
    await newcomer.getByRole('heading', { name: 'Join Globex' }).waitFor();
    expect(await newcomer.locator('main').textContent()).toContain('Developer');
    await newcomer.getByLabel('Your name').fill('Nova Newcomer');
    await newcomer.getByLabel('Choose a password').fill('a-long-enough-password');
    await app.screenshot(newcomer, 'invitation-accept');
    await newcomer.getByRole('button', { name: 'Accept' }).click();
    await expect
      .poll(() => newcomer.getByRole('button', { name: 'Sign out', exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    const memberships = await app.server.db.userCompanyAccess.findMany({
      where: { user: { email: 'newcomer@example.test' } },
      select: { company: { select: { slug: true } }, role: { select: { key: true } } },
    });
    expect(memberships).toEqual([{ company: { slug: 'globex' }, role: { key: 'developer' } }]);

    // Accepted: no longer open on the People page.
    await admin.reload();
    await panel(admin).getByRole('heading', { name: 'Open invitations' }).waitFor();
    await expect.poll(() => panel(admin).getByText('newcomer@example.test').count()).toBe(0);
    expect(app.pageErrors(admin)).toEqual([]);
    expect(app.pageErrors(newcomer)).toEqual([]);
  });

  it('a revoked link says it no longer works', async () => {
    const admin = await app.newPage();
    await app.openPage(admin, 'People', { as: 'companyadmin@demo.test' });
    const link = await invite(admin, 'withdrawn@example.test');
    await panel(admin).getByRole('button', { name: 'Revoke the invitation of withdrawn@example.test' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect
      .poll(() => panel(admin).getByRole('status').textContent())
      .toBe('Revoked: the invitation of withdrawn@example.test no longer works.');

    const visitor = await app.newPage();
    await visitor.goto(link);
    await visitor.getByRole('heading', { name: 'This link does not work' }).waitFor();
    expect(await visitor.getByRole('alert').textContent()).toContain('Ask the person who invited you');
    await app.screenshot(visitor, 'invitation-revoked');
    expect(app.pageErrors(visitor)).toEqual([]);
  });
});
