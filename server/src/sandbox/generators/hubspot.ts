// A HubSpot-like CRM: deals (HubSpot's default pipeline stages, lower-case property names) and contacts.
import { ascendingIds } from './ascending-ids.ts';
import { isoDay, type Random } from '../random.ts';
import { companyNames, people, slugify } from './names.ts';
import { nextNumber, nonEmpty, nonNegative, oneOf, type Collections, type Item, type ServiceDef } from './types.ts';

const DEAL_STAGES = [
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
  'closedwon',
  'closedlost',
] as const;
const PROBABILITY: Record<string, number> = {
  appointmentscheduled: 0.2,
  qualifiedtobuy: 0.4,
  presentationscheduled: 0.6,
  decisionmakerboughtin: 0.8,
  contractsent: 0.9,
  closedwon: 1,
  closedlost: 0,
};
const TITLES = [
  'CTO',
  'VP Engineering',
  'Head of Procurement',
  'Operations Manager',
  'CFO',
  'IT Director',
  'Product Manager',
  'CEO',
  'Buyer',
] as const;
const LIFECYCLE = ['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'] as const;
const DEAL_KINDS = [
  'Annual subscription',
  'Pilot',
  'Expansion',
  'Multi-year renewal',
  'Onboarding package',
  'Enterprise rollout',
] as const;

function withStage(deal: Item, stage: string): void {
  deal.dealstage = stage;
  deal.hs_deal_stage_probability = PROBABILITY[stage] ?? 0;
  deal.hs_is_closed = stage.startsWith('closed');
  deal.hs_is_closed_won = stage === 'closedwon';
}

function seed(_company: string, random: Random): Collections {
  const owners = people(random, 4).map((p) => p.full);
  const customers = companyNames(random, random.int(10, 14));
  const nextId = ascendingIds(51_000 + random.int(0, 800) * 10);
  const contacts: Item[] = people(random, random.int(15, 30)).map((person) => {
    const employer = random.pick(customers);
    const createdate = random.timestamp(-600, -20);
    return {
      id: String(nextId(random.int(1, 40))),
      firstname: person.first,
      lastname: person.last,
      email: `${slugify(person.full)}@${slugify(employer.split(' ')[0]!)}.example`,
      phone: `+1 ${random.int(200, 989)}-555-${String(random.int(0, 9999)).padStart(4, '0')}`,
      company: employer,
      jobtitle: random.pick(TITLES),
      lifecyclestage: random.pick(LIFECYCLE),
      hubspot_owner: random.pick(owners),
      createdate,
      lastmodifieddate: random.timestamp(-19, 0),
    };
  });
  const nextDealId = ascendingIds(9_200_000 + random.int(0, 99_999));
  const deals: Item[] = [];
  const count = random.int(15, 35);
  for (let i = 0; i < count; i++) {
    const contact = random.pick(contacts);
    const stage = random.weighted([
      ['appointmentscheduled', 4],
      ['qualifiedtobuy', 4],
      ['presentationscheduled', 3],
      ['decisionmakerboughtin', 3],
      ['contractsent', 2],
      ['closedwon', 4],
      ['closedlost', 2],
    ] as const);
    const closed = stage.startsWith('closed');
    const deal: Item = {
      id: String(nextDealId(random.int(3, 3000))),
      dealname: `${contact.company as string} - ${random.pick(DEAL_KINDS)}`,
      amount: random.amount(5_000, 400_000, 250),
      currency: 'USD',
      pipeline: 'default',
      closedate: closed ? random.timestamp(-150, -1) : random.timestamp(3, 140),
      company: contact.company,
      contactId: contact.id,
      hubspot_owner: contact.hubspot_owner,
      createdate: random.timestamp(-280, -5),
      lastmodifieddate: random.timestamp(-9, 0),
    };
    withStage(deal, stage);
    deals.push(deal);
  }
  deals.sort((a, b) => String(a.closedate).localeCompare(String(b.closedate)));
  return { deals, contacts };
}

export const hubspot: ServiceDef = {
  name: 'hubspot',
  seed,
  resources: [
    {
      name: 'deals',
      filters: { pipelineStage: { field: 'dealstage' } },
      create(input, { collections, now }) {
        const deal: Item = {
          id: String(nextNumber(collections.deals!, 'id', 9_300_000)),
          dealname: nonEmpty('dealname', input.dealname),
          amount: nonNegative('amount', input.amount),
          currency: 'USD',
          pipeline: 'default',
          closedate: `${isoDay(now, 60)}T00:00:00.000Z`,
          company: null,
          contactId: null,
          hubspot_owner: null,
          createdate: now,
          lastmodifieddate: now,
        };
        withStage(
          deal,
          input.dealstage === undefined ? 'appointmentscheduled' : oneOf('dealstage', input.dealstage, DEAL_STAGES),
        );
        return deal;
      },
      update(deal, patch, { now }) {
        const stage = patch.dealstage === undefined ? undefined : oneOf('dealstage', patch.dealstage, DEAL_STAGES);
        const amount = patch.amount === undefined ? undefined : nonNegative('amount', patch.amount);
        if (stage !== undefined) withStage(deal, stage);
        if (amount !== undefined) deal.amount = amount;
        deal.lastmodifieddate = now;
      },
    },
    { name: 'contacts', keys: ['email'] },
  ],
};
