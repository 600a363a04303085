// The demo world seed is idempotent and matches docs/architecture.md ("The demo world").
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest as it } from '../../test/fixture.ts';
import { snapshot } from '../../test/world.ts';
import { DEMO_ROLES } from './roles.ts';
import { seedDemoWorld } from './seed.ts';

describe('seedDemoWorld', () => {
  it('changes nothing when run again', async ({ server }) => {
    const before = await snapshot(server.db);
    const report = await seedDemoWorld(server.db, { sandboxPort: 4010 });
    expect(report.created).toBe(0);
    expect(await snapshot(server.db)).toEqual(before);
  });

  it('keeps what an administrator changed, and restores only what is missing', async ({ server }) => {
    await server.db.company.update({ where: { slug: 'acme' }, data: { name: 'Acme Renamed' } });
    await server.db.userCompanyAccess.deleteMany({ where: { user: { email: PERSONAS.cfo } } });
    const report = await seedDemoWorld(server.db, { sandboxPort: 4010 });
    expect(report.created).toBe(1);
    expect((await server.db.company.findUniqueOrThrow({ where: { slug: 'acme' } })).name).toBe('Acme Renamed');
    expect(await server.db.userCompanyAccess.count({ where: { user: { email: PERSONAS.cfo } } })).toBe(1);
  });

  it('has at least 20 roles, the named ones among them, and manage_company on Company Admin', async ({ server }) => {
    const roles = await server.db.role.findMany();
    expect(roles.length).toBeGreaterThanOrEqual(20);
    expect(roles.length).toBe(DEMO_ROLES.length);
    for (const key of [
      'data_admin',
      'company_admin',
      'ceo',
      'cfo',
      'cto',
      'coo',
      'developer',
      'sales_manager',
      'hr_manager',
      'support_agent',
    ]) {
      expect(roles.map((r) => r.key)).toContain(key);
    }
    expect(roles.find((r) => r.key === 'company_admin')!.capabilities).toContain('manage_company');
    expect(roles.find((r) => r.key === 'ceo')!.capabilities).toEqual([]);
  });

  it('gives every demo endpoint several GET operations and at least one write, each with a parameter schema', async ({
    server,
  }) => {
    const endpoints = await server.db.apiEndpoint.findMany({ include: { operations: true, company: true } });
    expect(endpoints.map((e) => `${e.company.slug}/${e.name}`).sort()).toEqual([
      'acme/Finance API',
      'acme/GitHub API',
      'acme/HR API',
      'acme/Sales API',
      'globex/Finance API',
      'globex/GitLab API',
      'globex/HR API',
      'globex/Operations API',
      'globex/Sales API',
    ]);
    for (const endpoint of endpoints) {
      expect(endpoint.operations.filter((o) => o.method === 'GET').length).toBeGreaterThanOrEqual(2);
      expect(endpoint.operations.some((o) => o.method !== 'GET')).toBe(true);
      for (const op of endpoint.operations) expect(op.paramsSchema).toMatchObject({ type: 'object' });
    }
  });
});
