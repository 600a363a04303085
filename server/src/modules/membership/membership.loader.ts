import DataLoader from 'dataloader';
import type { Db } from '../../db/client.ts';
import type { MembershipRow } from './membership.types.ts';
import { listMembershipsOfUsers } from './membership.service.ts';

export function createMembershipsByUserLoader(db: Db) {
  return new DataLoader(async (userIds: readonly string[]) => {
    const rows = await listMembershipsOfUsers(db, { userIds });
    const byUser = new Map<string, MembershipRow[]>();
    for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    return userIds.map((id) => byUser.get(id) ?? []);
  });
}
