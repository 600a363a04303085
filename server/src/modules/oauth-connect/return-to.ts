// The page a Connect returns to: a path of the web app, never another site. Only a relative
// path starting with one "/" (not "//" or "/\", which browsers read as another host) made of
// URL-safe characters is accepted, so the callback's redirect cannot be turned into an open one.
import { BadInputError } from '../../lib/errors.ts';

const RELATIVE_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]{0,500}$/;

export function checkedReturnTo(value: string): string {
  if (!RELATIVE_PATH.test(value) || value.includes('\\'))
    throw new BadInputError('returnTo must be a path of this web app, like /admin/credentials.', 'returnTo');
  // The WHATWG parser must agree that it stays on this origin.
  const base = 'http://tessera.invalid';
  const parsed = new URL(value, base);
  if (parsed.origin !== base) throw new BadInputError('returnTo must stay on this web app.', 'returnTo');
  return `${parsed.pathname}${parsed.search}`;
}

/** The return page with the outcome added to its query (replacing any earlier outcome). */
export function withOutcome(returnTo: string, outcome: Record<string, string>): string {
  const url = new URL(returnTo, 'http://tessera.invalid');
  for (const key of ['oauth', 'reason', 'credential']) url.searchParams.delete(key);
  for (const [k, v] of Object.entries(outcome)) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}`;
}
