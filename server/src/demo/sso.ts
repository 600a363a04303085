// The demo world's single sign-on: Globex signs in the people of globex.test through the demo
// identity provider that starts with the sandbox (sandbox/identity-provider.ts), so a newcomer
// running `pnpm start` can click "Continue with your company's sign-in" and watch roles come from
// groups. Its client secret derives from the sandbox's local secret (nothing secret committed).
// Written at every start the provider runs (its address is part of the settings), idempotently.
import { createHmac } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { IdpPerson } from '../sandbox/identity-provider.ts';
import type { Vault } from '../vault/vault.ts';

export const DEMO_SSO = {
  company: 'globex',
  domain: 'globex.test',
  clientId: 'tessera-demo',
  /** Group claim value → role key. */
  mappings: { 'globex-engineering': 'developer', 'globex-it-admins': 'company_admin' } as Record<string, string>,
  people: [
    { email: 'erin@globex.test', name: 'Erin (SSO, engineering)', groups: ['globex-engineering'] },
    { email: 'olga@globex.test', name: 'Olga (SSO, IT admin)', groups: ['globex-it-admins'] },
    // No group that gives a role and no just-in-time provisioning: refused, with the reason shown.
    { email: 'nina@globex.test', name: 'Nina (SSO, no group)', groups: [] },
  ] satisfies IdpPerson[],
};

export function demoSsoClientSecret(sandboxSecret: string): string {
  return createHmac('sha256', sandboxSecret).update('demo identity provider client secret').digest('base64url');
}

/** Points Globex's single sign-on at the demo provider (creating it the first time). */
export async function seedDemoSso(
  db: Db,
  vault: Vault,
  { issuerUrl, clientSecret }: { issuerUrl: string; clientSecret: string },
): Promise<void> {
  const company = await db.company.findUnique({ where: { slug: DEMO_SSO.company }, select: { id: true } });
  if (!company) return;
  const companyId = company.id;
  const taken = await db.identityProviderDomain.findUnique({ where: { domain: DEMO_SSO.domain } });
  if (taken && taken.companyId !== companyId) return;
  const settings = {
    issuerUrl,
    clientId: DEMO_SSO.clientId,
    ...vault.sealClientSecret({ companyId, issuerUrl }, clientSecret),
    passwordSignInAllowed: true,
    justInTimeProvisioning: false,
    groupsClaim: 'groups',
    groupsOnly: false,
  };
  const roles = await db.role.findMany({ where: { key: { in: Object.values(DEMO_SSO.mappings) } } });
  await db.$transaction(async (tx) => {
    const existing = await tx.identityProvider.findUnique({ where: { companyId } });
    await tx.identityProvider.upsert({ where: { companyId }, create: { companyId, ...settings }, update: settings });
    // An administrator's own changes to domains and mappings stay; the first start sets them.
    if (existing) return;
    await tx.identityProviderDomain.create({ data: { domain: DEMO_SSO.domain, companyId } });
    await tx.identityProviderGroupMapping.createMany({
      data: Object.entries(DEMO_SSO.mappings).flatMap(([groupName, key]) => {
        const role = roles.find((r) => r.key === key);
        return role ? [{ companyId, groupName, roleId: role.id }] : [];
      }),
    });
  });
}
