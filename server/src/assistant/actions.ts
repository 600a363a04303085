// Writes wait for a person. A write the model proposes becomes a PendingAction holding the
// exact request (and its hash), owned by one user in one company, expiring after 15 minutes.
// Only its owner can confirm it, once; the policy is checked again by the gateway at that
// moment; exactly the stored arguments are sent, and only as the request that was proposed:
// the gateway refuses with CONFLICT if the operation or endpoint now makes another one
// (gateway/bound-request.ts).
import { inScopeOf } from '../db/row-security/principal-scope.ts';
import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal.ts';
import type { Db, Prisma } from '../db/client.ts';
import { canonicalJson } from '../lib/canonical-json.ts';
import { RequestChangedError, type BoundRequest } from '../gateway/bound-request.ts';
import type { Gateway, UpstreamResult } from '../gateway/gateway.ts';
import { ConflictError, NotFoundError } from '../lib/errors.ts';
import { isUuid } from '../lib/ids.ts';
import { ownedScope } from '../policy/policy.ts';
import { emitWebhookEvent, recordAudit, type Actor } from './action-sinks.ts';

const ACTION_TTL_MS = 15 * 60 * 1000;

export interface ActionArgs {
  params: Record<string, unknown>;
  body: Record<string, unknown> | null;
}

/** The hash a person's confirmation is checked against: what is sent, and the request it makes. */
function actionHash(endpointId: string, operationId: string, args: ActionArgs, request: BoundRequest | null): string {
  return createHash('sha256').update(canonicalJson({ endpointId, operationId, args, request })).digest('hex');
}

export async function proposeAction(
  db: Db,
  actor: Actor,
  input: {
    userId: string;
    companyId: string;
    conversationId: string | null;
    endpointId: string;
    operationId: string;
    operationKey: string;
    args: ActionArgs;
    request: BoundRequest;
    now?: number;
  },
) {
  const hash = actionHash(input.endpointId, input.operationId, input.args, input.request);
  return db.$transaction(async (tx) => {
    const action = await tx.pendingAction.create({
      data: {
        userId: input.userId,
        companyId: input.companyId,
        conversationId: input.conversationId,
        endpointId: input.endpointId,
        operationId: input.operationId,
        args: input.args as unknown as Prisma.InputJsonObject,
        request: input.request as unknown as Prisma.InputJsonObject,
        argsHash: hash,
        expiresAt: new Date((input.now ?? Date.now()) + ACTION_TTL_MS),
      },
    });
    await recordAudit(tx, actor, {
      companyId: input.companyId,
      action: 'assistant.action_proposed',
      targetType: 'pending_action',
      targetId: action.id,
      details: { endpointId: input.endpointId, operation: input.operationKey, argsHash: hash },
    });
    // What was proposed, not the arguments: they may hold business data the subscriber should not get.
    await emitWebhookEvent(tx, {
      companyId: input.companyId,
      type: 'action.pending',
      data: {
        actionId: action.id,
        userId: input.userId,
        endpointId: input.endpointId,
        operation: input.operationKey,
        expiresAt: action.expiresAt.toISOString(),
      },
    });
    return action;
  });
}

/** The caller's own action; anyone else's, or none, is NOT_FOUND. */
async function ownActionOrThrow(db: Db, principal: Principal, id: string) {
  const action = isUuid(id) ? await db.pendingAction.findFirst({ where: { id, ...ownedScope(principal) } }) : null;
  if (!action) throw new NotFoundError('Action');
  return action;
}

async function assertStillPending(db: Db, action: { id: string; status: string; expiresAt: Date }, now: number) {
  if (action.status === 'pending' && action.expiresAt.getTime() <= now) {
    await db.pendingAction.updateMany({ where: { id: action.id, status: 'pending' }, data: { status: 'expired' } });
    throw new ConflictError('This action has expired. Ask the assistant again.');
  }
  if (action.status !== 'pending') throw new ConflictError(`This action is already ${action.status}.`);
}

export function confirmAction(
  db: Db,
  gateway: Gateway,
  actor: Actor,
  input: { principal: Principal; id: string; requestId: string | null; now?: number },
): Promise<{ action: Awaited<ReturnType<typeof ownActionOrThrow>>; result: UpstreamResult }> {
  return inScopeOf(input.principal, () => confirmInScope(db, gateway, actor, input));
}

async function confirmInScope(
  db: Db,
  gateway: Gateway,
  actor: Actor,
  {
    principal,
    id,
    requestId,
    now = Date.now(),
  }: { principal: Principal; id: string; requestId: string | null; now?: number },
): Promise<{ action: Awaited<ReturnType<typeof ownActionOrThrow>>; result: UpstreamResult }> {
  const action = await ownActionOrThrow(db, principal, id);
  await assertStillPending(db, action, now);
  const args = action.args as unknown as ActionArgs;
  const request = action.request as unknown as BoundRequest | null;
  const operation = await db.endpointOperation.findFirst({
    where: { id: action.operationId, endpointId: action.endpointId },
  });
  // The stored row itself is checked too: arguments edited after the proposal are not what was shown.
  const intact =
    operation && request && actionHash(action.endpointId, action.operationId, args, request) === action.argsHash;
  // Claim it: of two concurrent confirmations exactly one moves it out of "pending".
  const claimed = await db.pendingAction.updateMany({
    where: { id, status: 'pending' },
    data: { status: intact ? 'executing' : 'failed', decidedAt: new Date(now) },
  });
  if (claimed.count !== 1) throw new ConflictError('This action is already being executed or was decided.');
  const audit = (name: string, details: Prisma.InputJsonObject) =>
    recordAudit(db, actor, {
      companyId: action.companyId,
      action: name,
      targetType: 'pending_action',
      targetId: id,
      details,
    });
  if (!intact) {
    await audit('assistant.action_failed', { reason: 'the stored request changed or its operation is gone' });
    throw new ConflictError('This action can no longer be executed: its operation changed. Ask the assistant again.');
  }
  await audit('assistant.action_confirmed', { argsHash: action.argsHash });
  try {
    const result = await gateway.call({
      principal,
      companyId: action.companyId,
      endpointId: action.endpointId,
      operationKey: operation.key,
      params: args.params,
      body: args.body,
      mode: 'write',
      source: 'assistant',
      requestId,
      boundTo: request,
    });
    const done = await db.$transaction(async (tx) => {
      const row = await tx.pendingAction.update({
        where: { id },
        data: { status: 'executed', resultStatus: result.status },
      });
      await recordAudit(tx, actor, {
        companyId: action.companyId,
        action: 'assistant.action_executed',
        targetType: 'pending_action',
        targetId: id,
        details: { status: result.status },
      });
      await emitWebhookEvent(tx, {
        companyId: action.companyId,
        type: 'action.executed',
        data: {
          actionId: id,
          userId: action.userId,
          endpointId: action.endpointId,
          operation: operation.key,
          resultStatus: result.status,
        },
      });
      return row;
    });
    return { action: done, result };
  } catch (error) {
    await db.pendingAction.update({ where: { id }, data: { status: 'failed' } });
    const code = String((error as { extensions?: { code?: string } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    await audit(
      'assistant.action_failed',
      error instanceof RequestChangedError ? { code, changed: error.changed } : { code },
    );
    throw error;
  }
}

export function rejectAction(db: Db, actor: Actor, input: { principal: Principal; id: string; now?: number }) {
  return inScopeOf(input.principal, () => rejectInScope(db, actor, input));
}

async function rejectInScope(
  db: Db,
  actor: Actor,
  { principal, id, now = Date.now() }: { principal: Principal; id: string; now?: number },
) {
  const action = await ownActionOrThrow(db, principal, id);
  await assertStillPending(db, action, now);
  const claimed = await db.pendingAction.updateMany({
    where: { id, status: 'pending' },
    data: { status: 'rejected', decidedAt: new Date(now) },
  });
  if (claimed.count !== 1) throw new ConflictError('This action was already decided.');
  await recordAudit(db, actor, {
    companyId: action.companyId,
    action: 'assistant.action_rejected',
    targetType: 'pending_action',
    targetId: id,
  });
  return { action: { ...action, status: 'rejected' }, result: null };
}

export function listPendingActions(
  db: Db,
  { companyId, principal, now = Date.now() }: { companyId: string; principal: Principal; now?: number },
) {
  return db.pendingAction.findMany({
    where: { ...ownedScope(principal, companyId), status: 'pending', expiresAt: { gt: new Date(now) } },
    orderBy: { createdAt: 'desc' },
  });
}
