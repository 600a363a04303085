// Every page, as the people who use it, checked by axe-core (WCAG 2.1 A and AA rules) in the
// real browser: no serious or critical violation. Minor ones are printed, not failed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

const AXE_SCRIPT = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an injected inline <script>.
  await page.evaluate(AXE_SCRIPT);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

const PAGES = [
  { as: 'ceo@demo.test', path: '/', ready: 'Dashboard' },
  { as: 'ceo@demo.test', path: '/assistant', ready: 'Assistant' },
  { as: 'ceo@demo.test', path: '/apis', ready: /APIs you can use/ },
  { as: 'admin@demo.test', path: '/admin/access', ready: 'Access' },
  { as: 'admin@demo.test', path: '/admin/credentials', ready: /Credentials at/ },
  { as: 'admin@demo.test', path: '/admin/endpoints', ready: /Endpoints/ },
  { as: 'admin@demo.test', path: '/admin/people', ready: 'People' },
  { as: 'admin@demo.test', path: '/admin/sso', ready: 'Single sign-on' },
  { as: 'admin@demo.test', path: '/admin/dashboard', ready: 'Dashboard settings' },
  { as: 'admin@demo.test', path: '/audit', ready: 'Audit log' },
  { as: 'admin@demo.test', path: '/analytics', ready: 'Analytics' },
  { as: 'ceo@demo.test', path: '/tokens', ready: 'Access tokens' },
] as const;

describe.skipIf(!hasChromium)('accessibility: axe-core on every page (Chromium)', () => {
  const app = useE2eApp();

  it('the sign-in page has no serious or critical violation', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Demo logins' }).waitFor();
    expect(serious(await axeViolations(page))).toEqual([]);
  });

  it.each(PAGES)('$path as $as has no serious or critical violation', async ({ as, path, ready }) => {
    const page = await app.newPage();
    await app.signIn(page, as);
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: ready }).first().waitFor();
    // Let loading placeholders give way to content, so the check sees the page people read.
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    const minor = violations.filter((v) => !isSerious(v));
    if (minor.length > 0)
      console.info(`${path}: minor accessibility findings`, minor.map((v) => `${v.id} (${v.nodes.length})`).join(', '));
    expect(serious(violations)).toEqual([]);
  });
});

const isSerious = (v: Violation) => v.impact === 'serious' || v.impact === 'critical';
/** What failed and where, readable in the test output. */
const serious = (violations: Violation[]) =>
  violations.filter(isSerious).map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

if (!hasChromium) console.warn(SKIP_REASON);
