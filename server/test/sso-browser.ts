// A browser's part in single sign-on, over HTTP with fetch: follows redirects by hand with a
// cookie jar per origin, fills in the identity provider's login form, and stops at Tessera's
// callback so a test can send it (or replay it, or tamper with it) and read where Tessera sends
// the browser next.
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.jars.get(url.origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  store(url: URL, res: Response): void {
    const jar = this.jars.get(url.origin) ?? new Map<string, string>();
    this.jars.set(url.origin, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
  }
}

async function go(jar: CookieJar, url: URL, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
  });
  jar.store(url, res);
  return res;
}

export interface SsoRedirect {
  /** Where Tessera sent the browser at the end (…/signin#…). */
  location: string;
  /** The fragment's parameters: sso_token, or sso_error and message. */
  result: URLSearchParams;
}

const resultOf = (location: string): SsoRedirect => ({
  location,
  result: new URLSearchParams(location.split('#')[1] ?? ''),
});

/**
 * From Tessera's start URL through the provider's login (as `login`) to the callback URL the
 * provider redirects to (not yet sent to Tessera). When Tessera refuses at the start, the answer is
 * its redirect instead.
 */
export async function reachCallback(
  tesseraUrl: string,
  email: string,
  login = email,
  jar = new CookieJar(),
): Promise<{ callback: URL } | SsoRedirect> {
  const start = await go(jar, new URL(`/auth/sso/start?${new URLSearchParams({ email })}`, tesseraUrl));
  const location = start.headers.get('location') ?? '';
  if (start.status !== 302) throw new Error(`start answered ${start.status}`);
  if (location.startsWith('/signin')) return resultOf(location);
  return { callback: await followProvider(new URL(location), new URL(tesseraUrl).origin, login, jar) };
}

/** Through the provider (its login form filled in as `login`) until it redirects back to `tesseraOrigin`. */
export async function followProvider(
  from: URL,
  tesseraOrigin: string,
  login: string,
  jar = new CookieJar(),
): Promise<URL> {
  let location = from.href;
  for (let hops = 0; hops < 10; hops++) {
    const url = new URL(location);
    if (url.origin === tesseraOrigin) return url;
    const interaction = /^\/interaction\/([^/]+)$/.exec(url.pathname);
    const res = interaction
      ? await go(jar, url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ login }).toString(),
        })
      : await go(jar, url);
    const next = res.headers.get('location');
    if (!next) throw new Error(`the provider answered ${res.status} at ${url.pathname}: ${await res.text()}`);
    location = new URL(next, url).href;
  }
  throw new Error('too many redirects');
}

/** Sends the callback to Tessera and reads where it sends the browser. */
export async function sendCallback(callback: URL): Promise<SsoRedirect> {
  const res = await fetch(callback, { redirect: 'manual' });
  if (res.status !== 302) throw new Error(`callback answered ${res.status}: ${await res.text()}`);
  return resultOf(res.headers.get('location') ?? '');
}

/** The whole sign-in: the session token, or the refusal. */
export async function ssoSignIn(tesseraUrl: string, email: string, login = email): Promise<SsoRedirect> {
  const reached = await reachCallback(tesseraUrl, email, login);
  return 'callback' in reached ? sendCallback(reached.callback) : reached;
}
