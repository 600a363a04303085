// The OpenAI provider against a real OpenAI-compatible HTTP server (test/fake-openai.ts), through
// the real `openai` package: plain and streamed answers, tool calls, the request it sends, and
// failures turned into safe ModelProviderErrors.
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../../../test/fake-openai.ts';
import type { ChatMessage, ModelProvider, ToolSpec } from '../model.ts';
import { createModelProvider, PLACEHOLDER_API_KEY } from './index.ts';
import { ModelProviderError, OpenAIProvider } from './openai.ts';

const KEY = 'sk-test-SECRET-0123456789abcdef';
const SERVER_SECRET_BODY = 'Incorrect API key provided: sk-test-SECRET-0123. INTERNAL-DETAIL-42';

const tools: ToolSpec[] = [
  {
    name: 'billing__list_invoices',
    description: 'List invoices of a customer.',
    parameters: {
      type: 'object',
      properties: { customerId: { type: 'string' }, status: { type: 'string', enum: ['open', 'paid'] } },
      required: ['customerId'],
      additionalProperties: false,
    },
  },
  {
    name: 'crm__get_customer',
    description: 'One customer by id.',
    parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
  },
];

const question: ChatMessage[] = [
  { role: 'system', content: 'You are Tessera.' },
  { role: 'user', content: 'Which invoices of ACME are open?' },
];

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.requests.length = 0;
  fake.script(() => ({ status: 500, error: { message: 'no reply scripted' } }));
});

const provider = (options: Partial<ConstructorParameters<typeof OpenAIProvider>[0]> = {}) =>
  new OpenAIProvider({ apiKey: KEY, baseUrl: fake.url, maxRetries: 0, ...options });
const signal = () => new AbortController().signal;

async function failure(promise: Promise<unknown>): Promise<ModelProviderError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelProviderError);
  const message = (error as Error).message;
  expect(message).not.toContain(KEY);
  expect(message).not.toContain('SECRET');
  expect(message).not.toContain('INTERNAL-DETAIL');
  expect(message).not.toContain('Incorrect API key');
  expect((error as Error).cause).toBeUndefined();
  return error as ModelProviderError;
}

describe('the fake OpenAI server', () => {
  it('lists a model and refuses requests without a bearer token', async () => {
    const client = new OpenAI({ apiKey: 'anything', baseURL: fake.url, maxRetries: 0 });
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['gpt-4o-mini']);

    const res = await fetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'x', messages: [] }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_api_key');
  });

  it('answers queued replies in order, then the script', async () => {
    fake.queue({ content: 'first' }, { content: 'second' });
    fake.script(() => ({ content: 'scripted' }));
    const p = provider();
    const answers = [];
    for (let i = 0; i < 3; i += 1)
      answers.push((await p.complete({ messages: question, tools: [], signal: signal() })).content);
    expect(answers).toEqual(['first', 'second', 'scripted']);
  });
});

describe('OpenAIProvider', () => {
  it('is named after its model', () => {
    expect(provider().name).toBe('openai:gpt-4o-mini');
    expect(provider({ model: 'llama3.1:8b' }).name).toBe('openai:llama3.1:8b');
  });

  it('returns a plain answer', async () => {
    fake.queue({ content: 'ACME has two open invoices.' });
    const turn = await provider().complete({ messages: question, tools, signal: signal() });
    expect(turn).toEqual({ content: 'ACME has two open invoices.', toolCalls: [] });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.body.stream).toBeFalsy();
  });

  it('parses tool calls: names, ids and argument JSON', async () => {
    fake.queue({
      toolCalls: [
        { name: 'crm__get_customer', arguments: { id: 'acme' } },
        { name: 'billing__list_invoices', arguments: { customerId: 'acme', status: 'open' } },
      ],
    });
    const turn = await provider().complete({ messages: question, tools, signal: signal() });
    expect(turn.content).toBeNull();
    expect(turn.toolCalls.map((c) => c.name)).toEqual(['crm__get_customer', 'billing__list_invoices']);
    expect(turn.toolCalls.every((c) => /^call_\d+$/.test(c.id))).toBe(true);
    expect(new Set(turn.toolCalls.map((c) => c.id)).size).toBe(2);
    expect(JSON.parse(turn.toolCalls[0]!.arguments)).toEqual({ id: 'acme' });
    expect(JSON.parse(turn.toolCalls[1]!.arguments)).toEqual({ customerId: 'acme', status: 'open' });
  });

  it('passes invalid argument JSON through as written', async () => {
    fake.queue({ toolCalls: [{ name: 'crm__get_customer', arguments: '{"id": "acme"' }] });
    const turn = await provider().complete({ messages: question, tools, signal: signal() });
    expect(turn.toolCalls[0]!.arguments).toBe('{"id": "acme"');
  });

  it('streams an answer: onToken gets several pieces that make up the content', async () => {
    const text = 'ACME has two open invoices: INV-1001 (1,200.00 EUR) and INV-1002 (80.50 EUR).';
    fake.queue({ content: text });
    const pieces: string[] = [];
    const turn = await provider().complete({
      messages: question,
      tools,
      signal: signal(),
      onToken: (t) => pieces.push(t),
    });
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(text);
    expect(turn).toEqual({ content: text, toolCalls: [] });
    expect(fake.requests[0]!.body.stream).toBe(true);
  });

  it('reassembles streamed tool calls', async () => {
    const args = { customerId: 'acme', status: 'open', note: 'a longer argument string, split across several chunks' };
    fake.queue({
      toolCalls: [
        { name: 'crm__get_customer', arguments: { id: 'acme' } },
        { name: 'billing__list_invoices', arguments: args },
      ],
    });
    const pieces: string[] = [];
    const turn = await provider().complete({
      messages: question,
      tools,
      signal: signal(),
      onToken: (t) => pieces.push(t),
    });
    expect(pieces).toEqual([]);
    expect(turn.content).toBeNull();
    expect(turn.toolCalls).toHaveLength(2);
    expect(turn.toolCalls.map((c) => c.name)).toEqual(['crm__get_customer', 'billing__list_invoices']);
    expect(turn.toolCalls.every((c) => /^call_\d+$/.test(c.id))).toBe(true);
    expect(JSON.parse(turn.toolCalls[0]!.arguments)).toEqual({ id: 'acme' });
    expect(JSON.parse(turn.toolCalls[1]!.arguments)).toEqual(args);
  });

  it('streams text and tool calls in one turn', async () => {
    fake.queue({
      content: 'Let me look that up.',
      toolCalls: [{ name: 'crm__get_customer', arguments: { id: 'acme' } }],
    });
    const pieces: string[] = [];
    const turn = await provider().complete({
      messages: question,
      tools,
      signal: signal(),
      onToken: (t) => pieces.push(t),
    });
    expect(pieces.join('')).toBe('Let me look that up.');
    expect(turn.content).toBe('Let me look that up.');
    expect(turn.toolCalls.map((c) => [c.name, JSON.parse(c.arguments)])).toEqual([
      ['crm__get_customer', { id: 'acme' }],
    ]);
  });

  it('sends our messages and tools in the SDK shape, and tool call ids round-trip', async () => {
    fake.queue({ toolCalls: [{ name: 'billing__list_invoices', arguments: { customerId: 'acme' } }] });
    const p = provider({ model: 'gpt-4.1-mini' });
    const first = await p.complete({ messages: question, tools, signal: signal() });
    const call = first.toolCalls[0]!;

    fake.queue({ content: 'Two invoices are open.' });
    const conversation: ChatMessage[] = [
      ...question,
      { role: 'assistant', content: null, toolCalls: first.toolCalls },
      {
        role: 'tool',
        toolCallId: call.id,
        name: call.name,
        content: '<tool_result tool="billing__list_invoices" status="ok">[]</tool_result>',
      },
    ];
    const second = await p.complete({ messages: conversation, tools, signal: signal(), onToken: () => {} });
    expect(second.content).toBe('Two invoices are open.');

    expect(fake.requests).toHaveLength(2);
    const sent = fake.requests[1]!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.body.model).toBe('gpt-4.1-mini');
    expect(sent.body.tool_choice).toBe('auto');
    expect(sent.body.tools).toEqual(
      tools.map((t) => ({
        type: 'function',
        function: { name: t.name, description: t.description, parameters: t.parameters },
      })),
    );
    expect(sent.body.messages).toEqual([
      { role: 'system', content: 'You are Tessera.' },
      { role: 'user', content: 'Which invoices of ACME are open?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: call.id,
            type: 'function',
            function: { name: 'billing__list_invoices', arguments: '{"customerId":"acme"}' },
          },
        ],
      },
      {
        role: 'tool',
        tool_call_id: call.id,
        content: '<tool_result tool="billing__list_invoices" status="ok">[]</tool_result>',
      },
    ]);
  });

  it('leaves out tools and tool_choice when there are no tools', async () => {
    fake.queue({ content: 'Hello.' });
    await provider().complete({ messages: question, tools: [], signal: signal() });
    expect(fake.requests[0]!.body).not.toHaveProperty('tools');
    expect(fake.requests[0]!.body).not.toHaveProperty('tool_choice');
  });

  it('turns an HTTP 401 into a safe error', async () => {
    fake.queue({
      status: 401,
      error: { message: SERVER_SECRET_BODY, type: 'invalid_request_error', code: 'invalid_api_key' },
    });
    const error = await failure(provider().complete({ messages: question, tools, signal: signal() }));
    expect(error.failure).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toContain('The AI model refused the request (HTTP 401)');
  });

  it('turns an HTTP 401 on a streamed request into a safe error', async () => {
    fake.queue({ status: 401, error: { message: SERVER_SECRET_BODY, code: 'invalid_api_key' } });
    const error = await failure(
      provider().complete({ messages: question, tools, signal: signal(), onToken: () => {} }),
    );
    expect(error.status).toBe(401);
  });

  it('turns an HTTP 500 into a safe error', async () => {
    fake.queue({ status: 500, error: { message: SERVER_SECRET_BODY, type: 'server_error' } });
    const error = await failure(provider().complete({ messages: question, tools, signal: signal() }));
    expect(error.failure).toBe('server');
    expect(error.message).toBe('The AI model service failed (HTTP 500).');
  });

  it('names 429 and 400 answers without their bodies', async () => {
    fake.queue({ status: 429, error: { message: SERVER_SECRET_BODY, code: 'insufficient_quota' } });
    const limited = await failure(provider().complete({ messages: question, tools, signal: signal() }));
    expect(limited.message).toBe('The AI model is rate limited or out of quota (HTTP 429).');
    fake.queue({ status: 400, error: { message: SERVER_SECRET_BODY, code: 'context_length_exceeded' } });
    const rejected = await failure(provider().complete({ messages: question, tools, signal: signal() }));
    expect(rejected.message).toBe('The AI model refused the request (HTTP 400).');
  });

  it('retries a 500 once by default', async () => {
    fake.queue(
      { status: 500, error: { message: 'overloaded' }, headers: { 'retry-after-ms': '1' } },
      { content: 'Recovered.' },
    );
    const turn = await provider({ maxRetries: undefined }).complete({ messages: question, tools, signal: signal() });
    expect(turn.content).toBe('Recovered.');
    expect(fake.requests).toHaveLength(2);
  });

  it('reports an unreachable server', async () => {
    const gone = await startFakeOpenAI();
    const url = gone.url;
    await gone.close();
    const error = await failure(
      new OpenAIProvider({ apiKey: KEY, baseUrl: url, maxRetries: 0 }).complete({
        messages: question,
        tools,
        signal: signal(),
      }),
    );
    expect(error.message).toBe('The AI model could not be reached.');
  });

  it('times out a server that does not answer', async () => {
    fake.queue({ content: 'too late', delayMs: 2_000 });
    const error = await failure(provider({ timeoutMs: 200 }).complete({ messages: question, tools, signal: signal() }));
    expect(error.failure).toBe('timeout');
  });

  it('times out a stream that goes silent', async () => {
    fake.queue({ content: 'a long answer that stalls halfway through', chunkDelayMs: 1_000 });
    const pieces: string[] = [];
    const error = await failure(
      provider({ timeoutMs: 300 }).complete({
        messages: question,
        tools,
        signal: signal(),
        onToken: (t) => pieces.push(t),
      }),
    );
    expect(error.failure).toBe('timeout');
  });

  it('rejects a stream that ends before the answer is finished', async () => {
    fake.queue({ content: 'an answer cut short by the connection', cutAfterEvents: 3 });
    const pieces: string[] = [];
    const error = await failure(
      provider().complete({ messages: question, tools, signal: signal(), onToken: (t) => pieces.push(t) }),
    );
    expect(error.failure).toBe('bad_response');
    expect(pieces.length).toBeGreaterThan(0);
  });

  it('rejects when the signal aborts before the answer', async () => {
    fake.queue({ content: 'too late', delayMs: 1_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(provider().complete({ messages: question, tools, signal: controller.signal }));
    expect(error.failure).toBe('aborted');
  });

  it('rejects when the signal aborts mid-stream (the SDK itself ends the stream quietly)', async () => {
    fake.queue({ content: 'an answer that arrives slowly, piece by piece', chunkDelayMs: 300 });
    const controller = new AbortController();
    const pieces: string[] = [];
    const error = await failure(
      provider().complete({
        messages: question,
        tools,
        signal: controller.signal,
        onToken: (t) => {
          pieces.push(t);
          controller.abort();
        },
      }),
    );
    expect(error.failure).toBe('aborted');
    expect(pieces).toHaveLength(1);
  });

  it('rejects at once with an already aborted signal, without a request', async () => {
    const error = await failure(provider().complete({ messages: question, tools, signal: AbortSignal.abort() }));
    expect(error.failure).toBe('aborted');
    expect(fake.requests).toHaveLength(0);
  });

  it('lets an error thrown by onToken through unchanged', async () => {
    fake.queue({ content: 'some text' });
    const boom = new Error('listener failed');
    await expect(
      provider().complete({
        messages: question,
        tools,
        signal: signal(),
        onToken: () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
  });
});

describe('createModelProvider', () => {
  const offline: ModelProvider = {
    name: 'offline-planner',
    complete: async () => ({ content: 'offline', toolCalls: [] }),
  };
  const fallback = () => offline;

  it('falls back without a key or base URL', () => {
    expect(createModelProvider({}, fallback)).toBe(offline);
    expect(createModelProvider({ model: 'gpt-4o' }, fallback)).toBe(offline);
  });

  it('uses OpenAI with a key, with the configured model', () => {
    const p = createModelProvider({ apiKey: KEY }, fallback);
    expect(p).toBeInstanceOf(OpenAIProvider);
    expect(p.name).toBe('openai:gpt-4o-mini');
    expect(createModelProvider({ apiKey: KEY, model: 'gpt-4.1' }, fallback).name).toBe('openai:gpt-4.1');
  });

  it('uses a keyless local server with a placeholder key when only a base URL is set', async () => {
    const p = createModelProvider({ baseUrl: fake.url, model: 'llama3.1' }, fallback);
    expect(p).toBeInstanceOf(OpenAIProvider);
    expect(p.name).toBe('openai:llama3.1');
    fake.queue({ content: 'Hi from a local model.' });
    const turn = await p.complete({ messages: question, tools: [], signal: signal() });
    expect(turn.content).toBe('Hi from a local model.');
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${PLACEHOLDER_API_KEY}`);
    expect(fake.requests[0]!.body.model).toBe('llama3.1');
  });
});
