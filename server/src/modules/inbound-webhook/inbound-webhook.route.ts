// POST /webhooks/:endpointId: an upstream provider tells Tessera that an endpoint's data changed.
// The request is verified (Standard Webhooks), counted once per webhook-id, and then the
// endpoint's cached reads are dropped and the dashboards that may read it are told.
//
// Answers carry no upstream body, secret or stack: 404 for an unknown endpoint and for one
// without a secret alike (no enumeration), 401 signature missing or wrong, 400 malformed headers
// or a timestamp outside the tolerance, 413 body over 256 kB, 200 { received, duplicate }.
// Outside GraphQL, so the database scope is set here: the lookup needs every company (the
// caller is not known yet), everything after it only the endpoint's.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { asSystem, withCompany } from '../../db/row-security/scope.ts';
import type { Gateway } from '../../gateway/gateway.ts';
import { ErrorCode } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import type { Logger } from '../../lib/logger.ts';
import type { Db } from '../../db/client.ts';
import type { Vault } from '../../vault/vault.ts';
import type { EndpointEventBus } from './inbound-webhook.events.ts';
import { eventTypeOf, findInboundTarget, recordReceipt } from './inbound-webhook.service.ts';
import { verifyInboundWebhook } from './inbound-webhook.verify.ts';

export const DEFAULT_TOLERANCE_SECONDS = 300;
const BODY_LIMIT = '256kb';

export interface InboundWebhookDeps {
  db: Db;
  vault: Vault;
  gateway: Pick<Gateway, 'invalidateEndpoint'>;
  logger: Logger;
  events: EndpointEventBus;
  toleranceSeconds: number;
}

const REFUSALS = {
  400: {
    code: ErrorCode.BAD_USER_INPUT,
    message:
      'The webhook-id or webhook-timestamp header is missing or malformed, or the timestamp is outside the accepted window.',
  },
  401: { code: ErrorCode.UNAUTHENTICATED, message: 'The webhook-signature header is missing or does not verify.' },
  404: { code: ErrorCode.NOT_FOUND, message: 'Not found.' },
  413: { code: ErrorCode.BAD_USER_INPUT, message: 'Request body too large.' },
  500: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error.' },
} as const;

function refuse(res: Response, status: keyof typeof REFUSALS) {
  res.status(status).json({ received: false, error: REFUSALS[status] });
}

export function inboundWebhookRouter(deps: InboundWebhookDeps): Router {
  const { db, vault, logger } = deps;
  const router = express.Router();

  const receive = async (req: Request, res: Response) => {
    const requestId = String(res.locals.requestId);
    const endpointId = String(req.params.endpointId);
    const log = logger.child({ requestId, endpointId, route: 'inbound-webhook' });
    try {
      const target = isUuid(endpointId)
        ? await asSystem('inbound webhook: find endpoint', () => findInboundTarget(db, vault, { endpointId }))
        : null;
      if (!target) {
        log.info('inbound webhook refused: unknown endpoint or no secret configured');
        return refuse(res, 404);
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const verdict = verifyInboundWebhook(target.secret, (name) => req.header(name), body, {
        toleranceSeconds: deps.toleranceSeconds,
      });
      if (!verdict.ok) {
        log.warn({ companyId: target.companyId, reason: verdict.reason }, 'inbound webhook refused');
        return refuse(res, verdict.status);
      }
      const { companyId } = target;
      const receipt = {
        companyId,
        endpointId,
        webhookId: verdict.webhookId,
        eventType: eventTypeOf(body),
        receivedAt: new Date(),
      };
      const { duplicate } = await withCompany(companyId, () =>
        recordReceipt(db, receipt, () => deps.gateway.invalidateEndpoint({ companyId, endpointId })),
      );
      if (!duplicate) {
        // After the commit: a dashboard that refetches on this event reads past the invalidation.
        await deps.events
          .publish({
            companyId,
            endpointId,
            endpointSlug: target.endpointSlug,
            eventType: receipt.eventType,
            receivedAt: receipt.receivedAt,
          })
          .catch((error: unknown) => log.error({ err: error }, 'could not notify dashboards of an inbound webhook'));
      }
      log.info(
        { companyId, webhookId: verdict.webhookId, eventType: receipt.eventType, duplicate },
        'inbound webhook accepted',
      );
      res.status(200).json({ received: true, duplicate });
    } catch (error) {
      // A secret that no longer opens (a removed key), the database or the cache store being
      // down: a 500 the provider retries, and nothing recorded, so the retry counts as new.
      log.error({ err: error }, 'inbound webhook failed');
      refuse(res, 500);
    }
  };

  // The raw bytes are what was signed; any content type (providers differ), inflated if compressed.
  router.post('/webhooks/:endpointId', express.raw({ type: () => true, limit: BODY_LIMIT }), receive);

  // Body errors (too large, a broken encoding) answer in the same shape, never with a stack.
  router.use(
    '/webhooks',
    (error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
      if (res.headersSent) return next(error);
      if (error.type === 'entity.too.large') return refuse(res, 413);
      logger.warn({ requestId: res.locals.requestId, type: error.type }, 'inbound webhook body could not be read');
      refuse(res, error.status && error.status < 500 ? 400 : 500);
    },
  );
  return router;
}
