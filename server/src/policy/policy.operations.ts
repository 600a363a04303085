// What a person may use in a company, operation by operation: the one list every surface offers
// from. The assistant's tools, MCP's tools, the dashboards' widgets and the admin's preview of a
// role all call permittedOperations(), and the gateway asks decide() again when any of them runs.
import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/client.ts';
import { decide, roleIdsIn, type AccessLevel } from './policy.ts';
import { queryGrantedEndpoints } from './policy.facts.ts';

export interface PermittedOperation {
  /** The name it is offered under, the same on every surface (toolName). */
  tool: string;
  endpoint: { id: string; slug: string; name: string; companyId: string; baseUrl: string };
  operation: {
    id: string;
    key: string;
    method: string;
    path: string;
    description: string | null;
    paramsSchema: unknown;
  };
  access: AccessLevel;
}

/** `<endpoint slug>__<operation key>`, within the 64 characters and the characters tools allow. */
export function toolName(endpointSlug: string, operationKey: string): string {
  const name = `${endpointSlug}__${operationKey}`.replace(/[^A-Za-z0-9_-]/g, '_');
  if (name.length <= 64) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, 55)}_${hash}`;
}

/**
 * Every operation the policy lets the caller use in the company, in a stable order (endpoints by
 * name, operations by key): the endpoints their roles are granted, read with their operations
 * in one statement (the same query as `myEndpoints`).
 */
export async function permittedOperations(
  db: Db,
  { companyId, principal }: { companyId: string; principal: Principal },
): Promise<PermittedOperation[]> {
  const roleIds = roleIdsIn(principal, companyId);
  if (roleIds.length === 0) return [];
  const out: PermittedOperation[] = [];
  for (const { endpoint, operations, grants } of await queryGrantedEndpoints(db, { companyId, roleIds })) {
    for (const op of operations) {
      // The same decide() the gateway applies again when the operation is run.
      const decision = decide(principal, companyId, endpoint, op.method, grants);
      if (!decision.allowed) continue;
      out.push({ tool: toolName(endpoint.slug, op.key), endpoint, operation: op, access: decision.access });
    }
  }
  return out;
}
