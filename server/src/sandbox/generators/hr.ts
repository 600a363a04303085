// HR: employees, open positions and a headcount per department computed from both.
import { DATA_AS_OF, isoDay, type Random } from '../random.ts';
import { CITIES, DEPARTMENTS, people, slugify } from './names.ts';
import { companyIdentity, nextNumber, nonEmpty, oneOf, type Collections, type Item, type ServiceDef } from './types.ts';

const TITLES: Record<string, readonly string[]> = {
  Engineering: [
    'Software Engineer',
    'Senior Software Engineer',
    'Staff Engineer',
    'Engineering Manager',
    'SRE',
    'QA Engineer',
  ],
  Sales: ['Account Executive', 'Sales Development Rep', 'Sales Manager', 'Solutions Engineer'],
  Marketing: ['Marketing Manager', 'Content Strategist', 'Growth Marketer', 'Product Marketing Manager'],
  Finance: ['Accountant', 'Financial Analyst', 'Controller'],
  HR: ['HR Business Partner', 'Recruiter', 'People Operations Specialist'],
  Operations: ['Operations Analyst', 'Supply Chain Manager', 'Logistics Coordinator'],
  Support: ['Support Engineer', 'Customer Success Manager', 'Support Team Lead'],
  Legal: ['Legal Counsel', 'Paralegal'],
};
const WEIGHTS = [
  ['Engineering', 8],
  ['Sales', 5],
  ['Marketing', 3],
  ['Finance', 2],
  ['HR', 2],
  ['Operations', 3],
  ['Support', 4],
  ['Legal', 1],
] as const;

function seed(company: string, random: Random): Collections {
  const { domain } = companyIdentity(company);
  const offices = random.sample(CITIES, 3);
  let number = 1000 + random.int(0, 80);
  const employees: Item[] = people(random, random.int(24, 40)).map((person) => {
    const department = random.weighted(WEIGHTS);
    const [city, country] = random.pick(offices);
    return {
      id: `E${++number}`,
      firstName: person.first,
      lastName: person.last,
      name: person.full,
      email: `${slugify(person.full)}@${domain}`,
      title: random.pick(TITLES[department]!),
      department,
      location: `${city}, ${country}`,
      employmentType: random.weighted([
        ['full-time', 12],
        ['part-time', 1],
        ['contractor', 2],
      ] as const),
      status: random.weighted([
        ['active', 14],
        ['on_leave', 1],
      ] as const),
      startDate: isoDay(random.timestamp(-2900, -10)),
      managerId: null as string | null,
    };
  });
  // The earliest hire of each department manages it.
  for (const department of DEPARTMENTS) {
    const members = employees
      .filter((e) => e.department === department)
      .sort((a, b) => String(a.startDate).localeCompare(String(b.startDate)));
    for (const member of members.slice(1)) member.managerId = String(members[0]!.id);
  }
  let req = 200 + random.int(0, 50);
  const positions: Item[] = [];
  const count = random.int(8, 15);
  for (let i = 0; i < count; i++) {
    const department = random.weighted(WEIGHTS);
    const [city, country] = random.pick(offices);
    positions.push({
      id: `REQ-${++req}`,
      title: random.pick(TITLES[department]!),
      department,
      location: random.chance(0.3) ? 'Remote' : `${city}, ${country}`,
      status: 'open',
      openedAt: isoDay(random.timestamp(-90, -1)),
      applicants: random.int(0, 60),
      hiringManager: random.pick(
        employees
          .filter((e) => e.department === department)
          .map((e) => e.name as string)
          .concat(['(unassigned)']),
      ),
    });
  }
  positions.sort((a, b) => String(b.openedAt).localeCompare(String(a.openedAt)));
  return { employees, positions };
}

function headcount(collections: Collections) {
  const employees = collections.employees!;
  const open = collections.positions!.filter((p) => p.status === 'open');
  const departments = [...new Set([...DEPARTMENTS, ...employees.map((e) => String(e.department))])].map(
    (department) => ({
      department,
      headcount: employees.filter((e) => e.department === department).length,
      onLeave: employees.filter((e) => e.department === department && e.status === 'on_leave').length,
      openPositions: open.filter((p) => p.department === department).length,
    }),
  );
  return { asOf: DATA_AS_OF.toISOString(), total: employees.length, openPositions: open.length, departments };
}

export const hr: ServiceDef = {
  name: 'hr',
  seed,
  views: { headcount },
  resources: [
    { name: 'employees', keys: ['email'] },
    {
      name: 'positions',
      create(input, { collections, now }) {
        const positions = collections.positions!;
        return {
          id: `REQ-${nextNumber(
            positions.map((p) => ({ id: p.id, n: Number(String(p.id).slice(4)) })),
            'n',
            1,
          )}`,
          title: nonEmpty('title', input.title),
          department: oneOf('department', input.department, DEPARTMENTS),
          location: 'Remote',
          status: 'open',
          openedAt: now.slice(0, 10),
          applicants: 0,
          hiringManager: '(unassigned)',
        };
      },
    },
  ],
};
