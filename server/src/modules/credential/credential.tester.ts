// "Test" button: one real call with the credential through the gateway (Gateway.testCredential:
// the company's rate budget, the call log, the same HTTP path), to the endpoint's test operation
// (or its first GET that needs no parameter). The credential's status follows the result; the
// upstream body is never shown. A spent rate budget refuses the test (RATE_LIMITED) and changes nothing.
import type { Db } from '../../db/client.ts';
import { CredentialOriginError } from '../../gateway/credential-call.ts';
import type { Gateway } from '../../gateway/gateway.ts';
import { ORIGIN_CHANGED } from './credential.origin.ts';
import { CredentialNeedsReconnectError, TokenEndpointError } from '../../gateway/oauth.ts';
import { UpstreamNetworkError } from '../../gateway/upstream-client.ts';
import { VaultDecryptError } from '../../vault/envelope.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { emitCredentialStatus } from '../webhook/webhook.events.ts';
import { getCredentialOrThrow } from './credential.changes.ts';

export interface CredentialTestOutcome {
  ok: boolean;
  status: number | null;
  durationMs: number;
  message: string;
}

interface OperationLike {
  key: string;
  method: string;
  path: string;
  paramsSchema: unknown;
}

/** The endpoint's chosen test operation, else the first GET whose path and schema need nothing. */
export function pickTestOperation(operations: OperationLike[], preferredKey: string | null): OperationLike | null {
  const preferred = preferredKey ? operations.find((o) => o.key === preferredKey) : undefined;
  if (preferred) return preferred;
  const needsNothing = (o: OperationLike) => {
    const required = (o.paramsSchema as { required?: unknown[] } | null)?.required ?? [];
    return o.method === 'GET' && !o.path.includes('{') && required.length === 0;
  };
  return [...operations].sort((a, b) => a.key.localeCompare(b.key)).find(needsNothing) ?? null;
}

function describe(
  status: number,
  endpointName: string,
  operationKey: string,
): { ok: boolean; credentialStatus: string; message: string } {
  if (status >= 200 && status < 300)
    return {
      ok: true,
      credentialStatus: 'ok',
      message: `Connected: ${endpointName} answered HTTP ${status} to ${operationKey}.`,
    };
  if (status === 401 || status === 403) {
    return {
      ok: false,
      credentialStatus: 'failing',
      message: `${endpointName} refused this credential (HTTP ${status}). Check the secret, or replace it.`,
    };
  }
  return {
    ok: false,
    credentialStatus: 'failing',
    message: `${endpointName} answered HTTP ${status} to ${operationKey}.`,
  };
}

export async function testCredential(
  db: Db,
  gateway: Pick<Gateway, 'testCredential'>,
  actor: Actor,
  { companyId, credentialId }: { companyId: string; credentialId: string },
): Promise<CredentialTestOutcome> {
  const credential = await getCredentialOrThrow(db, { companyId, credentialId });
  const endpoint = await db.apiEndpoint.findUniqueOrThrow({
    where: { id: credential.endpointId },
    include: { operations: true },
  });
  const operation = pickTestOperation(endpoint.operations, endpoint.testOperationKey);
  const started = performance.now();
  let outcome: {
    ok: boolean;
    status: number | null;
    credentialStatus: string | null;
    statusReason?: string;
    message: string;
  };
  if (!operation) {
    outcome = {
      ok: false,
      status: null,
      credentialStatus: null,
      message: `${endpoint.name} has no GET operation without parameters to test with; choose a test operation for it.`,
    };
  } else {
    try {
      const res = await gateway.testCredential({
        companyId,
        endpoint,
        operationKey: operation.key,
        url: new URL(endpoint.baseUrl + operation.path),
        credential,
        userId: actor.userId,
        requestId: actor.requestId,
      });
      outcome = { status: res.status, ...describe(res.status, endpoint.name, operation.key) };
    } catch (error) {
      // The same origin check as every gateway call: a test never sends a secret where it was not entered for.
      if (error instanceof CredentialOriginError)
        outcome = {
          ok: false,
          status: null,
          credentialStatus: 'needs_reconnect',
          statusReason: ORIGIN_CHANGED,
          message: error.message,
        };
      else if (error instanceof CredentialNeedsReconnectError)
        outcome = { ok: false, status: null, credentialStatus: 'needs_reconnect', message: error.message };
      else if (error instanceof VaultDecryptError)
        outcome = {
          ok: false,
          status: null,
          credentialStatus: 'failing',
          message: 'The stored secret cannot be opened; replace it.',
        };
      else if (error instanceof TokenEndpointError || error instanceof UpstreamNetworkError)
        outcome = { ok: false, status: null, credentialStatus: 'failing', message: error.message };
      else throw error;
    }
  }
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  await db.$transaction(async (tx) => {
    // Read inside the transaction: an OAuth refresh during the test may already have moved (and announced) it.
    const before = await tx.apiCredential.findUnique({ where: { id: credentialId }, select: { status: true } });
    if (outcome.credentialStatus) {
      await emitCredentialStatus(tx, {
        companyId,
        credentialId,
        endpointId: credential.endpointId,
        from: before?.status ?? null,
        to: outcome.credentialStatus,
      });
    }
    await tx.apiCredential.update({
      where: { id: credentialId },
      data: {
        lastTestedAt: new Date(),
        ...(outcome.credentialStatus
          ? { status: outcome.credentialStatus, statusReason: outcome.statusReason ?? null }
          : {}),
      },
    });
    await recordAudit(tx, actor, {
      companyId,
      action: 'credential.test',
      targetType: 'credential',
      targetId: credentialId,
      details: {
        ok: outcome.ok,
        status: outcome.status,
        ...(outcome.statusReason ? { reason: outcome.statusReason } : {}),
      },
    });
  });
  return { ok: outcome.ok, status: outcome.status, durationMs, message: outcome.message };
}
