// A real OpenID Connect provider on loopback (oidc-provider, the library many identity servers
// are built on) standing in for a company's Google Workspace, Entra ID or Keycloak: the demo
// world's SSO company signs in against one, and the tests run two of them. Its people are a
// fixed list (email, verified or not, groups) that a test may change between sign-ins. The
// login page is a plain form that asks only for the email (there are no passwords here).
//
// Knobs for tests, like the sandbox APIs': `tamper` rewrites the ID token of the next token
// responses (re-signed with the provider's own key, so only the claims are wrong: issuer,
// audience, expiry, nonce), and `stop()` takes the provider down.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';

export interface IdpPerson {
  email: string;
  name?: string;
  emailVerified?: boolean;
  groups?: string[];
}

export interface IdpClient {
  clientId: string;
  /** Omitted: a public client (PKCE only). */
  clientSecret?: string;
  redirectUris: string[];
}

export interface RunningIdentityProvider {
  issuer: string;
  port: number;
  people: Map<string, IdpPerson>;
  /** Rewrites the claims of the ID tokens issued from now on (null: stop rewriting). */
  tamper: ((claims: JWTPayload) => JWTPayload) | null;
  /** Token endpoint answers so far (a replayed code shows as an error answer). */
  tokenRequests: number;
  stop(): Promise<void>;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function loginPage(uid: string, hint: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Company sign-in</title></head>
<body><main><h1>Company sign-in (demo identity provider)</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label>Work email <input name="login" type="email" autocomplete="username" value="${escapeHtml(hint)}" required></label>
<button type="submit">Sign in</button></form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startIdentityProvider(options: {
  port?: number;
  clients: IdpClient[];
  people: IdpPerson[];
}): Promise<RunningIdentityProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'sandbox-1', alg: 'RS256', use: 'sig' };
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const people = new Map(options.people.map((p) => [p.email.toLowerCase(), p]));

  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      ...(c.clientSecret
        ? { client_secret: c.clientSecret, token_endpoint_auth_method: 'client_secret_post' as const }
        : { token_endpoint_auth_method: 'none' as const }),
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: ['sandbox identity provider cookie key'] },
    // Claims in the ID token itself (not only at userinfo), as Entra ID and Keycloak's mappers do.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    features: { devInteractions: { enabled: false } },
    // Explicit lifetimes (seconds): short, as a sandbox's should be, and no notice about defaults.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          const person = people.get(id);
          return {
            sub: id,
            email: person?.email ?? id,
            email_verified: person?.emailVerified ?? true,
            name: person?.name ?? id,
            groups: person?.groups ?? [],
          };
        },
      };
    },
  });
  const callback = provider.callback();

  const running: RunningIdentityProvider = {
    issuer,
    port,
    people,
    tamper: null,
    tokenRequests: 0,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  // The login step: a form asking for the email; a known person is signed in and consents at once.
  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (req.method === 'GET') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(loginPage(uid, String(details.params.login_hint ?? '')));
      return;
    }
    const login = (await readForm(req)).get('login')?.trim().toLowerCase() ?? '';
    if (!people.has(login)) {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown user' });
      return;
    }
    const grant = new provider.Grant({ accountId: login, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: login }, consent: { grantId } });
  }

  // The token endpoint's answer, with the ID token's claims rewritten and re-signed.
  function tamperTokenAnswer(res: ServerResponse, tamper: (claims: JWTPayload) => JWTPayload) {
    const end = res.end.bind(res) as (body?: unknown) => ServerResponse;
    (res as { end: unknown }).end = (body?: unknown) => {
      void (async () => {
        try {
          const answer = JSON.parse(String(body)) as { id_token?: string };
          if (answer.id_token) {
            answer.id_token = await new SignJWT(tamper(decodeJwt(answer.id_token)))
              .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
              .sign(privateKey);
          }
          const text = JSON.stringify(answer);
          res.setHeader('content-length', Buffer.byteLength(text));
          end(text);
        } catch {
          end(body);
        }
      })();
      return res;
    };
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const match = /^\/interaction\/([A-Za-z0-9_-]+)$/.exec(path);
    if (match) {
      interaction(req, res, match[1]!).catch(() => {
        if (!res.headersSent) res.statusCode = 400;
        res.end('This sign-in has expired. Start again from Tessera.');
      });
      return;
    }
    if (path === '/token') {
      running.tokenRequests++;
      if (running.tamper) tamperTokenAnswer(res, running.tamper);
    }
    void callback(req, res);
  });
  return running;
}
