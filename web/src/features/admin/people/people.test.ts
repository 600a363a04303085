import { describe, expect, it } from 'vitest';
import { filterPeople, formField, groupMemberships, rolesNotHeld, validateNewUser } from './people.ts';

const acme = { id: 'c1', name: 'Acme Corp' };
const globex = { id: 'c2', name: 'Globex' };
const ceo = { id: 'r1', name: 'CEO' };
const cto = { id: 'r2', name: 'CTO' };
const dev = { id: 'r3', name: 'Developer' };

describe('groupMemberships', () => {
  it('one entry per company, companies and roles in name order, no duplicates', () => {
    const grouped = groupMemberships([
      { company: globex, role: dev },
      { company: acme, role: dev },
      { company: acme, role: cto },
      { company: acme, role: cto },
    ]);
    expect(grouped).toEqual([
      { company: acme, roles: [cto, dev] },
      { company: globex, roles: [dev] },
    ]);
    expect(groupMemberships([])).toEqual([]);
  });
});

describe('filterPeople', () => {
  const people = [
    { name: 'Casey CEO', email: 'ceo@demo.test' },
    { name: 'Dana Developer', email: 'dev@demo.test' },
  ];
  it('matches every word in the name or email, ignoring case', () => {
    expect(filterPeople(people, '')).toEqual(people);
    expect(filterPeople(people, '  DEV ')).toEqual([people[1]]);
    expect(filterPeople(people, 'casey demo')).toEqual([people[0]]);
    expect(filterPeople(people, 'casey dev')).toEqual([]);
  });
});

describe('rolesNotHeld', () => {
  it('leaves out the roles already held in that company only', () => {
    const memberships = [
      { company: acme, role: dev },
      { company: globex, role: ceo },
    ];
    expect(rolesNotHeld([dev, ceo, cto], memberships, acme.id)).toEqual([ceo, cto]);
    expect(rolesNotHeld([dev, ceo, cto], memberships, globex.id)).toEqual([cto, dev]);
  });
});

describe('validateNewUser', () => {
  it('accepts a complete form', () => {
    expect(validateNewUser({ name: 'Pat', email: 'pat@acme.test', password: 'a-long-password' })).toEqual({});
  });
  it('explains each missing or wrong field', () => {
    const errors = validateNewUser({ name: '  ', email: 'pat', password: 'short' });
    expect(errors.name).toBe('Enter the person’s name.');
    expect(errors.email).toBe('This is not an email address (like name@company.com).');
    expect(errors.password).toBe('The password must be at least 12 characters (5 so far).');
    expect(validateNewUser({ name: 'x', email: '', password: 'p'.repeat(257) })).toEqual({
      email: 'Enter an email address; the person signs in with it.',
      password: 'The password must be at most 256 characters.',
    });
  });
});

describe('formField', () => {
  it("maps the server's field path to the form's field", () => {
    expect(formField('input.email')).toBe('email');
    expect(formField('email')).toBe('email');
    expect(formField('input.isPlatformAdmin')).toBeNull();
    expect(formField(undefined)).toBeNull();
  });
});
