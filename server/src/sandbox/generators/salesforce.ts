// A Salesforce-like CRM: accounts and opportunities, with Salesforce's stages and 18-character ids.
import { createRandom, isoDay, type Random } from '../random.ts';
import { CITIES, companyNames, people } from './names.ts';
import {
  nonEmpty,
  nonNegative,
  oneOf,
  ValidationError,
  type Collections,
  type Item,
  type ServiceDef,
} from './types.ts';

const OPPORTUNITY_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
] as const;
const PROBABILITY: Record<string, number> = {
  Prospecting: 10,
  Qualification: 20,
  'Needs Analysis': 35,
  Proposal: 60,
  Negotiation: 80,
  'Closed Won': 100,
  'Closed Lost': 0,
};
const INDUSTRIES = [
  'Technology',
  'Manufacturing',
  'Healthcare',
  'Retail',
  'Financial Services',
  'Energy',
  'Education',
  'Media',
] as const;
const PRODUCTS = [
  'Enterprise License',
  'Platform Subscription',
  'Implementation Services',
  'Support Renewal',
  'Analytics Add-on',
  'Training Package',
  'Premium Tier Upgrade',
] as const;

function sfId(prefix: string, random: Random): string {
  return prefix + random.chars(15, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
}

function newId(prefix: string, items: readonly Item[], company: string): string {
  for (let n = items.length; ; n++) {
    const id = sfId(prefix, createRandom(`${company}/salesforce/${prefix}/${n}`));
    if (!items.some((item) => item.id === id)) return id;
  }
}

function withStage(opportunity: Item, stage: string): void {
  opportunity.stage = stage;
  opportunity.probability = PROBABILITY[stage] ?? 0;
  opportunity.isClosed = stage.startsWith('Closed');
  opportunity.isWon = stage === 'Closed Won';
  opportunity.forecastCategory =
    stage === 'Closed Won'
      ? 'Closed'
      : stage === 'Closed Lost'
        ? 'Omitted'
        : (PROBABILITY[stage] ?? 0) >= 60
          ? 'Commit'
          : 'Pipeline';
}

function seed(_company: string, random: Random): Collections {
  const reps = people(random, 5).map((p) => p.full);
  const accounts: Item[] = companyNames(random, random.int(12, 20)).map((name) => {
    const [city, country] = random.pick(CITIES);
    return {
      id: sfId('001', random),
      name,
      industry: random.pick(INDUSTRIES),
      type: random.weighted([
        ['Customer', 5],
        ['Prospect', 3],
        ['Partner', 1],
      ] as const),
      annualRevenue: random.amount(2_000_000, 900_000_000, 100_000),
      numberOfEmployees: random.int(20, 25_000),
      billingCity: city,
      billingCountry: country,
      website: `https://www.${name.split(' ')[0]!.toLowerCase()}.example`,
      owner: random.pick(reps),
      createdAt: random.timestamp(-1200, -90),
    };
  });
  const opportunities: Item[] = [];
  const count = random.int(20, 36);
  for (let i = 0; i < count; i++) {
    const account = random.pick(accounts);
    const stage = random.weighted([
      ['Prospecting', 4],
      ['Qualification', 4],
      ['Needs Analysis', 3],
      ['Proposal', 3],
      ['Negotiation', 3],
      ['Closed Won', 4],
      ['Closed Lost', 2],
    ] as const);
    const closed = stage.startsWith('Closed');
    const createdAt = random.timestamp(-300, -10);
    const opportunity: Item = {
      id: sfId('006', random),
      name: `${account.name as string} - ${random.pick(PRODUCTS)}`,
      accountId: account.id,
      accountName: account.name,
      amount: random.amount(8_000, 750_000, 500),
      currency: 'USD',
      closeDate: closed ? isoDay(random.timestamp(-150, -1)) : isoDay(random.timestamp(3, 150)),
      type: random.weighted([
        ['New Business', 5],
        ['Renewal', 3],
        ['Upsell', 2],
      ] as const),
      leadSource: random.pick(['Web', 'Referral', 'Partner', 'Trade Show', 'Outbound'] as const),
      owner: account.owner,
      nextStep: closed
        ? null
        : random.pick([
            'Schedule demo',
            'Send proposal',
            'Security review',
            'Legal review of MSA',
            'Pricing call with CFO',
            'Executive sponsor meeting',
          ] as const),
      createdAt,
      lastModifiedAt: random.timestamp(-9, 0),
    };
    withStage(opportunity, stage);
    opportunities.push(opportunity);
  }
  opportunities.sort((a, b) => String(a.closeDate).localeCompare(String(b.closeDate)));
  return { accounts, opportunities };
}

export const salesforce: ServiceDef = {
  name: 'salesforce',
  seed,
  resources: [
    { name: 'accounts', keys: ['name'] },
    {
      name: 'opportunities',
      create(input, { company, collections, now }) {
        const account = collections.accounts!.find((a) => a.id === input.accountId);
        if (!account) throw new ValidationError([{ field: 'accountId', message: 'no account with this id' }]);
        const opportunity: Item = {
          id: newId('006', collections.opportunities!, company),
          name: nonEmpty('name', input.name),
          accountId: account.id,
          accountName: account.name,
          amount: nonNegative('amount', input.amount),
          currency: 'USD',
          closeDate: isoDay(now, 90),
          type: 'New Business',
          leadSource: 'Other',
          owner: account.owner,
          nextStep: null,
          createdAt: now,
          lastModifiedAt: now,
        };
        withStage(
          opportunity,
          input.stage === undefined ? 'Prospecting' : oneOf('stage', input.stage, OPPORTUNITY_STAGES),
        );
        return opportunity;
      },
      update(opportunity, patch, { now }) {
        const stage = patch.stage === undefined ? undefined : oneOf('stage', patch.stage, OPPORTUNITY_STAGES);
        const amount = patch.amount === undefined ? undefined : nonNegative('amount', patch.amount);
        if (stage !== undefined) withStage(opportunity, stage);
        if (amount !== undefined) opportunity.amount = amount;
        opportunity.lastModifiedAt = now;
      },
    },
  ],
};
