// The company's OAuth apps: the client id and secret an administrator registered at a provider,
// once per company and provider. A preset fixes the URLs, PKCE and client authentication; a
// "custom" app names its own. The secret is sealed by the vault (bound to the row's id and
// company, like webhook secrets, so key rotation covers it: oauth-app.keys.ts), write-only, and
// every change is audited without it.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/prisma-errors.ts';
import { BadInputError, ConflictError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { httpUrlSchema, nameSchema, parseInput, unchangedIfNull } from '../../lib/validate.ts';
import type { Vault } from '../../vault/vault.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { getCompanyOrThrow } from '../company/company.service.ts';
import { findPreset, type OAuthPreset } from './oauth-presets.ts';

const CUSTOM_PROVIDER = 'custom';
const TOKEN_AUTH_METHODS = ['client_secret_post', 'client_secret_basic'] as const;

const oauthAppMetadataSelect = {
  id: true,
  companyId: true,
  name: true,
  provider: true,
  authorizationUrl: true,
  tokenUrl: true,
  scopes: true,
  tokenAuthMethod: true,
  usePkce: true,
  extraAuthorizeParams: true,
  clientId: true,
  hint: true,
  createdAt: true,
  updatedAt: true,
} as const;

const secretSchema = z.string().min(1, 'must not be empty').max(4096);
const clientIdSchema = z.string().trim().min(1, 'must not be empty').max(512);
const scopesSchema = z
  .string()
  .trim()
  .max(2048)
  .regex(/^[^\s,]*(?:[\s,]+[^\s,]+)*$/, 'must be scopes separated by spaces or commas');

const createSchema = z.object({
  companyId: z.string(),
  name: nameSchema.nullish(),
  provider: z.string().min(1).max(32),
  clientId: clientIdSchema,
  clientSecret: secretSchema,
  scopes: scopesSchema.nullish(),
  authorizationUrl: httpUrlSchema.nullish(),
  tokenUrl: httpUrlSchema.nullish(),
  tokenAuthMethod: z.enum(TOKEN_AUTH_METHODS).nullish(),
  usePkce: z.boolean().nullish(),
});

const updateSchema = z.object({
  name: unchangedIfNull(nameSchema),
  clientId: unchangedIfNull(clientIdSchema),
  clientSecret: unchangedIfNull(secretSchema),
  scopes: unchangedIfNull(scopesSchema),
  authorizationUrl: unchangedIfNull(httpUrlSchema),
  tokenUrl: unchangedIfNull(httpUrlSchema),
  tokenAuthMethod: unchangedIfNull(z.enum(TOKEN_AUTH_METHODS)),
  usePkce: z.boolean().nullish(),
});

const hintOf = (secret: string) => (secret.length >= 12 ? secret.slice(-4) : null);

/** The provider's fixed settings: from its preset, or (custom) from the input, which must name them. */
function providerSettings(
  provider: string,
  input: {
    authorizationUrl?: string | null;
    tokenUrl?: string | null;
    tokenAuthMethod?: string | null;
    usePkce?: boolean | null;
  },
) {
  if (provider === CUSTOM_PROVIDER) {
    if (!input.authorizationUrl)
      throw new BadInputError('A custom provider needs its authorization URL.', 'authorizationUrl');
    if (!input.tokenUrl) throw new BadInputError('A custom provider needs its token URL.', 'tokenUrl');
    return {
      authorizationUrl: input.authorizationUrl,
      tokenUrl: input.tokenUrl,
      tokenAuthMethod: input.tokenAuthMethod ?? 'client_secret_post',
      usePkce: input.usePkce ?? true,
      extraAuthorizeParams: undefined,
    };
  }
  const preset = findPreset(provider);
  if (!preset) throw new BadInputError(`Unknown provider "${provider}": pick a preset or "custom".`, 'provider');
  if (input.authorizationUrl || input.tokenUrl || input.tokenAuthMethod)
    throw new BadInputError(
      'A preset fixes its URLs and client authentication: choose "custom" to set them.',
      'provider',
    );
  return presetSettings(preset, input.usePkce);
}

function presetSettings(preset: OAuthPreset, usePkce?: boolean | null) {
  return {
    authorizationUrl: preset.authorizationUrl,
    tokenUrl: preset.tokenUrl,
    tokenAuthMethod: preset.tokenAuthMethod,
    // PKCE is sent when the preset documents it; an admin may switch it off, never force it on an unsupported provider.
    usePkce: preset.pkce && usePkce !== false,
    extraAuthorizeParams: preset.extraAuthorizeParams,
  };
}

export function listOAuthApps(db: Db, { companyId }: { companyId: string }) {
  return db.oAuthApp.findMany({ where: { companyId }, select: oauthAppMetadataSelect, orderBy: { name: 'asc' } });
}

export async function getOAuthAppOrThrow(db: Db, { companyId, appId }: { companyId: string; appId: string }) {
  const row = isUuid(appId) ? await db.oAuthApp.findFirst({ where: { id: appId, companyId } }) : null;
  if (!row) throw new NotFoundError('OAuth app');
  return row;
}

/** The companies OAuth apps belong to, for the shield's authorization before anything else. */
export async function companyOfOAuthApp(db: Db, appId: string): Promise<string | null> {
  if (!isUuid(appId)) return null;
  const row = await db.oAuthApp.findUnique({ where: { id: appId }, select: { companyId: true } });
  return row?.companyId ?? null;
}

function conflictOnRace(error: unknown): never {
  if (isUniqueViolation(error)) throw new ConflictError('An OAuth app with this name already exists.', 'name');
  throw error;
}

export async function createOAuthApp(db: Db, vault: Vault, actor: Actor, { input }: { input: unknown }) {
  const data = parseInput(createSchema, input, 'input');
  const { companyId, provider } = data;
  await getCompanyOrThrow(db, { companyId });
  const settings = providerSettings(provider, data);
  const preset = findPreset(provider);
  const name = data.name ?? preset?.name ?? 'Custom provider';
  const scopes = data.scopes ?? preset?.defaultScopes.join(preset.scopeSeparator) ?? '';
  const id = randomUUID();
  return db
    .$transaction(async (tx) => {
      const created = await tx.oAuthApp.create({
        data: {
          id,
          companyId,
          name,
          provider,
          ...settings,
          extraAuthorizeParams: settings.extraAuthorizeParams ?? undefined,
          scopes,
          clientId: data.clientId,
          hint: hintOf(data.clientSecret),
          ...vault.sealWebhookSecret({ id, companyId }, data.clientSecret),
        },
        select: oauthAppMetadataSelect,
      });
      await recordAudit(tx, actor, {
        companyId,
        action: 'oauth_app.create',
        targetType: 'oauth_app',
        targetId: id,
        details: { name, provider, tokenUrl: settings.tokenUrl },
      });
      return created;
    })
    .catch(conflictOnRace);
}

export async function updateOAuthApp(
  db: Db,
  vault: Vault,
  actor: Actor,
  { companyId, appId, input }: { companyId: string; appId: string; input: unknown },
) {
  const data = parseInput(updateSchema, input, 'input');
  const existing = await getOAuthAppOrThrow(db, { companyId, appId });
  const urls = data.authorizationUrl !== undefined || data.tokenUrl !== undefined || data.tokenAuthMethod !== undefined;
  if (urls && existing.provider !== CUSTOM_PROVIDER)
    throw new BadInputError('A preset fixes its URLs and client authentication.', 'input');
  const changed = Object.entries(data)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k]) => k);
  if (changed.length === 0) throw new BadInputError('Nothing to update.', 'input');
  return db
    .$transaction(async (tx) => {
      const updated = await tx.oAuthApp.update({
        where: { id: appId },
        data: {
          ...(data.name ? { name: data.name } : {}),
          ...(data.clientId ? { clientId: data.clientId } : {}),
          ...(data.scopes !== undefined && data.scopes !== null ? { scopes: data.scopes } : {}),
          ...(data.authorizationUrl ? { authorizationUrl: data.authorizationUrl } : {}),
          ...(data.tokenUrl ? { tokenUrl: data.tokenUrl } : {}),
          ...(data.tokenAuthMethod ? { tokenAuthMethod: data.tokenAuthMethod } : {}),
          ...(typeof data.usePkce === 'boolean'
            ? {
                usePkce:
                  existing.provider === CUSTOM_PROVIDER ? data.usePkce : presetUsePkce(existing.provider, data.usePkce),
              }
            : {}),
          ...(data.clientSecret
            ? { hint: hintOf(data.clientSecret), ...vault.sealWebhookSecret(existing, data.clientSecret) }
            : {}),
        },
        select: oauthAppMetadataSelect,
      });
      await recordAudit(tx, actor, {
        companyId,
        action: data.clientSecret ? 'oauth_app.rotate' : 'oauth_app.update',
        targetType: 'oauth_app',
        targetId: appId,
        details: { name: updated.name, changed },
      });
      return updated;
    })
    .catch(conflictOnRace);
}

function presetUsePkce(provider: string, wanted: boolean): boolean {
  return Boolean(findPreset(provider)?.pkce) && wanted;
}

export async function deleteOAuthApp(db: Db, actor: Actor, { companyId, appId }: { companyId: string; appId: string }) {
  const existing = await getOAuthAppOrThrow(db, { companyId, appId });
  await db.$transaction(async (tx) => {
    await tx.oAuthApp.delete({ where: { id: appId } });
    await recordAudit(tx, actor, {
      companyId,
      action: 'oauth_app.delete',
      targetType: 'oauth_app',
      targetId: appId,
      details: { name: existing.name, provider: existing.provider },
    });
  });
  return true;
}

/** The app's client secret, opened for a token request. */
export function openClientSecret(
  vault: Vault,
  app: { id: string; companyId: string; secretCiphertext: string },
): string {
  return vault.openWebhookSecret(app);
}
