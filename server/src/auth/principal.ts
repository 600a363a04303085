// The principal: who is calling, and which roles they hold in which companies. Loaded once
// per request (one SQL statement) after the token is verified; the policy decides from it.
import type { Db } from '../db/client.ts';

export interface MembershipFact {
  companyId: string;
  roleId: string;
  roleKey: string;
  capabilities: readonly string[];
}

export interface Principal {
  userId: string;
  email: string;
  isPlatformAdmin: boolean;
  memberships: readonly MembershipFact[];
}

export async function loadPrincipal(db: Db, userId: string): Promise<Principal | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      isPlatformAdmin: true,
      memberships: { select: { companyId: true, roleId: true, role: { select: { key: true, capabilities: true } } } },
    },
  });
  if (!user) return null;
  return {
    userId: user.id,
    email: user.email,
    isPlatformAdmin: user.isPlatformAdmin,
    memberships: user.memberships.map((m) => ({
      companyId: m.companyId,
      roleId: m.roleId,
      roleKey: m.role.key,
      capabilities: m.role.capabilities,
    })),
  };
}
