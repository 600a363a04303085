// What Connect needs from the running server, made once by the composition root (tessera.ts):
// the key its states are signed with, the public origin the provider sends the browser back to,
// and the guarded upstream client that reaches token URLs (SSRF guard, timeouts, size cap).
import type { UpstreamRequest, UpstreamResponse } from '../../gateway/upstream-client.ts';

export interface OAuthConnectSettings {
  stateKey: Buffer;
  /** The origin of the web app as the browser sees it (PUBLIC_URL, else the server's own URL). */
  publicUrl(): string;
  send(req: UpstreamRequest): Promise<UpstreamResponse>;
}

export const CALLBACK_PATH = '/oauth/callback';

export function redirectUriOf(settings: Pick<OAuthConnectSettings, 'publicUrl'>): string {
  return `${settings.publicUrl().replace(/\/+$/, '')}${CALLBACK_PATH}`;
}
