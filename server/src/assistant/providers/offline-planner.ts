// The model provider used when no AI model is configured, so the embedded demo answers without
// internet. It matches the question to permitted read operations (names, descriptions, and the
// synonyms of the vocabulary it is given: offline/vocabulary.ts), asks the loop to call them, and
// writes a short factual answer from the results.
//
// Stateless: every call re-derives the plan from the messages and tools, so it needs no memory
// between rounds and survives a restart mid-conversation. It is read-only by construction: it only
// ever proposes GET operations (the method in the toolbox's description or, without one, a read
// verb in the key), and tool results are only counted, summed and quoted, never read for
// instructions. Round budget: at most 4 rounds of calls (search mode: search, search for the list
// that supplies required parameters, that list, the dependent calls), within the loop's 6.
import type { CompleteInput, ModelProvider, ModelTurn, ToolCallRequest, ToolSpec } from '../model.ts';
import { composeAnswer, SIGNATURE } from './offline/compose.ts';
import { callKey, INVOKE_TOOL, readConversation, SEARCH_TOOL } from './offline/conversation.ts';
import { runTask, type Call, type Lookup, type Outcome, type Task } from './offline/tasks.ts';
import { quote, stem, tokens } from './offline/text.ts';
import {
  describeSources,
  parentOf,
  readTools,
  requiredBase,
  selectTools,
  writeIntent,
  type ReadTool,
} from './offline/tools.ts';
import { compileVocabulary, NEUTRAL_VOCABULARY, type OfflineVocabulary, type Words } from './offline/vocabulary.ts';

/** Rounds of tool calls per question before answering with whatever has arrived. */
const MAX_ROUNDS = 4;

/** Keywords for the toolbox's search: the question's topic words and their synonyms' targets. */
function searchQuery(question: string, vocabulary: Words): string {
  const words = tokens(question);
  const expanded = [
    ...words,
    ...vocabulary.concepts.filter((c) => words.some((w) => c.triggers.has(w))).flatMap((c) => c.targets),
  ];
  // The search matches substrings: "opportunit" finds "opportunities" as well as "opportunity".
  return [...new Set(expanded.map((w) => (w.length > 4 && w.endsWith('y') ? w.slice(0, -1) : w)))].join(' ');
}

export interface OfflinePlannerOptions {
  /** The words of the APIs it answers about (default: none, API-neutral). */
  vocabulary?: OfflineVocabulary;
}

export class OfflinePlanner implements ModelProvider {
  readonly name = 'offline-planner';
  private readonly words: Words;

  constructor({ vocabulary = NEUTRAL_VOCABULARY }: OfflinePlannerOptions = {}) {
    this.words = compileVocabulary(vocabulary);
  }

  async complete({ messages, tools, signal, onToken }: CompleteInput): Promise<ModelTurn> {
    signal.throwIfAborted();
    const conversation = readConversation(messages);
    const question = conversation.question?.trim() ?? '';
    const searchMode = tools.some((t) => t.name === SEARCH_TOOL) && tools.some((t) => t.name === INVOKE_TOOL);
    const direct = tools.filter((t) => t.name !== SEARCH_TOOL && t.name !== INVOKE_TOOL);
    const specs = new Map<string, ToolSpec>([...direct, ...conversation.found].map((t) => [t.name, t]));
    const readable = readTools([...specs.values()]);
    const words = this.words;
    const reply = (text: string) => this.answer(text, signal, onToken);
    if (!question) return reply('Ask a question about your data, for example about sales, finance or engineering.');
    if (!searchMode && readable.length === 0)
      return reply('You have no data sources you may read here, so there is nothing the offline planner can look up.');

    const change = writeIntent(question);
    if (change) return reply(readOnlyReply(change, readable, words));

    const propose = (calls: Call[]): ModelTurn => ({
      content: null,
      toolCalls: calls.map((c, i): ToolCallRequest => {
        const id = `call_${conversation.callCount + i + 1}`;
        if (c.name === SEARCH_TOOL) return { id, name: SEARCH_TOOL, arguments: JSON.stringify(c.args) };
        return searchMode
          ? { id, name: INVOKE_TOOL, arguments: JSON.stringify({ tool: c.name, arguments: c.args }) }
          : { id, name: c.name, arguments: JSON.stringify(c.args) };
      }),
    });

    if (searchMode) {
      // Past the toolbox's direct limit the operations must be found first: by the question's words,
      // then, for an operation whose required parameters come from a list, by that list's words.
      const searches = [searchQuery(question, words)];
      for (const tool of selectTools(question, readable, words, { needParents: false })) {
        if (parentOf(tool, readable) === null) searches.push(requiredBase(tool));
      }
      const missing = searches.filter(
        (query) => query && !conversation.issued.has(callKey({ name: SEARCH_TOOL, args: { query } })),
      );
      if (missing.length > 0 && conversation.rounds < MAX_ROUNDS)
        return propose(missing.slice(0, 1).map((query) => ({ name: SEARCH_TOOL, args: { query } })));
    }

    const chosen = selectTools(question, readable, words);
    if (chosen.length === 0) return reply(noMatchReply(readable, searchMode, words));

    const tasks: Task[] = chosen.map((tool) => ({ tool, parent: parentOf(tool, readable) ?? undefined }));
    const final = conversation.rounds >= MAX_ROUNDS;
    const lookup: Lookup = (call) => {
      const key = callKey(call);
      const result = conversation.results.get(key);
      if (result) return result;
      // Proposed but never answered (or out of rounds): report it rather than ask again forever.
      if (final || conversation.issued.has(key))
        return { status: 'error', data: { message: 'no result was returned for this call' }, truncated: false };
      return undefined;
    };
    const outcomes: Outcome[] = [];
    const calls: Call[] = [];
    for (const task of tasks) {
      const step = runTask(task, lookup);
      if ('calls' in step) calls.push(...step.calls.filter((c) => !calls.some((d) => callKey(d) === callKey(c))));
      else outcomes.push(step.outcome);
    }
    // Only ever the read operations found above: a write cannot get here, whatever the data said.
    const allowed = new Set(readable.map((t) => t.name));
    const safe = calls.filter((c) => allowed.has(c.name));
    if (safe.length > 0) return propose(safe);
    return this.answer(composeAnswer(question, outcomes, words.labels), signal, onToken, false);
  }

  /** Sends the text through onToken in a few chunks (a paragraph or so each), then returns it. */
  private async answer(
    text: string,
    signal: AbortSignal,
    onToken?: (text: string) => void,
    sign = true,
  ): Promise<ModelTurn> {
    const content = sign ? `${text}\n\n${SIGNATURE}` : text;
    if (onToken) {
      const lines = content.split(/(?<=\n)/);
      const size = Math.max(1, Math.ceil(lines.length / 4));
      for (let i = 0; i < lines.length; i += size) {
        signal.throwIfAborted();
        onToken(lines.slice(i, i + size).join(''));
        await Promise.resolve();
      }
    }
    signal.throwIfAborted();
    return { content, toolCalls: [] };
  }
}

function sourcesList(tools: readonly ReadTool[]): string {
  return describeSources(tools)
    .map((line) => `- ${line}`)
    .join('\n');
}

function examples(tools: readonly ReadTool[], words: Words): string {
  const found = [
    ...new Set(
      words.examples.filter(([word]) => tools.some((t) => t.resourceWords.includes(stem(word)))).map(([, q]) => q),
    ),
  ].slice(0, 3);
  return found.length > 0 ? `\nFor example: ${found.map((q) => quote(q)).join(', ')}.` : '';
}

function readOnlyReply(change: string, tools: readonly ReadTool[], words: Words): string {
  const sources =
    tools.length > 0 ? `\nIt can answer questions about:\n${sourcesList(tools)}${examples(tools, words)}` : '';
  return (
    `The offline planner only reads data, so it cannot make changes such as ${quote(change)}. ` +
    'To change data, configure an AI model (changes are then proposed and run only after you confirm them) or use the source system.' +
    sources
  );
}

function noMatchReply(tools: readonly ReadTool[], searched: boolean, words: Words): string {
  if (tools.length === 0) return 'The offline planner found no data source you may use that matches your question.';
  const intro = searched
    ? 'Among the data sources it found, it can answer questions about'
    : 'It can answer questions about';
  return `The offline planner could not match your question to a data source you may use. ${intro}:\n${sourcesList(tools)}${examples(tools, words)}`;
}
