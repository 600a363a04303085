// Picks the model provider from the configuration: an OpenAI-compatible API when a key or a base
// URL is configured, otherwise the fallback the caller supplies (the offline planner).
import type { Config } from '../../config.ts';
import type { ModelProvider } from '../model.ts';
import { OpenAIProvider } from './openai.ts';

/** Sent as the API key to local servers (Ollama, vLLM, llama.cpp) that need none. */
export const PLACEHOLDER_API_KEY = 'not-needed';

export function createModelProvider(config: Config['openai'], fallback: () => ModelProvider): ModelProvider {
  if (!config.apiKey && !config.baseUrl) return fallback();
  return new OpenAIProvider({
    apiKey: config.apiKey || PLACEHOLDER_API_KEY,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    ...(config.model ? { model: config.model } : {}),
  });
}
