// How an OAuth2 client authenticates at a token URL (RFC 6749 section 2.3.1): its id and secret in
// the form ("client_secret_post", the default) or as HTTP Basic ("client_secret_basic", which
// Xero, QuickBooks and Slack ask for), each part form-urlencoded before base64 as the RFC says.
// Shared by refreshes (oauth.ts) and Connect's code exchange (modules/oauth-connect).
export type TokenAuthMethod = 'client_secret_post' | 'client_secret_basic';

export function applyClientAuth(
  method: TokenAuthMethod | undefined,
  client: { clientId: string; clientSecret?: string | undefined },
  form: URLSearchParams,
  headers: Record<string, string>,
): void {
  if (method === 'client_secret_basic' && client.clientSecret !== undefined) {
    const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
    headers.authorization = `Basic ${Buffer.from(`${encode(client.clientId)}:${encode(client.clientSecret)}`).toString('base64')}`;
    return;
  }
  form.set('client_id', client.clientId);
  if (client.clientSecret !== undefined) form.set('client_secret', client.clientSecret);
}
