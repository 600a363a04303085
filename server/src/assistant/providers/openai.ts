// The model provider for OpenAI and OpenAI-compatible servers (Ollama, vLLM, llama.cpp, LM
// Studio...): the Chat Completions API with tool calling, through the official `openai`
// package, streamed when the caller wants tokens as they arrive. Failures become a
// ModelProviderError whose message is safe to show and log: it never carries the API key, the
// request or the response body (the SDK's own error messages quote the server's error text,
// which can echo part of the key, so they are not kept, not even as `cause`).
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import type { ChatMessage, CompleteInput, ModelProvider, ModelTurn, ToolCallRequest, ToolSpec } from '../model.ts';

const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';
const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

export type ModelProviderFailure =
  | 'unreachable'
  | 'timeout'
  | 'aborted'
  | 'auth'
  | 'rate_limited'
  | 'not_found'
  | 'rejected'
  | 'server'
  | 'bad_response';

/** The model call failed. The message is safe to show to people and to log. */
export class ModelProviderError extends Error {
  override readonly name = 'ModelProviderError';
  constructor(
    readonly failure: ModelProviderFailure,
    /** The HTTP status the model server answered with, when it answered. */
    readonly status?: number,
  ) {
    super(failureMessage(failure, status));
  }
}

function failureMessage(failure: ModelProviderFailure, status: number | undefined): string {
  const http = status ? ` (HTTP ${status})` : '';
  switch (failure) {
    case 'unreachable':
      return 'The AI model could not be reached.';
    case 'timeout':
      return 'The AI model did not answer in time.';
    case 'aborted':
      return 'The request to the AI model was cancelled.';
    case 'auth':
      return `The AI model refused the request${http}: check the API key.`;
    case 'rate_limited':
      return `The AI model is rate limited or out of quota${http}.`;
    case 'not_found':
      return `The AI model or its endpoint was not found${http}: check the model name and base URL.`;
    case 'rejected':
      return `The AI model refused the request${http}.`;
    case 'server':
      return `The AI model service failed${http}.`;
    case 'bad_response':
      return 'The AI model sent an answer that could not be read.';
  }
}

export interface OpenAIProviderOptions {
  apiKey: string;
  /** An OpenAI-compatible API root, e.g. http://127.0.0.1:11434/v1 (default: OpenAI's). */
  baseUrl?: string;
  model?: string;
  /**
   * The longest wait for the server to start answering (per attempt), and, when streaming, the
   * longest silence between two pieces of the answer.
   */
  timeoutMs?: number;
  /** Retries of connection failures, timeouts, 408/409/429 and 5xx answers (the SDK's rule). */
  maxRetries?: number;
}

/** Marks an error thrown by the caller's onToken, so it passes through unchanged. */
class CallbackError {
  constructor(readonly error: unknown) {}
}

export class OpenAIProvider implements ModelProvider {
  readonly name: string;
  readonly model: string;
  private readonly client: OpenAI;
  private readonly timeoutMs: number;

  constructor({
    apiKey,
    baseUrl,
    model = DEFAULT_OPENAI_MODEL,
    timeoutMs = 60_000,
    maxRetries = 1,
  }: OpenAIProviderOptions) {
    this.model = model;
    this.name = `openai:${model}`;
    this.timeoutMs = timeoutMs;
    // Every option the SDK would otherwise read from process.env is given explicitly: the
    // config module is the only reader of the environment.
    this.client = new OpenAI({
      apiKey,
      baseURL: baseUrl ?? DEFAULT_OPENAI_BASE_URL,
      organization: null,
      project: null,
      webhookSecret: null,
      timeout: timeoutMs,
      maxRetries,
      // The SDK logs unparseable stream data (response bodies) to the console otherwise.
      logLevel: 'off',
    });
  }

  async complete({ messages, tools, signal, onToken }: CompleteInput): Promise<ModelTurn> {
    if (signal.aborted) throw new ModelProviderError('aborted');
    const params: ChatCompletionCreateParamsBase = {
      model: this.model,
      messages: messages.map(toMessageParam),
      ...(tools.length > 0 ? { tools: tools.map(toToolParam), tool_choice: 'auto' as const } : {}),
    };
    // A watchdog for the streamed body: the SDK's timeout stops once the headers arrive.
    const watchdog = new AbortController();
    const combined = AbortSignal.any([signal, watchdog.signal]);
    try {
      return onToken ? await this.streamed(params, combined, watchdog, onToken) : await this.plain(params, combined);
    } catch (err) {
      if (err instanceof CallbackError) throw err.error;
      if (err instanceof ModelProviderError) throw err;
      throw toProviderError(err, signal, watchdog.signal);
    }
  }

  private async plain(params: ChatCompletionCreateParamsBase, signal: AbortSignal): Promise<ModelTurn> {
    const completion = await this.client.chat.completions.create({ ...params, stream: false }, { signal });
    const choice = completion?.choices?.[0];
    if (!choice?.message) throw new ModelProviderError('bad_response');
    const message = choice.message;
    const toolCalls: ToolCallRequest[] = [];
    (message.tool_calls ?? []).forEach((call, i) => {
      if (call.type !== 'function' && call.type !== undefined) return;
      if (!('function' in call) || !call.function?.name) throw new ModelProviderError('bad_response');
      toolCalls.push({
        id: call.id || `call_${i}`,
        name: call.function.name,
        arguments: call.function.arguments ?? '',
      });
    });
    return { content: message.content ?? message.refusal ?? null, toolCalls };
  }

  private async streamed(
    params: ChatCompletionCreateParamsBase,
    signal: AbortSignal,
    watchdog: AbortController,
    onToken: (text: string) => void,
  ): Promise<ModelTurn> {
    const stream = await this.client.chat.completions.create({ ...params, stream: true }, { signal });
    let timer = setTimeout(() => watchdog.abort(), this.timeoutMs);
    let content = '';
    let sawContent = false;
    let refusal = '';
    let finished = false;
    const calls: { id: string; name: string; arguments: string }[] = [];
    try {
      for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
        clearTimeout(timer);
        timer = setTimeout(() => watchdog.abort(), this.timeoutMs);
        const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
        if (!choice) continue; // e.g. the usage chunk of stream_options.include_usage
        const delta = choice.delta ?? {};
        if (typeof delta.content === 'string' && delta.content.length > 0) {
          content += delta.content;
          sawContent = true;
          try {
            onToken(delta.content);
          } catch (error) {
            throw new CallbackError(error);
          }
        }
        if (typeof delta.refusal === 'string') refusal += delta.refusal;
        (delta.tool_calls ?? []).forEach((d, position) => {
          // Some compatible servers leave out `index`; their deltas then come in call order.
          const index = typeof d.index === 'number' ? d.index : position;
          calls[index] ??= { id: '', name: '', arguments: '' };
          const slot = calls[index];
          if (d.id) slot.id = d.id;
          if (d.function?.name) slot.name = d.function.name;
          if (d.function?.arguments) slot.arguments += d.function.arguments;
        });
        if (choice.finish_reason) finished = true;
      }
    } finally {
      clearTimeout(timer);
    }
    // The SDK ends the iteration quietly, as if the stream were complete, when the request is
    // aborted mid-stream (by the caller or the watchdog) or the body just stops.
    if (signal.aborted) throw new Error('aborted mid-stream');
    if (!finished) throw new ModelProviderError('bad_response');
    const toolCalls: ToolCallRequest[] = [];
    calls.forEach((call, i) => {
      if (!call) return; // a hole left by a server that skipped an index
      if (!call.name) throw new ModelProviderError('bad_response');
      toolCalls.push({ id: call.id || `call_${i}`, name: call.name, arguments: call.arguments });
    });
    return { content: sawContent ? content : refusal || null, toolCalls };
  }
}

function toMessageParam(message: ChatMessage): ChatCompletionMessageParam {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content };
    case 'user':
      return { role: 'user', content: message.content };
    case 'assistant':
      return {
        role: 'assistant',
        content: message.content,
        ...(message.toolCalls?.length
          ? {
              tool_calls: message.toolCalls.map((call) => ({
                id: call.id,
                type: 'function' as const,
                function: { name: call.name, arguments: call.arguments },
              })),
            }
          : {}),
      };
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}

function toToolParam(tool: ToolSpec): ChatCompletionTool {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  };
}

function toProviderError(err: unknown, callerSignal: AbortSignal, watchdogSignal: AbortSignal): ModelProviderError {
  // Checked first: an abort can surface as a user-abort, a connection error or a quiet end.
  if (callerSignal.aborted) return new ModelProviderError('aborted');
  if (watchdogSignal.aborted) return new ModelProviderError('timeout');
  if (err instanceof APIConnectionTimeoutError) return new ModelProviderError('timeout');
  if (err instanceof APIUserAbortError) return new ModelProviderError('aborted');
  if (err instanceof APIConnectionError) return new ModelProviderError('unreachable');
  if (err instanceof APIError) {
    const status = err.status;
    // An error event inside a stream has no status: the server failed while answering.
    if (status === undefined) return new ModelProviderError('server');
    if (status === 401 || status === 403) return new ModelProviderError('auth', status);
    if (status === 429) return new ModelProviderError('rate_limited', status);
    if (status === 404) return new ModelProviderError('not_found', status);
    if (status >= 500) return new ModelProviderError('server', status);
    return new ModelProviderError('rejected', status);
  }
  // A body cut short ("terminated") shows as a TypeError from fetch; unparseable stream data as
  // a SyntaxError.
  if (err instanceof TypeError) return new ModelProviderError('unreachable');
  return new ModelProviderError('bad_response');
}
