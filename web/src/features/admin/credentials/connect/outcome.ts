// What the OAuth callback says when it brings the administrator back to Credentials:
// `?oauth=connected|reconnected|error&reason=…&credential=…`. Pure, so it is unit-tested.

export interface ConnectOutcome {
  tone: 'ok' | 'bad';
  message: string;
  credentialId: string | null;
}

const REASONS: Record<string, string> = {
  access_denied: 'Access was denied on the provider’s consent page. Nothing was changed.',
  invalid_scope: 'The provider refused the scopes asked for. Check the OAuth app’s scopes, then connect again.',
  state_used: 'This connection link was already used. Press Connect again.',
  state_expired: 'The connection took more than 10 minutes and expired. Press Connect again.',
  not_allowed: 'You may no longer connect this company’s APIs. Nothing was changed.',
  invalid_grant:
    'The provider refused the authorization code (already used or expired). Nothing was changed: press Connect again.',
  invalid_client: 'The provider refused the OAuth app’s client id or secret. Check them, then connect again.',
  token_endpoint_unreachable: 'The provider’s token URL could not be reached. Nothing was changed: try again later.',
  token_exchange_failed: 'The provider did not give Tessera a token. Nothing was changed.',
  code_missing: 'The provider sent no authorization code. Nothing was changed.',
  target_gone: 'The API, role or OAuth app was deleted during the connection. Nothing was changed.',
  credential_gone: 'The credential was deleted during the reconnection. Connect again to make a new one.',
};

export function connectOutcome(search: URLSearchParams): ConnectOutcome | null {
  const oauth = search.get('oauth');
  const credentialId = search.get('credential');
  if (oauth === 'connected')
    return { tone: 'ok', message: 'Connected: the new credential is below. Press Test to check it.', credentialId };
  if (oauth === 'reconnected')
    return {
      tone: 'ok',
      message: 'Reconnected: the credential has new tokens, same grants and history.',
      credentialId,
    };
  if (oauth !== 'error') return null;
  const reason = search.get('reason') ?? '';
  const known = REASONS[reason];
  return {
    tone: 'bad',
    message: known ?? `The provider answered “${reason.replace(/[^a-z_]/g, '') || 'an error'}”. Nothing was changed.`,
    credentialId: null,
  };
}

/**
 * The app a Reconnect goes through: the one whose token URL the credential refreshes at. A
 * credential without a token URL (a bearer token a Connect stored) may use the only app there is;
 * one that refreshes elsewhere gets none (its provider has no app here).
 */
export function appForCredential<A extends { id: string; tokenUrl: string }>(
  apps: readonly A[],
  settings: unknown,
): A | null {
  const tokenUrl = (settings as { tokenUrl?: unknown } | null)?.tokenUrl;
  if (typeof tokenUrl === 'string') return apps.find((a) => a.tokenUrl === tokenUrl) ?? null;
  return apps.length === 1 ? apps[0]! : null;
}
