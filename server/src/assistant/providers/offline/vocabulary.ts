// What the offline planner knows about the words of the APIs it answers about, given to it as data
// (new OfflinePlanner({ vocabulary })) by whoever builds it: the product names no API's operations.
// Without one it matches questions to operations by their own names and descriptions only.
import { stem } from './text.ts';

export interface OfflineVocabulary {
  /**
   * Topics: the words people use for one (`triggers`) and the resource words of the operations
   * that answer it (`targets`, first = best). Resource words come from operation keys:
   * listPullRequests → "pull", "request"; getCashBalance → "cash", "balance".
   */
  concepts?: readonly { name: string; triggers: readonly string[]; targets: readonly string[] }[];
  /**
   * A trigger that more than one concept shares ("pipeline": sales or CI) means one of them: the
   * first sense none of whose `unless` words is in the question and whose concept has a target
   * among the caller's operations, else the last one.
   */
  senses?: readonly { word: string; means: readonly { concept: string; unless?: readonly string[] }[] }[];
  /** Questions to suggest when one matched nothing, by the resource word of an operation that answers them. */
  examples?: readonly (readonly [resourceWord: string, question: string])[];
  /** Readable names of ids the data uses (a CRM's stage ids), by the id in lower case. */
  labels?: Readonly<Record<string, string>>;
}

/** API-neutral: no synonyms, senses, examples or labels. */
export const NEUTRAL_VOCABULARY: OfflineVocabulary = {};

export interface Concept {
  name: string;
  triggers: ReadonlySet<string>;
  targets: readonly string[];
}

interface Sense {
  concept: Concept;
  unless: ReadonlySet<string>;
}

/** A vocabulary with its words stemmed the way questions and operation keys are, ready to match. */
export interface Words {
  concepts: readonly Concept[];
  /** Each shared trigger's senses, in order (see OfflineVocabulary.senses). */
  senses: ReadonlyMap<string, readonly Sense[]>;
  examples: readonly (readonly [resourceWord: string, question: string])[];
  labels: Readonly<Record<string, string>>;
}

export function compileVocabulary(vocabulary: OfflineVocabulary): Words {
  const concepts: Concept[] = (vocabulary.concepts ?? []).map(({ name, triggers, targets }) => ({
    name,
    triggers: new Set(triggers.map(stem)),
    targets: targets.map(stem),
  }));
  const senses = new Map<string, Sense[]>();
  for (const { word, means } of vocabulary.senses ?? []) {
    senses.set(
      stem(word),
      means.map(({ concept, unless }) => {
        const found = concepts.find((c) => c.name === concept);
        if (!found) throw new Error(`the offline vocabulary's sense of "${word}" names no concept "${concept}"`);
        return { concept: found, unless: new Set((unless ?? []).map(stem)) };
      }),
    );
  }
  const labels = Object.fromEntries(
    Object.entries(vocabulary.labels ?? {}).map(([id, name]) => [id.toLowerCase(), name]),
  );
  return { concepts, senses, examples: vocabulary.examples ?? [], labels };
}
