// What the gateway reports but does not own: audit rows and a credential's state. It declares
// what it needs here and tessera.ts wires in the implementations of modules/ (audit,
// credential), so the gateway imports nothing from the layer above it.
import type { Db, Prisma } from '../db/client.ts';
import type { CredentialForCall } from './credential-call.ts';

/** Who made the call, as an audit row names them. */
export interface GatewayActor {
  userId: string;
  email: string;
  requestId: string | null;
}

interface GatewayAuditEntry {
  companyId: string;
  action: string;
  targetType: string;
  targetId: string;
  /** Never a secret. */
  details: Prisma.InputJsonObject;
}

export interface GatewayAudit {
  /** One audit row, written with `db` (the gateway's client, in the caller's row scope). */
  record(db: Db, actor: GatewayActor, entry: GatewayAuditEntry): Promise<void>;
}

export interface CredentialOriginSink {
  /**
   * The gateway refused to send a credential to another origin than its own: its state shows it
   * (needs_reconnect) even when the base URL moved outside updateEndpoint (decision 0019).
   */
  refused(db: Db, actor: GatewayActor, credential: CredentialForCall, requestOrigin: string): Promise<void>;
}
