// Browser hardening headers on every answer (pages, assets, /graphql, probes, 404s), by helmet:
// a Content-Security-Policy that keeps the app out of frames (clickjacking on Confirm, Grant,
// Revoke) and lets it load code only from its own origin, X-Content-Type-Options: nosniff,
// Referrer-Policy: no-referrer, X-Frame-Options: DENY for old browsers, and HSTS only on an
// answer that went over HTTPS (req.secure: TLS here, or X-Forwarded-Proto from a proxy
// TRUST_PROXY trusts), so a plain-HTTP installation is never pinned to an HTTPS it lacks.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The policy the web app needs (checked in Chromium: web/e2e/security-headers.e2e.test.ts).
 * Vite's build is module scripts and stylesheets from /assets; the GraphQL client and the
 * assistant's WebSocket talk to the same origin ('self' covers ws: of the same host).
 */
const APP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * GraphiQL's editor (Monaco) writes <style> elements and style attributes at run time (themes,
 * decorations): only /graphiql allows inline styles (never scripts). Its workers are files of
 * the build (editor.worker-*.js), so 'self' covers them; no blob: (checked in Chromium).
 */
const GRAPHIQL_DIRECTIVES = {
  ...APP_DIRECTIVES,
  'style-src': ["'self'", "'unsafe-inline'"],
};

const common = {
  strictTransportSecurity: false as const,
  xFrameOptions: { action: 'deny' as const },
  referrerPolicy: { policy: 'no-referrer' as const },
};

const appHeaders = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: APP_DIRECTIVES } });
const graphiqlHeaders = helmet({
  ...common,
  contentSecurityPolicy: { useDefaults: false, directives: GRAPHIQL_DIRECTIVES },
});
const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: false });

export function securityHeaders(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const headers = /^\/graphiql(\.html)?$/.test(req.path) ? graphiqlHeaders : appHeaders;
    headers(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (req.secure) return hsts(req, res, next);
      next();
    });
  };
}
