// The offline planner's small synonym table: the words people use for a topic (triggers) and the
// resource words of the operations that answer it (targets, first = best). Resource words come
// from operation keys: listPullRequests → "pull", "request"; getCashBalance → "cash", "balance".
import { stem } from './text.ts';

export interface Concept {
  name: string;
  triggers: ReadonlySet<string>;
  targets: readonly string[];
}

const TABLE: [name: string, triggers: string, targets: string][] = [
  [
    'sales',
    'pipeline deal opportunity oppty sale revenue forecast crm booking quota prospect win won lost funnel',
    'opportunity deal',
  ],
  ['cash', 'cash balance money bank liquidity runway fund treasury', 'cash balance'],
  ['invoices', 'invoice billing bill overdue unpaid receivable outstanding owe owed dunning ar', 'invoice'],
  ['payments', 'payment paid pay received collected collection income incoming', 'payment'],
  [
    'headcount',
    'headcount employee staff people team workforce personnel fte department org organization',
    'headcount employee',
  ],
  [
    'hiring',
    'hiring hire position opening recruiting recruit vacancy job requisition req candidate applicant',
    'position',
  ],
  ['pull requests', 'pull pr review reviewer reviewing approval approve', 'pull'],
  ['merge requests', 'merge mr review reviewer reviewing approval approve', 'merge'],
  ['ci pipelines', 'pipeline ci build job deploy deployment green red broken', 'pipeline'],
  ['issues', 'issue bug ticket defect', 'issue'],
  ['incidents', 'incident outage downtime alert disruption sev severity', 'incident'],
  ['orders', 'order purchase backlog fulfillment fulfilment', 'order'],
  ['shipments', 'shipment shipping delivery shipped carrier tracking logistics freight', 'shipment'],
  ['accounts', 'account customer client company', 'account contact'],
  ['contacts', 'contact lead person customer', 'contact'],
  ['code', 'repository repo codebase project', 'repository project'],
];

export const CONCEPTS: Concept[] = TABLE.map(([name, triggers, targets]) => ({
  name,
  triggers: new Set(triggers.split(' ').map(stem)),
  targets: targets.split(' ').map(stem),
}));

/** Words that say "pipeline" means CI, not the sales pipeline. */
export const CI_CONTEXT = new Set(
  [
    'ci',
    'build',
    'fail',
    'failed',
    'failing',
    'running',
    'run',
    'success',
    'successful',
    'job',
    'deploy',
    'green',
    'red',
    'broken',
    'project',
    'branch',
    'main',
  ].map(stem),
);

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
