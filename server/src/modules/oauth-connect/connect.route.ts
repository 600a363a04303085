// GET /oauth/callback: where providers send the browser back after consent (register
// `<public origin>/oauth/callback` at the provider). An HTTP route, not GraphQL: the browser
// arrives by a redirect with no bearer token, and the signed state names the administrator.
// It answers a redirect to the return page of the Connect (a path of this web app, checked when
// the Connect started), or a plain page when the state cannot be trusted. Never a stack, a
// provider body or a token.
import express, { type Request, type Response, type Router } from 'express';
import { completeOAuthConnect, type CallbackDeps } from './connect.callback.ts';
import { CALLBACK_PATH } from './connect.settings.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(res: Response, status: number, title: string, message: string) {
  res
    .status(status)
    .type('html')
    .setHeader('cache-control', 'no-store')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Tessera</title></head>` +
        `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>` +
        '<p><a href="/admin/credentials">Back to Credentials</a></p></main></body></html>',
    );
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function oauthCallbackRouter(deps: CallbackDeps): Router {
  const router = express.Router();
  router.get(CALLBACK_PATH, async (req: Request, res: Response) => {
    const requestId = String(res.locals.requestId);
    try {
      const outcome = await completeOAuthConnect(
        deps,
        { state: text(req.query.state), code: text(req.query.code), error: text(req.query.error) },
        requestId,
      );
      res.setHeader('cache-control', 'no-store');
      // The code and state must not travel further in a Referer.
      res.setHeader('referrer-policy', 'no-referrer');
      if (outcome.kind === 'redirect') return void res.redirect(303, outcome.location);
      page(res, outcome.status, outcome.title, outcome.message);
    } catch (error) {
      deps.logger.error({ requestId, err: error }, 'OAuth callback failed');
      page(
        res,
        500,
        'The connection could not be finished',
        'Something went wrong on our side; nothing was stored. Try Connect again.',
      );
    }
  });
  return router;
}
