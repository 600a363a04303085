// The one interface every model provider implements (OpenAI-compatible APIs, the offline
// planner). Messages and tools follow the Chat Completions shapes, provider-neutral.

/** A function the model may call: one permitted operation (or the search/invoke pair). */
export interface ToolSpec {
  /** `<endpoint slug>__<operation key>`, at most 64 characters, [A-Za-z0-9_-]. */
  name: string;
  description: string;
  /** JSON Schema of the arguments (an object schema). */
  parameters: Record<string, unknown>;
}

export interface ToolCallRequest {
  id: string;
  name: string;
  /** The arguments as the model wrote them: JSON text, possibly invalid. */
  arguments: string;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; toolCalls?: ToolCallRequest[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

export interface ModelTurn {
  /** Text for the person (the final answer when there are no tool calls). */
  content: string | null;
  toolCalls: ToolCallRequest[];
}

export interface CompleteInput {
  messages: ChatMessage[];
  tools: ToolSpec[];
  signal: AbortSignal;
  /** Called with each piece of answer text as it arrives (streaming). */
  onToken?: (text: string) => void;
}

export interface ModelProvider {
  /** Shown in traces and logs: "openai:gpt-4o-mini", "offline-planner". */
  readonly name: string;
  complete(input: CompleteInput): Promise<ModelTurn>;
}
