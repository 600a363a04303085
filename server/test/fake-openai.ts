// A real OpenAI-compatible HTTP server for tests: node:http on 127.0.0.1 and a free port. It
// answers POST /v1/chat/completions plainly and as server-sent events (`stream: true`) in the
// shapes OpenAI sends, so the real `openai` package parses its answers, and GET /v1/models.
// Tests script the replies (`script`, `queue`) and read what the client sent (`requests`).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedToolCall {
  name: string;
  /** Sent as JSON text; a string is sent as it is (it may be invalid JSON on purpose). */
  arguments: unknown;
}

interface ReplyTiming {
  /** Wait this long before answering at all. */
  delayMs?: number;
  /** Streaming only: wait this long between events. */
  chunkDelayMs?: number;
  /** Extra response headers (e.g. `retry-after-ms` to make the SDK retry at once). */
  headers?: Record<string, string>;
  /** Streaming only: end the response after this many events, with no finish or [DONE]. */
  cutAfterEvents?: number;
}

export type ScriptedReply = ReplyTiming &
  (
    | { content: string; finishReason?: string }
    | { toolCalls: ScriptedToolCall[]; content?: string | null }
    | { status: number; error: Record<string, unknown> }
  );

/** A chat completions request body as the client sent it. */
export interface ChatRequestBody {
  model: string;
  messages: any[];
  tools?: any[];
  tool_choice?: unknown;
  stream?: boolean;
  [key: string]: any;
}

export type ReplyHandler = (body: ChatRequestBody, request: RecordedRequest) => ScriptedReply | Promise<ScriptedReply>;

export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-cased header names, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body (`{ model: '', messages: [] }` when it was not a JSON object). */
  body: ChatRequestBody;
}

export interface FakeOpenAI {
  /** Base URL for the SDK (`baseURL`), ending in /v1. */
  url: string;
  /** Every POST /v1/chat/completions, in arrival order (refused ones included). */
  requests: RecordedRequest[];
  /** Answer requests with this function (after anything queued). */
  script(handler: ReplyHandler): void;
  /** Answer the next requests with these replies, in order, before the script. */
  queue(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

export const FAKE_MODEL = 'gpt-4o-mini';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'x-request-id': `req_${Math.random().toString(16).slice(2, 14)}`,
    ...headers,
  });
  res.end(text);
}

function apiError(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Split text into `parts` pieces of roughly equal size (at least one character each). */
function split(text: string, parts: number): string[] {
  if (text.length === 0) return [];
  const size = Math.max(1, Math.ceil(text.length / parts));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Rough token count, good enough for `usage`. */
const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const queued: ScriptedReply[] = [];
  let handler: ReplyHandler | undefined;
  let completionCount = 0;
  let toolCallCount = 0;

  async function nextReply(body: ChatRequestBody, recorded: RecordedRequest): Promise<ScriptedReply> {
    const next = queued.shift();
    if (next) return next;
    if (handler) return handler(body, recorded);
    return {
      status: 500,
      error: apiError('fake-openai: no reply scripted for this request', 'server_error', null).error,
    };
  }

  async function completions(res: ServerResponse, recorded: RecordedRequest): Promise<void> {
    const body = recorded.body;
    if (typeof body.model !== 'string' || !Array.isArray(body.messages)) {
      sendJson(
        res,
        400,
        apiError(
          "Missing required parameter: 'model' or 'messages'.",
          'invalid_request_error',
          'missing_required_parameter',
        ),
      );
      return;
    }
    const reply = await nextReply(body, recorded);
    if (reply.delayMs) await sleep(reply.delayMs);
    if (res.destroyed) return;

    if ('status' in reply) {
      sendJson(
        res,
        reply.status,
        { error: { message: 'error', type: 'server_error', param: null, code: null, ...reply.error } },
        reply.headers,
      );
      return;
    }

    const id = `chatcmpl-fake${++completionCount}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.model as string;
    const content = 'toolCalls' in reply ? (reply.content ?? null) : reply.content;
    const toolCalls =
      'toolCalls' in reply
        ? reply.toolCalls.map((c) => ({
            id: `call_${++toolCallCount}`,
            type: 'function' as const,
            function: {
              name: c.name,
              arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments ?? {}),
            },
          }))
        : [];
    const finishReason = 'toolCalls' in reply ? 'tool_calls' : (reply.finishReason ?? 'stop');
    const promptTokens = tokens(JSON.stringify(body.messages) + JSON.stringify(body.tools ?? []));
    const completionTokens = tokens(
      (content ?? '') + toolCalls.map((c) => c.function.name + c.function.arguments).join(''),
    );
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    };

    if (body.stream !== true) {
      sendJson(
        res,
        200,
        {
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [
            {
              index: 0,
              message: {
                role: 'assistant',
                content,
                refusal: null,
                ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
                annotations: [],
              },
              logprobs: null,
              finish_reason: finishReason,
            },
          ],
          usage,
          service_tier: 'default',
          system_fingerprint: 'fp_fake',
        },
        reply.headers,
      );
      return;
    }

    // Streaming, as OpenAI does it: a role chunk, content deltas, tool-call deltas (id, type and
    // name in a call's first delta, then its arguments in pieces), a finish chunk, optionally a
    // usage chunk (stream_options.include_usage), then [DONE].
    const includeUsage = body.stream_options?.include_usage === true;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      'x-request-id': `req_${Math.random().toString(16).slice(2, 14)}`,
      ...reply.headers,
    });
    res.flushHeaders();
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      service_tier: 'default',
      system_fingerprint: 'fp_fake',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...(includeUsage ? { usage: null } : {}),
    });
    const events: unknown[] = [];
    if (toolCalls.length === 0 || content) {
      events.push(chunk({ role: 'assistant', content: '', refusal: null }));
      for (const piece of split(content ?? '', 4)) events.push(chunk({ content: piece }));
    }
    toolCalls.forEach((call, index) => {
      events.push(
        chunk({
          ...(index === 0 && !content ? { role: 'assistant', content: null } : {}),
          tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }],
          ...(index === 0 && !content ? { refusal: null } : {}),
        }),
      );
      for (const piece of split(call.function.arguments, 3)) {
        events.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
      }
    });
    events.push(chunk({}, finishReason));
    if (includeUsage) {
      events.push({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        service_tier: 'default',
        system_fingerprint: 'fp_fake',
        choices: [],
        usage,
      });
    }
    if (reply.cutAfterEvents !== undefined) events.length = Math.min(events.length, reply.cutAfterEvents);
    for (const event of events) {
      if (res.destroyed) return;
      res.write(`data: ${JSON.stringify(event)}\n\n`);
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
    }
    if (res.destroyed) return;
    res.end(reply.cutAfterEvents !== undefined ? undefined : 'data: [DONE]\n\n');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const auth = req.headers.authorization;
    const authorized = typeof auth === 'string' && /^Bearer \S+/.test(auth);

    if (req.method === 'POST' && path === '/v1/chat/completions') {
      const text = await readBody(req);
      let body: ChatRequestBody | null = null;
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as ChatRequestBody;
      } catch {
        body = null;
      }
      const recorded: RecordedRequest = {
        method: req.method,
        path,
        headers: { ...req.headers },
        body: body ?? { model: '', messages: [] },
      };
      requests.push(recorded);
      if (!authorized) {
        sendJson(res, 401, apiError('You did not provide an API key.', 'invalid_request_error', 'invalid_api_key'));
        return;
      }
      if (!body) {
        sendJson(
          res,
          400,
          apiError('We could not parse the JSON body of your request.', 'invalid_request_error', null),
        );
        return;
      }
      await completions(res, recorded);
      return;
    }

    if (req.method === 'GET' && path === '/v1/models') {
      if (!authorized) {
        sendJson(res, 401, apiError('You did not provide an API key.', 'invalid_request_error', 'invalid_api_key'));
        return;
      }
      sendJson(res, 200, {
        object: 'list',
        data: [{ id: FAKE_MODEL, object: 'model', created: 1_721_172_741, owned_by: 'fake-openai' }],
      });
      return;
    }

    req.resume();
    sendJson(res, 404, apiError(`Invalid URL (${req.method} ${path})`, 'invalid_request_error', null));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(
        res,
        500,
        apiError(`fake-openai: ${err instanceof Error ? err.message : String(err)}`, 'server_error', null),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script(h) {
      handler = h;
    },
    queue(...replies) {
      queued.push(...replies);
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
