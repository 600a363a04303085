import { describe, expect, it } from 'vitest';
import { buildCompanyChoices, pickCompany } from './company-choices.ts';

const acme = { id: 'a', name: 'Acme Corp', slug: 'acme' };
const globex = { id: 'g', name: 'Globex', slug: 'globex' };
const ceo = { id: 'r1', key: 'ceo', name: 'CEO' };
const cfo = { id: 'r2', key: 'cfo', name: 'CFO' };

describe('buildCompanyChoices', () => {
  it('gathers every role held in a company, once, and sorts companies by name', () => {
    const choices = buildCompanyChoices(
      [
        { company: globex, role: ceo },
        { company: acme, role: ceo },
        { company: acme, role: cfo },
        { company: acme, role: cfo },
      ],
      [],
    );
    expect(choices.map((c) => [c.slug, c.roles.map((r) => r.key), c.administers])).toEqual([
      ['acme', ['ceo', 'cfo'], false],
      ['globex', ['ceo'], false],
    ]);
  });

  it('adds administered companies without roles and marks those the person administers', () => {
    const choices = buildCompanyChoices([{ company: globex, role: ceo }], [acme, globex]);
    expect(choices.map((c) => [c.slug, c.roles.length, c.administers])).toEqual([
      ['acme', 0, true],
      ['globex', 1, true],
    ]);
  });
});

describe('pickCompany', () => {
  const choices = buildCompanyChoices([], [acme, globex]);

  it('keeps a saved choice that is still available', () => {
    expect(pickCompany(choices, 'g')?.slug).toBe('globex');
  });

  it('falls back to the first company when the saved one is gone or never was', () => {
    expect(pickCompany(choices, 'someone-elses')?.slug).toBe('acme');
    expect(pickCompany(choices, null)?.slug).toBe('acme');
  });

  it('answers null when there is no company at all', () => {
    expect(pickCompany([], 'a')).toBeNull();
  });
});
