// The offline planner's vocabulary for the demo world's APIs (sandbox/): the words people use for
// their topics, which "pipeline" is meant, questions to suggest and the CRM's stage names. Given to
// the planner by the composition root (tessera.ts) when the demo runs.
import type { OfflineVocabulary } from '../assistant/providers/offline/vocabulary.ts';
import { HUBSPOT_DEAL_STAGES } from './deal-stages.ts';

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

/** Words that say "pipeline" means CI, not the sales pipeline. */
const CI_CONTEXT = [
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
];

export const DEMO_VOCABULARY: OfflineVocabulary = {
  concepts: TABLE.map(([name, triggers, targets]) => ({
    name,
    triggers: triggers.split(' '),
    targets: targets.split(' '),
  })),
  // "pipeline" alone is the sales pipeline when there is one; with CI words, or no CRM, it is CI.
  senses: [{ word: 'pipeline', means: [{ concept: 'sales', unless: CI_CONTEXT }, { concept: 'ci pipelines' }] }],
  examples: [
    ['opportunity', 'How is our pipeline?'],
    ['deal', 'How is our pipeline?'],
    ['cash', 'What is our cash balance?'],
    ['invoice', 'Which invoices are overdue?'],
    ['headcount', 'What is our headcount?'],
    ['position', 'Which positions are open?'],
    ['incident', 'Any open incidents?'],
    ['order', 'How many orders are pending?'],
    ['pull', 'Which pull requests wait for review?'],
    ['merge', 'Which merge requests wait for review?'],
    ['pipeline', 'How many failed pipelines?'],
  ],
  labels: {
    ...HUBSPOT_DEAL_STAGES,
    marketingqualifiedlead: 'Marketing qualified lead',
    salesqualifiedlead: 'Sales qualified lead',
  },
};
