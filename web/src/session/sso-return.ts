// Single sign-on ends with the server sending the browser to /signin#sso_token=<session token>
// (or #sso_error=<reason>&message=<words>). The token is taken from the fragment once, stored like
// the one `login` answers, and wiped from the address bar and history before anything renders.
import { signIn, signOut } from './auth.ts';

export function takeSsoReturn(location: Pick<Location, 'hash' | 'pathname'> = window.location): void {
  if (!location.hash.includes('sso_')) return;
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('sso_token');
  const error = params.get('sso_error');
  if (!token && !error) return;
  window.history.replaceState(null, '', '/');
  if (token) signIn(token);
  else signOut(params.get('message') ?? 'Single sign-on did not work. Try again.');
}
