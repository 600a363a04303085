// GET /metrics on the main port. Off unless metrics are configured (METRICS_ENABLED or
// METRICS_TOKEN): then 404, like any unknown path, so a scanner learns nothing. With
// METRICS_TOKEN set, only `Authorization: Bearer <token>` gets the numbers. Metrics hold no
// secrets, but endpoint slugs, operation names and traffic volumes are still business facts.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { bearerToken } from '../auth/jwt.ts';
import type { Logger } from '../lib/logger.ts';
import type { TesseraMetrics } from './metrics.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function metricsRoute(metrics: TesseraMetrics | undefined, token: string | undefined, logger: Logger) {
  // Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first byte.
  const expected = token === undefined ? null : digest(token);
  return async (req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    if (!metrics) return void res.status(404).type('text/plain').send('Not found.');
    if (expected) {
      const given = bearerToken(req.header('authorization'));
      if (!given || !timingSafeEqual(digest(given), expected)) {
        res.setHeader('www-authenticate', 'Bearer realm="metrics"');
        return void res.status(401).type('text/plain').send('A valid bearer token is required.');
      }
    }
    try {
      const { contentType, body } = await metrics.render();
      res.type(contentType).send(body);
    } catch (error) {
      logger.error({ err: error }, 'could not render the metrics');
      res.status(500).type('text/plain').send('Internal server error.');
    }
  };
}
