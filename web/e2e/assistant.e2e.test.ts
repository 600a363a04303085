// The assistant in a real browser, as the CEO at Acme Corp: a read question streams its answer
// with a tool trace; a request to create an opportunity shows a pending action with the exact
// request; confirming it runs it (checked through the API); opening the page again still lists
// an undecided action, and rejecting it changes nothing; a change proposed through MCP appears
// on the open page and runs once confirmed there.
//
// The model is scripted (server/test/fake-openai.ts, an OpenAI-compatible server): the default
// offline planner only reads, so it never proposes a change.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeOpenAI,
  type ChatRequestBody,
  type FakeOpenAI,
  type ScriptedReply,
} from '../../server/test/fake-openai.ts';
import { connectMcp } from '../../server/test/mcp-client.ts';
import { worldIds, type WorldIds } from '../../server/test/world.ts';
import { parseToolResult } from '../../server/src/assistant/tool-result.ts';
import { hasChromium, SKIP_REASON, startE2e, type E2eApp } from './harness.ts';

let fake: FakeOpenAI;
let app: E2eApp;
let ids: WorldIds;
let ceoToken: string;

/** The scripted model: reads the cash balance; proposes an opportunity named in the question. */
function model(body: ChatRequestBody): ScriptedReply {
  const messages = body.messages as { role: string; content: string | null; name?: string }[];
  const question = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const last = messages.at(-1)!;
  const result = last.role === 'tool' ? parseToolResult(last.content ?? '') : null;
  if (/cash/i.test(question)) {
    if (!result) return { toolCalls: [{ name: 'finance-api__getCashBalance', arguments: {} }] };
    return {
      content: `Your cash balance is ${(result.data as { total: number }).total} USD in total.`,
      chunkDelayMs: 30,
    };
  }
  const name = /called "([^"]+)"/.exec(question)?.[1];
  if (name) {
    if (!result) return { toolCalls: [{ name: 'sales-api__listAccounts', arguments: { limit: 1 } }] };
    if (result.tool === 'sales-api__listAccounts') {
      const account = (result.data as { data: { id: string }[] }).data[0]!;
      return {
        toolCalls: [{ name: 'sales-api__createOpportunity', arguments: { name, accountId: account.id, amount: 4242 } }],
      };
    }
    return { content: `I proposed the opportunity "${name}". It waits for your confirmation.` };
  }
  if (/slowly/i.test(question))
    return { content: 'This answer takes its time to arrive, word by word.', chunkDelayMs: 1_500 };
  return { content: 'I can help with cash and opportunities.' };
}

beforeAll(async () => {
  if (!hasChromium) return;
  fake = await startFakeOpenAI();
  fake.script(model);
  app = await startE2e({
    OPENAI_BASE_URL: fake.url,
    OPENAI_API_KEY: 'sk-e2e-not-a-secret',
    OPENAI_MODEL: 'fake-model',
  });
  ids = await worldIds(app.server.db);
  ceoToken = await app.server.login('ceo@demo.test');
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
});

async function read<T>(endpoint: string, operation: string, params: Record<string, unknown> = {}): Promise<T> {
  const res = await app.server.gql<{ readOperation: { data: T } }>(
    'query ($c: ID!, $e: ID!, $o: String!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: $o, params: $p) { data } }',
    { c: ids.company.acme, e: ids.endpoint[`acme/${endpoint}`], o: operation, p: params },
    ceoToken,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.readOperation.data;
}

const opportunitiesNamed = async (name: string) =>
  (
    await read<{ data: { name: string; amount: number }[] }>('sales-api', 'listOpportunities', { limit: 100 })
  ).data.filter((o) => o.name === name);

const main = (page: Page) => page.locator('main');
const log = (page: Page) => main(page).getByRole('log', { name: 'Conversation' });

async function openAssistant(page: Page) {
  await app.signIn(page, 'ceo@demo.test');
  await page.getByLabel('Company').selectOption({ label: 'Acme Corp' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assistant' }).click();
  await main(page).getByRole('heading', { name: 'Assistant', level: 1 }).waitFor();
}

async function ask(page: Page, question: string) {
  const box = main(page).getByLabel('Ask about Acme Corp');
  await box.fill(question);
  await box.press('Enter');
}

describe.skipIf(!hasChromium)('Assistant (Chromium)', () => {
  it('streams a read answer with its tool trace, then a proposed change runs only once confirmed', async () => {
    const page = await app.newPage();
    await openAssistant(page);
    // Suggestions come from what the CEO may read at Acme.
    await expect
      .poll(() => main(page).getByRole('button', { name: 'What is our cash balance?' }).isVisible())
      .toBe(true);

    await ask(page, 'What is our cash balance?');
    const total = (await read<{ total: number }>('finance-api', 'getCashBalance')).total;
    await expect
      .poll(() => log(page).innerText(), { timeout: 20_000 })
      .toContain(`Your cash balance is ${total} USD in total.`);
    const trace = log(page).locator('.msg-assistant').last().locator('.trace li');
    expect(await trace.allInnerTexts()).toEqual([expect.stringMatching(/finance-api · getCashBalance\s+HTTP 200/)]);
    // The model's name comes with the final reply event, a moment after the streamed text.
    await expect.poll(() => log(page).innerText()).toContain('Answered by fake-model');
    await app.screenshot(page, 'assistant-read');

    await ask(page, 'Create an opportunity called "E2E Deal" for our first account.');
    const card = log(page).getByRole('article', { name: 'Create an opportunity.' });
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator('.request-line').innerText()).toMatch(/POST\s+\/opportunities/);
    // The exact URL it is bound to: a changed API or operation is refused, not sent (issue 16.5).
    expect(await card.locator('.request-url').innerText()).toMatch(
      /^Sent to http:\/\/127\.0\.0\.1:\d+\/acme\/[a-z-]+\/opportunities, and only there/,
    );
    const request = JSON.parse(await card.locator('pre.request').innerText()) as {
      params: object;
      body: { name: string; amount: number; accountId: string };
    };
    expect(request).toEqual({ params: {}, body: { name: 'E2E Deal', amount: 4242, accountId: expect.any(String) } });
    expect(await card.innerText()).toContain('Awaiting your decision');
    expect(await card.innerText()).toContain('expires in 15 minutes');
    expect(await trace.allInnerTexts()).toEqual([
      expect.stringMatching(/sales-api · listAccounts\s+HTTP 200/),
      expect.stringMatching(/sales-api · createOpportunity\s+proposed: waits for your decision/),
    ]);
    // Nothing written yet.
    expect(await opportunitiesNamed('E2E Deal')).toEqual([]);
    await app.screenshot(page, 'assistant-pending-action');

    await card.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => card.innerText(), { timeout: 15_000 })
      .toMatch(/Executed: HTTP 201 · id: \S+ · name: E2E Deal/);
    expect(await card.getByRole('button', { name: 'Confirm' }).count()).toBe(0);
    expect(await opportunitiesNamed('E2E Deal')).toEqual([expect.objectContaining({ name: 'E2E Deal', amount: 4242 })]);
    await app.screenshot(page, 'assistant-executed');

    // The conversation went on in one conversation: the second question carried the first.
    const lastRequest = fake.requests.at(-1)!.body.messages as { role: string; content: string }[];
    expect(lastRequest.some((m) => m.role === 'user' && m.content === 'What is our cash balance?')).toBe(true);
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('lists an undecided change when the page opens again; rejecting it writes nothing', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await openAssistant(page);
    await ask(page, 'Create an opportunity called "Maybe Deal".');
    await log(page).getByRole('article', { name: 'Create an opportunity.' }).waitFor({ timeout: 20_000 });

    // Leave the page and come back: the conversation on screen is gone, the undecided action is
    // listed again from the server (myPendingActions), as after a reload.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assistant' }).click();
    const earlier = main(page).getByRole('region', { name: 'Waiting for your decision' });
    const card = earlier.getByRole('article', { name: 'Create an opportunity.' });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.locator('pre.request').innerText()).toContain('"name": "Maybe Deal"');
    await app.screenshot(page, 'assistant-pending-again-phone');

    await card.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => card.innerText()).toContain('Rejected. Nothing was changed.');
    expect(await opportunitiesNamed('Maybe Deal')).toEqual([]);
    const row = await app.server.db.pendingAction.findFirstOrThrow({
      where: { args: { path: ['body', 'name'], equals: 'Maybe Deal' } },
    });
    expect(row.status).toBe('rejected');

    // The answer shows as it streams; Stop ends it and gives the composer back.
    await ask(page, 'Answer slowly, please.');
    await expect
      .poll(() => log(page).locator('.msg-assistant').last().innerText(), { timeout: 10_000 })
      .toContain('This answer');
    expect(await log(page).locator('.msg-assistant').last().getAttribute('aria-busy')).toBe('true');
    await main(page).getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => log(page).innerText()).toContain('You stopped this answer.');
    await main(page).getByRole('button', { name: 'Send' }).waitFor();

    // A new conversation starts empty, with the suggestions again.
    await main(page).getByLabel('Ask about Acme Corp').fill('Hello');
    await main(page).getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => log(page).innerText(), { timeout: 15_000 })
      .toContain('I can help with cash and opportunities.');
    await main(page).getByRole('button', { name: 'New conversation' }).click();
    expect(await log(page).locator('.msg').count()).toBe(0);
    await main(page).getByRole('heading', { name: 'Try asking' }).waitFor();
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('shows a change proposed through MCP while the page is open, without a reload, and runs it once confirmed', async () => {
    const page = await app.newPage();
    await openAssistant(page);
    const accountId = (await read<{ data: { id: string }[] }>('sales-api', 'listAccounts', { limit: 1 })).data[0]!.id;
    const mcp = await connectMcp(app.server.url, ceoToken, { companyId: ids.company.acme! });
    try {
      const proposed = await mcp.callTool({
        name: 'sales-api__createOpportunity',
        arguments: { name: 'MCP Live Deal', accountId, amount: 99 },
      });
      expect(proposed.isError).toBeFalsy();
    } finally {
      await mcp.close();
    }
    // The page reads the person's pending actions again every few seconds.
    const card = main(page)
      .getByRole('region', { name: 'Waiting for your decision' })
      .getByRole('article')
      .filter({ hasText: 'MCP Live Deal' });
    await card.waitFor({ timeout: 15_000 });
    expect(await opportunitiesNamed('MCP Live Deal')).toEqual([]);
    await card.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toMatch(/Executed: HTTP 201/);
    expect(await opportunitiesNamed('MCP Live Deal')).toEqual([expect.objectContaining({ amount: 99 })]);
    expect(app.pageErrors(page)).toEqual([]);
  });
});

if (!hasChromium) console.warn(SKIP_REASON);
