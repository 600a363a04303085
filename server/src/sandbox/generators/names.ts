// Word lists the generators draw from.
import type { Random } from '../random.ts';

const FIRST_NAMES = [
  'Ava',
  'Liam',
  'Maya',
  'Noah',
  'Priya',
  'Mateo',
  'Sofia',
  'Ethan',
  'Amara',
  'Lucas',
  'Chloe',
  'Kenji',
  'Zara',
  'Omar',
  'Elena',
  'Jonas',
  'Aisha',
  'Diego',
  'Hannah',
  'Ravi',
  'Grace',
  'Felix',
  'Nora',
  'Tariq',
  'Ingrid',
  'Marcus',
  'Leila',
  'Samuel',
  'Yuki',
  'Olivia',
  'Andre',
  'Fatima',
  'Henrik',
  'Camila',
  'Daniel',
  'Mei',
  'Victor',
  'Rosa',
  'Ibrahim',
  'Clara',
] as const;

const LAST_NAMES = [
  'Nguyen',
  'Patel',
  'Garcia',
  'Schmidt',
  'Okafor',
  'Kowalski',
  'Rossi',
  'Tanaka',
  'Johansson',
  'Haddad',
  'Silva',
  'Murphy',
  'Novak',
  'Dubois',
  'Kim',
  'Andersen',
  'Mensah',
  'Cohen',
  'Fischer',
  'Moreau',
  'Reyes',
  'Ibrahim',
  'Lindqvist',
  'Chen',
  'Walker',
  'Ferreira',
  'Yilmaz',
  'Brennan',
  'Sato',
  'Hughes',
  'Costa',
  'Weber',
  'Osei',
  'Kaur',
  'Lopez',
  'Bauer',
] as const;

const COMPANY_HEADS = [
  'Northwind',
  'Bluefin',
  'Stratus',
  'Ironbridge',
  'Lumen',
  'Cedar',
  'Polaris',
  'Redwood',
  'Quantum',
  'Harbor',
  'Summit',
  'Vertex',
  'Silverline',
  'Oakridge',
  'Brightwave',
  'Keystone',
  'Evergreen',
  'Pinnacle',
  'Crescent',
  'Atlas',
  'Meridian',
  'Granite',
  'Horizon',
  'Falcon',
  'Sterling',
  'Nimbus',
  'Copperleaf',
  'Tidewater',
  'Aurora',
  'Blackstone',
] as const;
const COMPANY_TAILS = [
  'Logistics',
  'Health',
  'Systems',
  'Foods',
  'Energy',
  'Labs',
  'Retail',
  'Manufacturing',
  'Capital',
  'Media',
  'Analytics',
  'Robotics',
  'Pharma',
  'Networks',
  'Motors',
  'Textiles',
  'Airlines',
  'Bank',
  'Insurance',
  'Software',
] as const;
const COMPANY_SUFFIXES = ['Inc.', 'LLC', 'Ltd.', 'GmbH', 'Group', 'Co.', 'AG', 'S.A.'] as const;

export const CITIES = [
  ['New York', 'USA'],
  ['Chicago', 'USA'],
  ['Austin', 'USA'],
  ['Seattle', 'USA'],
  ['Boston', 'USA'],
  ['Toronto', 'Canada'],
  ['London', 'United Kingdom'],
  ['Berlin', 'Germany'],
  ['Munich', 'Germany'],
  ['Paris', 'France'],
  ['Amsterdam', 'Netherlands'],
  ['Madrid', 'Spain'],
  ['Stockholm', 'Sweden'],
  ['Tokyo', 'Japan'],
  ['Singapore', 'Singapore'],
  ['Sydney', 'Australia'],
  ['São Paulo', 'Brazil'],
  ['Mexico City', 'Mexico'],
  ['Dublin', 'Ireland'],
  ['Zurich', 'Switzerland'],
] as const;

export const DEPARTMENTS = [
  'Engineering',
  'Sales',
  'Marketing',
  'Finance',
  'HR',
  'Operations',
  'Support',
  'Legal',
] as const;

function personName(random: Random): { first: string; last: string; full: string } {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return { first, last, full: `${first} ${last}` };
}

/** `count` distinct customer company names. */
export function companyNames(random: Random, count: number): string[] {
  const heads = random.sample(COMPANY_HEADS, count);
  return heads.map((head) => `${head} ${random.pick(COMPANY_TAILS)} ${random.pick(COMPANY_SUFFIXES)}`);
}

/** `count` distinct people. */
export function people(random: Random, count: number): { first: string; last: string; full: string }[] {
  const seen = new Set<string>();
  const out: { first: string; last: string; full: string }[] = [];
  while (out.length < count) {
    const person = personName(random);
    if (seen.has(person.full)) continue;
    seen.add(person.full);
    out.push(person);
  }
  return out;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
