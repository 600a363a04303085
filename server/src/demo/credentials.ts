// Seeds one credential per demo grant, of the kind the grant names, with secrets the sandbox
// derives from its own local secret: nothing secret is committed, and the sandbox accepts
// exactly these. Idempotent like the rest of the seed.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Vault } from '../vault/vault.ts';
import { originOf } from '../lib/origin.ts';
import { prepareSecret, type CredentialKind } from '../vault/credential-kinds.ts';
import { demoCredential } from '../sandbox/credentials.ts';
import { DEMO_COMPANIES, DEMO_GRANTS } from './world.ts';
import { DEMO_ROLES } from './roles.ts';
import { seedDemoOAuthApps } from './oauth-apps.ts';

export interface DemoCredentialOptions {
  sandboxUrl: string;
  sandboxSecret: string;
}

function demoCredentialName(endpointName: string, roleName: string): string {
  return `${endpointName} – ${roleName}`;
}

export async function seedDemoCredentials(
  db: Db,
  vault: Vault,
  { sandboxUrl, sandboxSecret }: DemoCredentialOptions,
): Promise<number> {
  let created = 0;
  for (const grant of DEMO_GRANTS) {
    const companySeed = DEMO_COMPANIES.find((c) => c.slug === grant.company)!;
    const endpointSeed = companySeed.endpoints.find((e) => e.slug === grant.endpoint)!;
    const roleSeed = DEMO_ROLES.find((r) => r.key === grant.role)!;
    const endpoint = await db.apiEndpoint.findFirst({
      where: { slug: grant.endpoint, company: { slug: grant.company } },
    });
    const role = await db.role.findUnique({ where: { key: grant.role } });
    if (!endpoint || !role) continue;
    const name = demoCredentialName(endpointSeed.name, roleSeed.name);
    const existing = await db.apiCredential.findFirst({
      where: { companyId: endpoint.companyId, roleId: role.id, name },
    });
    if (existing) continue;
    let { secret } = demoCredential(
      sandboxSecret,
      grant.company,
      endpointSeed.template.service,
      grant.credential,
      sandboxUrl,
    );
    // Vary API key placement across the demo: Globex's GitLab takes it as a query parameter.
    if (grant.credential === 'API_KEY' && endpointSeed.template.service === 'gitlab') {
      secret = { apiKey: secret.apiKey, queryParam: 'api_key' };
    }
    const prepared = prepareSecret(grant.credential as CredentialKind, secret);
    // Bound to the origin the endpoint points at now (the sandbox's port of this run).
    const row = {
      id: randomUUID(),
      companyId: endpoint.companyId,
      roleId: role.id,
      endpointId: endpoint.id,
      origin: originOf(endpoint.baseUrl),
    };
    await db.apiCredential.create({
      data: {
        ...row,
        name,
        kind: grant.credential,
        ...vault.sealCredentialSecret(row, prepared.secret),
        settings: prepared.settings as object,
        hint: prepared.hint,
      },
    });
    created += 1;
  }
  // The demo's OAuth apps (the sandbox as a provider) come with the credentials: same sandbox, same run.
  await seedDemoOAuthApps(db, vault, { sandboxUrl, sandboxSecret });
  return created;
}
