// The browser's side of single sign-on:
//   GET /auth/sso/start?email=…   → 302 to the company's provider (or back to /signin with why not)
//   GET /auth/sso/callback?code=… → 302 to /signin#sso_token=<session token>, which the web app
//                                    stores exactly like the token `login` answers (web/src/session);
//                                    a refusal → 302 to /signin#sso_error=<reason>&message=<words>.
// The token travels in the fragment: browsers never send it to a server, log it or put it in a
// Referer. An administrator's test sign-in ends on a page that shows the claims received.
import express, { type Request, type Response, type Router } from 'express';
import type { TokenService } from '../../auth/jwt.ts';
import { OidcClient, SsoError } from '../../auth/sso/oidc.ts';
import type { Db } from '../../db/client.ts';
import type { Logger } from '../../lib/logger.ts';
import type { Vault } from '../../vault/vault.ts';
import type { Actor } from '../audit/audit.record.ts';
import type { LoginLimiter } from '../session/login-limit.ts';
import { SSO_START_PATH } from './sign-in-method.ts';
import { finishSsoSignIn, startSsoSignIn, startTestSignIn, type SsoDeps } from './sso-sign-in.ts';

const SSO_CALLBACK_PATH = '/auth/sso/callback';
export const SSO_TEST_PATH = '/auth/sso/test';

export interface SsoRouteDeps {
  db: Db;
  vault: Vault;
  tokens: TokenService;
  loginLimiter: LoginLimiter;
  logger: Logger;
  oidc?: OidcClient;
}

const callbackUrlOf = (req: Request) => `${req.protocol}://${req.get('host')}${SSO_CALLBACK_PATH}`;

const actorOf = (res: Response): Actor => ({ userId: null, email: null, requestId: String(res.locals.requestId) });

function backToSignIn(res: Response, params: Record<string, string>) {
  res.setHeader('cache-control', 'no-store');
  res.redirect(302, `/signin#${new URLSearchParams(params)}`);
}

export function ssoRouter(deps: SsoRouteDeps): Router {
  const sso: SsoDeps = {
    db: deps.db,
    vault: deps.vault,
    tokens: deps.tokens,
    limiter: deps.loginLimiter,
    oidc: deps.oidc ?? new OidcClient(),
  };
  const router = express.Router();

  const refused = (req: Request, res: Response, error: unknown) => {
    if (error instanceof SsoError) return backToSignIn(res, { sso_error: error.reason, message: error.message });
    deps.logger.error({ err: error, requestId: res.locals.requestId, route: req.path }, 'single sign-on failed');
    backToSignIn(res, { sso_error: 'internal', message: 'Single sign-on failed on our side. Try again.' });
  };

  router.get(SSO_START_PATH, async (req, res) => {
    try {
      const email = typeof req.query.email === 'string' ? req.query.email : '';
      const url = await startSsoSignIn(
        sso,
        { email, clientIp: req.ip ?? null, redirectUri: callbackUrlOf(req) },
        actorOf(res),
      );
      res.setHeader('cache-control', 'no-store');
      res.redirect(302, url.href);
    } catch (error) {
      refused(req, res, error);
    }
  });

  router.get(SSO_TEST_PATH, async (req, res) => {
    try {
      const ticket = typeof req.query.ticket === 'string' ? req.query.ticket.slice(0, 100) : '';
      const url = await startTestSignIn(sso, { ticket, redirectUri: callbackUrlOf(req) }, actorOf(res));
      res.setHeader('cache-control', 'no-store');
      res.redirect(302, url.href);
    } catch (error) {
      refused(req, res, error);
    }
  });

  router.get(SSO_CALLBACK_PATH, async (req, res) => {
    try {
      const callbackUrl = new URL(req.originalUrl, callbackUrlOf(req));
      const outcome = await finishSsoSignIn(
        sso,
        { callbackUrl, clientIp: req.ip ?? null, redirectUri: callbackUrlOf(req) },
        actorOf(res),
      );
      if (outcome.kind === 'session') return backToSignIn(res, { sso_token: outcome.token });
      res.setHeader('cache-control', 'no-store');
      res.json({ test: true, companyId: outcome.companyId, claims: outcome.claims });
    } catch (error) {
      refused(req, res, error);
    }
  });

  return router;
}
