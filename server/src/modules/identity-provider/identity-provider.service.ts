// A company's single sign-on settings and group mappings, managed by its administrators. The
// client secret is write-only: sealed by the vault on the way in, never read back by this module
// (only the sign-in flow opens it, to talk to the provider). Every change writes an audit row.
import type { Db, Prisma } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/prisma-errors.ts';
import { BadInputError, ConflictError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { parseInput } from '../../lib/validate.ts';
import type { Vault } from '../../vault/vault.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { getCompanyOrThrow } from '../company/company.service.ts';
import { groupMappingsSchema, identityProviderInputSchema } from './identity-provider.input.ts';

const providerSelect = {
  companyId: true as const,
  issuerUrl: true,
  clientId: true,
  secretCiphertext: true,
  passwordSignInAllowed: true,
  justInTimeProvisioning: true,
  groupsClaim: true,
  groupsOnly: true,
  updatedAt: true,
  domains: { select: { domain: true }, orderBy: { domain: 'asc' as const } },
  groupMappings: {
    select: { groupName: true, roleId: true, role: { select: { key: true, name: true } } },
    orderBy: [{ groupName: 'asc' as const }, { roleId: 'asc' as const }],
  },
} satisfies Prisma.IdentityProviderSelect;

export interface GroupMappingView {
  group: string;
  roleId: string;
  roleKey: string;
  roleName: string;
}

export interface IdentityProviderView {
  companyId: string;
  configured: boolean;
  issuerUrl: string;
  clientId: string;
  hasClientSecret: boolean;
  allowedDomains: string[];
  passwordSignInAllowed: boolean;
  justInTimeProvisioning: boolean;
  groupsClaim: string;
  groupsOnly: boolean;
  groupMappings: GroupMappingView[];
  updatedAt: Date | null;
}

type ProviderRow = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(db: Db, companyId: string) {
  return db.identityProvider.findUnique({ where: { companyId }, select: providerSelect });
}

/** What administrators see: everything but the secret, of which only whether one is stored. */
function view(row: ProviderRow): IdentityProviderView {
  const { secretCiphertext, domains, groupMappings, ...rest } = row;
  return {
    ...rest,
    configured: true,
    hasClientSecret: secretCiphertext !== null,
    allowedDomains: domains.map((d) => d.domain),
    groupMappings: groupMappings.map((m) => ({
      group: m.groupName,
      roleId: m.roleId,
      roleKey: m.role.key,
      roleName: m.role.name,
    })),
  };
}

/** A company without single sign-on answers the defaults a new configuration starts from. */
function unconfigured(companyId: string): IdentityProviderView {
  return {
    companyId,
    configured: false,
    issuerUrl: '',
    clientId: '',
    hasClientSecret: false,
    allowedDomains: [],
    passwordSignInAllowed: true,
    justInTimeProvisioning: false,
    groupsClaim: 'groups',
    groupsOnly: false,
    groupMappings: [],
    updatedAt: null,
  };
}

export async function getIdentityProvider(db: Db, { companyId }: { companyId: string }) {
  const row = await findRow(db, companyId);
  return row ? view(row) : unconfigured(companyId);
}

const DOMAIN_TAKEN = "One of these domains already signs in through another company's identity provider.";

export async function configureIdentityProvider(
  db: Db,
  vault: Vault,
  actor: Actor,
  { companyId, input }: { companyId: string; input: unknown },
): Promise<IdentityProviderView> {
  const { clientSecret, allowedDomains, ...settings } = parseInput(identityProviderInputSchema, input, 'input');
  await getCompanyOrThrow(db, { companyId });
  const keep = clientSecret === undefined || clientSecret === null;
  if (keep) await assertSecretStaysWithIssuer(db, companyId, settings.issuerUrl);
  // undefined: keep; '': remove; anything else: seal it for this company and issuer.
  const secret = keep
    ? {}
    : clientSecret === ''
      ? { secretCiphertext: null, secretKeyId: null }
      : vault.sealClientSecret({ companyId, issuerUrl: settings.issuerUrl }, clientSecret);
  try {
    await db.$transaction(async (tx) => {
      const previous = await tx.identityProvider.findUnique({ where: { companyId }, select: { companyId: true } });
      await tx.identityProvider.upsert({
        where: { companyId },
        create: { companyId, ...settings, ...secret },
        update: { ...settings, ...secret },
      });
      await tx.identityProviderDomain.deleteMany({ where: { companyId } });
      await tx.identityProviderDomain.createMany({ data: allowedDomains.map((domain) => ({ domain, companyId })) });
      // Never the secret: only whether it was replaced or removed.
      await recordAudit(tx, actor, {
        companyId,
        action: previous ? 'identity_provider.update' : 'identity_provider.create',
        targetType: 'identity_provider',
        targetId: companyId,
        details: {
          ...settings,
          allowedDomains,
          clientSecret: keep ? 'kept' : clientSecret ? 'set' : 'removed',
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(DOMAIN_TAKEN, 'allowedDomains');
    throw error;
  }
  return getIdentityProvider(db, { companyId });
}

const SECRET_FOR_NEW_ISSUER =
  'Enter the client secret again: a stored secret is only ever sent to the issuer it was entered for.';

/** A stored secret is sealed to its issuer's origin: moving to another origin needs it entered again. */
async function assertSecretStaysWithIssuer(db: Db, companyId: string, issuerUrl: string) {
  const stored = await db.identityProvider.findUnique({
    where: { companyId },
    select: { issuerUrl: true, secretCiphertext: true },
  });
  if (stored?.secretCiphertext && new URL(stored.issuerUrl).origin !== new URL(issuerUrl).origin)
    throw new BadInputError(SECRET_FOR_NEW_ISSUER, 'input.clientSecret');
}

export async function deleteIdentityProvider(db: Db, actor: Actor, { companyId }: { companyId: string }) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.identityProvider.deleteMany({ where: { companyId } });
    if (count === 0) throw new NotFoundError('Identity provider');
    // Roles the groups gave stay, as if granted by hand: nothing will take them away now.
    await tx.userCompanyAccess.updateMany({ where: { companyId, source: 'idp' }, data: { source: 'manual' } });
    await recordAudit(tx, actor, {
      companyId,
      action: 'identity_provider.delete',
      targetType: 'identity_provider',
      targetId: companyId,
    });
    return true;
  });
}

/**
 * Replaces the company's group mappings. A mapping gives a role in this company only (the rows
 * carry the provider's company; sign-in writes memberships of that company alone), and a role is
 * never platform administration, which is a flag on the person that no mapping can reach.
 */
export async function setGroupMappings(
  db: Db,
  actor: Actor,
  { companyId, mappings }: { companyId: string; mappings: unknown },
): Promise<GroupMappingView[]> {
  const parsed = parseInput(groupMappingsSchema, mappings, 'mappings');
  const roleIds = [...new Set(parsed.map((m) => m.roleId))];
  if (!roleIds.every(isUuid)) throw new NotFoundError('Role');
  const roles = await db.role.findMany({ where: { id: { in: roleIds } }, select: { id: true } });
  if (roles.length !== roleIds.length) throw new NotFoundError('Role');
  const unique = [...new Map(parsed.map((m) => [`${m.group}\u0000${m.roleId}`, m])).values()];
  await db.$transaction(async (tx) => {
    const provider = await tx.identityProvider.findUnique({ where: { companyId }, select: { companyId: true } });
    if (!provider) throw new NotFoundError('Identity provider');
    await tx.identityProviderGroupMapping.deleteMany({ where: { companyId } });
    await tx.identityProviderGroupMapping.createMany({
      data: unique.map((m) => ({ companyId, groupName: m.group, roleId: m.roleId })),
    });
    await recordAudit(tx, actor, {
      companyId,
      action: 'identity_provider.group_mappings',
      targetType: 'identity_provider',
      targetId: companyId,
      details: { mappings: unique.map((m) => ({ group: m.group, roleId: m.roleId })) },
    });
  });
  return (await getIdentityProvider(db, { companyId })).groupMappings;
}
