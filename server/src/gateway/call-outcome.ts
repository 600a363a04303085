// How a call that got no answer is written in the call log: one mapping for the pipeline's calls
// and for credential tests, so both say "timeout" or "credential_error" alike.
import { VaultDecryptError } from '../vault/envelope.ts';
import type { CallLogEntry } from './call-log.ts';
import { CredentialOriginError } from './credential-call.ts';
import { CredentialNeedsReconnectError, TokenEndpointError } from './oauth.ts';
import { UpstreamNetworkError } from './upstream-client.ts';

/** The call-log outcome of a failure while sending; null for an unexpected error (not logged). */
export function failureOutcome(error: unknown): CallLogEntry['outcome'] | null {
  if (error instanceof UpstreamNetworkError)
    return error.failure === 'timeout'
      ? 'timeout'
      : error.failure === 'blocked'
        ? 'blocked'
        : error.failure === 'too_large'
          ? 'too_large'
          : 'network_error';
  if (
    error instanceof VaultDecryptError ||
    error instanceof CredentialOriginError ||
    error instanceof CredentialNeedsReconnectError ||
    error instanceof TokenEndpointError
  )
    return 'credential_error';
  return null;
}
