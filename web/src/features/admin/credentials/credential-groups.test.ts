import { describe, expect, it } from 'vitest';
import { formatWhen, groupCredentials, SHARED_LABEL } from './credential-groups.ts';

const github = { id: 'e1', name: 'GitHub API' };
const finance = { id: 'e2', name: 'Finance API' };
const hr = { id: 'e3', name: 'HR API' };
const dev = { id: 'r1', name: 'Developer' };
const ceo = { id: 'r2', name: 'CEO' };

describe('groupCredentials', () => {
  it('groups by endpoint then role, shared first, and keeps endpoints without credentials', () => {
    const credentials = [
      { id: 'c1', name: 'b', endpoint: github, role: dev },
      { id: 'c2', name: 'a', endpoint: github, role: dev },
      { id: 'c3', name: 'z', endpoint: github, role: null },
      { id: 'c4', name: 'x', endpoint: finance, role: ceo },
      { id: 'c5', name: 'y', endpoint: github, role: ceo },
    ];
    const groups = groupCredentials(credentials, [hr, github, finance]);
    expect(groups.map((g) => [g.endpoint.name, g.count])).toEqual([
      ['Finance API', 1],
      ['GitHub API', 4],
      ['HR API', 0],
    ]);
    const gh = groups[1]!;
    expect(gh.roles.map((r) => r.label)).toEqual([SHARED_LABEL, 'CEO', 'Developer']);
    expect(gh.roles[2]!.credentials.map((c) => c.id)).toEqual(['c2', 'c1']);
    expect(groups[2]!.roles).toEqual([]);
  });

  it('still shows a credential whose endpoint is missing from the list', () => {
    const groups = groupCredentials([{ id: 'c1', name: 'a', endpoint: hr, role: null }], []);
    expect(groups.map((g) => g.endpoint.name)).toEqual(['HR API']);
  });
});

describe('formatWhen', () => {
  const now = new Date('2030-06-15T12:00:00Z');
  it('says how long ago, in words', () => {
    expect(formatWhen(null, now)).toBe('never');
    expect(formatWhen('2030-06-15T11:59:30Z', now)).toBe('just now');
    expect(formatWhen('2030-06-15T11:59:00Z', now)).toBe('1 minute ago');
    expect(formatWhen('2030-06-15T11:15:00Z', now)).toBe('45 minutes ago');
    expect(formatWhen('2030-06-15T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatWhen('2030-06-13T12:00:00Z', now)).toBe('2 days ago');
    expect(formatWhen('2030-01-01T00:00:00Z', now)).toBe('2030-01-01');
    expect(formatWhen('garbage', now)).toBe('unknown');
  });
});
