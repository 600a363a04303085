// Seeds the demo world. Idempotent: it creates what is missing and changes nothing that
// exists (so a second run, or a run after an admin's edits, alters no row).
import { hashPassword } from '../auth/passwords.ts';
import type { Db, Prisma } from '../db/client.ts';
import { DEMO_WIDGETS, demoRolePosition, ROLE_TOPICS } from './dashboard-widgets.ts';
import { DEMO_ROLES } from './roles.ts';
import { DEMO_AUTH } from './auth.ts';
import { DEMO_COMPANIES, DEMO_FIELD_RULES, DEMO_GRANTS, DEMO_PASSWORD, DEMO_USERS, sandboxBaseUrl } from './world.ts';

export interface SeedOptions {
  sandboxPort: number;
}

export interface SeedReport {
  created: number;
}

export async function seedDemoWorld(db: Db, { sandboxPort }: SeedOptions): Promise<SeedReport> {
  let created = 0;
  const count = <T>(row: T | null, make: () => Promise<T>) =>
    row
      ? Promise.resolve(row)
      : make().then((r) => {
          created += 1;
          return r;
        });

  const roles = new Map<string, string>();
  for (const seed of DEMO_ROLES) {
    const existing = await db.role.findUnique({ where: { key: seed.key } });
    const role = await count(existing, () =>
      db.role.create({
        data: { key: seed.key, name: seed.name, description: seed.description, capabilities: seed.capabilities ?? [] },
      }),
    );
    roles.set(seed.key, role.id);
  }

  const companies = new Map<string, string>();
  const endpoints = new Map<string, string>();
  for (const seed of DEMO_COMPANIES) {
    const company = await count(await db.company.findUnique({ where: { slug: seed.slug } }), () =>
      db.company.create({ data: { slug: seed.slug, name: seed.name } }),
    );
    companies.set(seed.slug, company.id);
    for (const ep of seed.endpoints) {
      const where = { companyId_slug: { companyId: company.id, slug: ep.slug } };
      const baseUrl = sandboxBaseUrl(sandboxPort, seed.slug, ep.template.service);
      const auth = DEMO_AUTH[ep.template.service]!(baseUrl) as Prisma.InputJsonObject;
      const endpoint = await count(await db.apiEndpoint.findUnique({ where }), () =>
        db.apiEndpoint.create({
          data: {
            companyId: company.id,
            slug: ep.slug,
            name: ep.name,
            description: ep.template.description,
            baseUrl,
            cacheTtlSeconds: ep.template.cacheTtlSeconds,
            auth,
          },
        }),
      );
      // A demo database seeded before endpoints declared their auth gets it once.
      if (endpoint.auth === null) await db.apiEndpoint.update({ where: { id: endpoint.id }, data: { auth } });
      endpoints.set(`${seed.slug}/${ep.slug}`, endpoint.id);
      for (const op of ep.template.operations) {
        const opWhere = { endpointId_key: { endpointId: endpoint.id, key: op.key } };
        await count(await db.endpointOperation.findUnique({ where: opWhere }), () =>
          db.endpointOperation.create({
            data: { endpointId: endpoint.id, ...op, paramsSchema: op.paramsSchema as Prisma.InputJsonObject },
          }),
        );
      }
    }
  }

  for (const grant of DEMO_GRANTS) {
    const key = {
      roleId: roles.get(grant.role)!,
      companyId: companies.get(grant.company)!,
      endpointId: endpoints.get(`${grant.company}/${grant.endpoint}`)!,
    };
    await count(await db.roleApiPermission.findUnique({ where: { roleId_companyId_endpointId: key } }), () =>
      db.roleApiPermission.create({ data: { ...key, access: grant.access } }),
    );
  }

  for (const rule of DEMO_FIELD_RULES) {
    const endpointId = endpoints.get(`${rule.company}/${rule.endpoint}`)!;
    const operation = await db.endpointOperation.findUniqueOrThrow({
      where: { endpointId_key: { endpointId, key: rule.operation } },
    });
    const key = { operationId: operation.id, roleId: roles.get(rule.role)! };
    await count(await db.operationFieldRule.findUnique({ where: { operationId_roleId: key } }), () =>
      db.operationFieldRule.create({
        data: { ...key, endpointId, companyId: companies.get(rule.company)!, mode: rule.mode, paths: rule.paths },
      }),
    );
  }

  // The demo's dashboard widgets, as an administrator would define them (dashboard-widgets.ts).
  for (const seed of DEMO_COMPANIES) {
    const companyId = companies.get(seed.slug)!;
    for (const ep of seed.endpoints) {
      const endpointId = endpoints.get(`${seed.slug}/${ep.slug}`)!;
      const gets = new Set(ep.template.operations.filter((o) => o.method === 'GET').map((o) => o.key));
      for (const [index, w] of DEMO_WIDGETS.entries()) {
        if (!gets.has(w.operationKey)) continue;
        const where = {
          companyId_endpointId_operationKey_key: { companyId, endpointId, operationKey: w.operationKey, key: w.key },
        };
        await count(await db.dashboardWidget.findUnique({ where }), () =>
          db.dashboardWidget.create({
            data: {
              companyId,
              endpointId,
              operationKey: w.operationKey,
              key: w.key,
              title: w.title,
              kind: w.kind,
              format: w.format,
              unit: w.unit,
              params: (w.params ?? {}) as Prisma.InputJsonObject,
              ...(w.fanOut ? { fanOut: { ...w.fanOut } } : {}),
              expression: w.expression,
              colours: w.colours ?? {},
              position: index,
              roles: {
                create: Object.keys(ROLE_TOPICS).flatMap((roleKey) => {
                  const position = demoRolePosition(roleKey, index);
                  const roleId = roles.get(roleKey);
                  return position === null || !roleId ? [] : [{ roleId, position }];
                }),
              },
            },
          }),
        );
      }
    }
  }

  for (const seed of DEMO_USERS) {
    const user = await count(await db.user.findUnique({ where: { email: seed.email } }), async () =>
      db.user.create({
        data: {
          email: seed.email,
          name: seed.name,
          isPlatformAdmin: seed.isPlatformAdmin ?? false,
          passwordHash: await hashPassword(DEMO_PASSWORD),
        },
      }),
    );
    for (const m of seed.memberships) {
      const key = { userId: user.id, companyId: companies.get(m.company)!, roleId: roles.get(m.role)! };
      await count(await db.userCompanyAccess.findUnique({ where: { userId_companyId_roleId: key } }), () =>
        db.userCompanyAccess.create({ data: key }),
      );
    }
  }
  return { created };
}

/** The embedded default seeds once: on a database that has no user yet. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}
