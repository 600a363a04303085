// The plain English the offline planner reads requests with: which opening words ask for a change.
// Not about any API (the words of the APIs are its vocabulary, vocabulary.ts).

/** Verbs that ask for a change when they open the request ("Create an opportunity ..."). */
export const WRITE_VERBS = new Set(
  (
    'create add make update change edit modify set rename move delete remove drop cancel archive close reopen merge approve ' +
    'reject assign unassign send submit hire fire mark increase decrease reduce bump resolve open issue report book schedule ' +
    'log record file raise post'
  ).split(' '),
);

/** Write verbs that are also nouns or adjectives ("Open incidents?", "Issue count"): a write only before a/an/the/new... */
export const AMBIGUOUS_VERBS = new Set(
  'open issue report book schedule log record file raise post close merge set order'.split(' '),
);

export const DETERMINERS = new Set('a an the new this that these those my our it them all one another some'.split(' '));

/** Phrases before the verb of a request: "please", "can you", "I'd like to", "how do I". */
export const REQUEST_PREFIX =
  /^(?:(?:please|kindly|ok|okay|hey|now|then|also|so|go ahead and|let'?s|let us|can you|could you|would you|will you|can we|could we|i want to|i'd like to|i would like to|we need to|i need to|help me|how do i|how can i|how do we|how can we|is it possible to)[\s,]+)+/;
