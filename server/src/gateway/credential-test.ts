// An administrator's credential test (the Test button) through the gateway's own pieces. No policy
// decision applies (it tests a credential, not a person's access to the endpoint), but like every
// call that reaches a company's API it spends the company's rate budget for the endpoint (refused
// with RATE_LIMITED before anything is sent when it is spent) and writes a call-log row (source
// "credential_test"), traced and counted like a gateway call. Decision 0005.
import { observeGatewayCall } from '../observability/tracing.ts';
import type { GatewayMetrics } from '../observability/metrics.ts';
import type { CallLog, CallLogEntry } from './call-log.ts';
import { failureOutcome } from './call-outcome.ts';
import { callWithCredential, type CredentialCallDeps, type CredentialForCall } from './credential-call.ts';
import { refusedRate, type RateLimiter } from './rate-limit.ts';
import type { UpstreamResponse } from './upstream-client.ts';

/** The call log's source of credential tests. */
const CREDENTIAL_TEST_SOURCE = 'credential_test';

export interface CredentialTest {
  companyId: string;
  endpoint: { id: string; slug: string; name: string; rateLimitPerMinute: number | null };
  /** The operation it is tested with: its key (logged) and the URL it makes. */
  operationKey: string;
  url: URL;
  credential: CredentialForCall;
  /** The administrator who tests it. */
  userId: string | null;
  requestId: string | null;
}

export interface CredentialTestDeps {
  limiter: RateLimiter;
  callLog: CallLog;
  metrics: GatewayMetrics | undefined;
  credentialCall: CredentialCallDeps;
  timeoutMs: number | undefined;
}

/**
 * Sends the test's GET with the credential and returns the answer, whatever its status. A failure
 * to send (network, origin, token, an unopenable secret) is logged and thrown as it is: the tester
 * turns it into the credential's status.
 */
export function sendCredentialTest(deps: CredentialTestDeps, test: CredentialTest): Promise<UpstreamResponse> {
  const { companyId, endpoint, credential, operationKey } = test;
  const traced = { companyId, endpointId: endpoint.id, operationKey, source: CREDENTIAL_TEST_SOURCE, mode: 'read' };
  return observeGatewayCall(deps.metrics, traced, async (note) => {
    const started = performance.now();
    const log = (entry: Partial<CallLogEntry> & Pick<CallLogEntry, 'outcome'>) => {
      const full: CallLogEntry = {
        companyId,
        userId: test.userId,
        roleId: credential.roleId,
        endpointId: endpoint.id,
        credentialId: credential.id,
        operationKey,
        method: 'GET',
        source: CREDENTIAL_TEST_SOURCE,
        status: null,
        durationMs: performance.now() - started,
        attempts: 0,
        cached: false,
        bytes: 0,
        requestId: test.requestId,
        ...entry,
      };
      deps.callLog.record(full);
      note({ ...full, endpoint: endpoint.slug });
    };
    const refused = await refusedRate(deps.limiter, companyId, endpoint);
    if (refused) {
      log({ outcome: 'rate_limited' });
      throw refused;
    }
    let res: UpstreamResponse;
    try {
      res = await callWithCredential(deps.credentialCall, credential, {
        method: 'GET',
        url: test.url,
        headers: { accept: 'application/json' },
        ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
      });
    } catch (error) {
      const outcome = failureOutcome(error);
      if (outcome) log({ outcome, attempts: 1 });
      throw error;
    }
    const ok = res.status >= 200 && res.status < 300;
    log({ outcome: ok ? 'ok' : 'upstream_error', status: res.status, attempts: 1, bytes: res.body.length });
    return res;
  });
}
