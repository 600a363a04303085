// The demo's OAuth provider: for each demo API whose credential is an OAuth2 refresh token, the
// company gets an OAuth app pointing at the sandbox's consent page and token endpoint, with the
// client id and secret the sandbox derives from its own secret. So `pnpm start` lets a newcomer
// press Connect on the demo's OAuth API and go through a real consent page, offline. Idempotent
// (by name), like the rest of the seed; the URLs are the sandbox's of this run.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { serviceCredentials } from '../sandbox/credentials.ts';
import type { Vault } from '../vault/vault.ts';
import { DEMO_COMPANIES, DEMO_GRANTS } from './world.ts';

const DEMO_OAUTH_SCOPES = 'read write offline_access';

function demoOAuthAppName(endpointName: string): string {
  return `Sandbox – ${endpointName}`;
}

export async function seedDemoOAuthApps(
  db: Db,
  vault: Vault,
  { sandboxUrl, sandboxSecret }: { sandboxUrl: string; sandboxSecret: string },
): Promise<number> {
  let created = 0;
  const base = sandboxUrl.replace(/\/+$/, '');
  for (const grant of DEMO_GRANTS.filter((g) => g.credential === 'OAUTH2_REFRESH_TOKEN')) {
    const companySeed = DEMO_COMPANIES.find((c) => c.slug === grant.company)!;
    const endpointSeed = companySeed.endpoints.find((e) => e.slug === grant.endpoint)!;
    const company = await db.company.findUnique({ where: { slug: grant.company } });
    if (!company) continue;
    const name = demoOAuthAppName(endpointSeed.name);
    if (await db.oAuthApp.findFirst({ where: { companyId: company.id, name }, select: { id: true } })) continue;
    const service = endpointSeed.template.service;
    const { clientId, clientSecret } = serviceCredentials(sandboxSecret, grant.company, service);
    const id = randomUUID();
    await db.oAuthApp.create({
      data: {
        id,
        companyId: company.id,
        name,
        provider: 'custom',
        authorizationUrl: `${base}/${grant.company}/${service}/oauth/authorize`,
        tokenUrl: `${base}/${grant.company}/${service}/oauth/token`,
        scopes: DEMO_OAUTH_SCOPES,
        tokenAuthMethod: 'client_secret_post',
        usePkce: true,
        clientId,
        hint: clientSecret.slice(-4),
        ...vault.sealWebhookSecret({ id, companyId: company.id }, clientSecret),
      },
    });
    created += 1;
  }
  return created;
}
