// Webhook subscriptions of a company: create (the secret is returned once, then only its sealed
// form is kept), list, delete, and the recent deliveries of one subscription. Authorization is
// the shield's (company administrators); every lookup here is still scoped by company.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { BadInputError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import type { Vault } from '../../vault/vault.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { getCompanyOrThrow } from '../company/company.service.ts';
import { WEBHOOK_EVENTS } from './webhook.events.ts';
import { generateWebhookSecret } from './webhook.signing.ts';

const EVENTS = new Set<string>(WEBHOOK_EVENTS);
const MAX_URL = 2000;

export interface WebhookSettings {
  /** Hosts ("host" or "host:port") that may be reached over plain http (UPSTREAM_ALLOW_HOSTS, the tests' receivers). */
  allowHosts: ReadonlySet<string>;
}

/** https only, except allowlisted hosts; never credentials in the URL (they would be shown to every admin). */
function validateWebhookUrl(raw: string, settings: WebhookSettings): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadInputError('url must be an absolute https URL.', 'url');
  }
  if (raw.length > MAX_URL) throw new BadInputError(`url must be at most ${MAX_URL} characters.`, 'url');
  if (url.username || url.password) throw new BadInputError('url must not contain a user name or password.', 'url');
  const allowed =
    settings.allowHosts.has(url.host.toLowerCase()) || settings.allowHosts.has(url.hostname.toLowerCase());
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed))
    throw new BadInputError('url must be an absolute https URL.', 'url');
  return url;
}

function validateEvents(events: readonly string[]): string[] {
  const unique = [...new Set(events)];
  if (unique.length === 0) throw new BadInputError('events must name at least one event.', 'events');
  const unknown = unique.filter((e) => !EVENTS.has(e));
  if (unknown.length > 0)
    throw new BadInputError(`Unknown events: ${unknown.join(', ')}. Known: ${WEBHOOK_EVENTS.join(', ')}.`, 'events');
  return unique;
}

export async function createWebhookSubscription(
  db: Db,
  vault: Vault,
  actor: Actor,
  settings: WebhookSettings,
  input: { companyId: string; url: string; events: readonly string[]; description?: string | null },
) {
  const url = validateWebhookUrl(input.url, settings);
  const events = validateEvents(input.events);
  if (input.description && input.description.length > 500)
    throw new BadInputError('description must be at most 500 characters.', 'description');
  await getCompanyOrThrow(db, { companyId: input.companyId });
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const subscription = await db.$transaction(async (tx) => {
    const row = await tx.webhookSubscription.create({
      data: {
        id,
        companyId: input.companyId,
        url: url.toString(),
        description: input.description ?? null,
        events,
        ...vault.sealWebhookSecret({ id, companyId: input.companyId }, secret),
      },
    });
    await recordAudit(tx, actor, {
      companyId: input.companyId,
      action: 'webhook.create',
      targetType: 'webhook_subscription',
      targetId: id,
      details: { url: url.origin, events },
    });
    return row;
  });
  return { subscription, secret };
}

export function listWebhookSubscriptions(db: Db, { companyId }: { companyId: string }) {
  return db.webhookSubscription.findMany({ where: { companyId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

async function getWebhookSubscriptionOrThrow(
  db: Db,
  { companyId, subscriptionId }: { companyId: string; subscriptionId: string },
) {
  const row = isUuid(subscriptionId)
    ? await db.webhookSubscription.findFirst({ where: { id: subscriptionId, companyId } })
    : null;
  if (!row) throw new NotFoundError('Webhook subscription');
  return row;
}

export async function deleteWebhookSubscription(
  db: Db,
  actor: Actor,
  { companyId, subscriptionId }: { companyId: string; subscriptionId: string },
) {
  await getWebhookSubscriptionOrThrow(db, { companyId, subscriptionId });
  await db.$transaction(async (tx) => {
    await tx.webhookSubscription.delete({ where: { id: subscriptionId } });
    await recordAudit(tx, actor, {
      companyId,
      action: 'webhook.delete',
      targetType: 'webhook_subscription',
      targetId: subscriptionId,
    });
  });
  return true;
}

export async function listWebhookDeliveries(
  db: Db,
  { companyId, subscriptionId, first }: { companyId: string; subscriptionId: string; first: number },
) {
  await getWebhookSubscriptionOrThrow(db, { companyId, subscriptionId });
  if (!Number.isInteger(first) || first < 1 || first > 100)
    throw new BadInputError('first must be between 1 and 100.', 'first');
  return db.webhookDelivery.findMany({
    where: { subscriptionId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: first,
  });
}

/** subscription id → company id, for the shield (malformed ids simply have none). */
export async function companiesOfSubscriptions(
  db: Db,
  { subscriptionIds }: { subscriptionIds: readonly string[] },
): Promise<Map<string, string>> {
  const ids = subscriptionIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await db.webhookSubscription.findMany({
    where: { id: { in: ids } },
    select: { id: true, companyId: true },
  });
  return new Map(rows.map((r) => [r.id, r.companyId]));
}
