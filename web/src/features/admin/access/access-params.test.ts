import { describe, expect, it } from 'vitest';
import { pickCompanyId, readSelection, writeSelection } from './access-params.ts';

describe('the selection in the address', () => {
  it('reads a role view by default and round-trips', () => {
    expect(readSelection(new URLSearchParams(''))).toEqual({
      view: 'role',
      roleId: null,
      userId: null,
      companyId: null,
    });
    const role = readSelection(new URLSearchParams('view=role&role=r1&company=c1'));
    expect(role).toEqual({ view: 'role', roleId: 'r1', userId: null, companyId: 'c1' });
    expect(writeSelection(role).toString()).toBe('view=role&role=r1&company=c1');
  });

  it("writes only the current view's subject", () => {
    expect(writeSelection({ view: 'person', roleId: 'r1', userId: 'u1', companyId: 'c1' }).toString()).toBe(
      'view=person&user=u1&company=c1',
    );
    expect(writeSelection({ view: 'role', roleId: 'r1', userId: 'u1', companyId: null }).toString()).toBe(
      'view=role&role=r1',
    );
    expect(readSelection(new URLSearchParams('view=weird&user=u1')).view).toBe('role');
  });
});

describe('pickCompanyId', () => {
  const administered = [{ id: 'acme' }, { id: 'globex' }];
  it('prefers the asked-for company, then the header one, then the first administered', () => {
    expect(pickCompanyId('globex', administered, 'acme')).toBe('globex');
    expect(pickCompanyId(null, administered, 'globex')).toBe('globex');
    expect(pickCompanyId('initech', administered, 'initech')).toBe('acme');
    expect(pickCompanyId(null, [], 'acme')).toBeNull();
  });
});
