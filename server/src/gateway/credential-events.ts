// What the gateway announces about credentials, as an interface the composition root (tessera.ts)
// fills in with the webhook module's outbox writer: the gateway sits below the modules and knows
// none of them.
import type { Prisma } from '../db/client.ts';

interface CredentialStatusChange {
  companyId: string;
  credentialId: string;
  endpointId: string;
  from: string | null;
  to: string;
}

/** Records the change's event in `tx`, the transaction that writes the new status (the outbox). */
export type CredentialStatusSink = (tx: Prisma.TransactionClient, change: CredentialStatusChange) => Promise<unknown>;
