import DataLoader from 'dataloader';
import type { Db } from '../../db/client.ts';
import { isUuid } from '../../lib/ids.ts';

export function createRoleLoader(db: Db) {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await db.role.findMany({ where: { id: { in: ids.filter(isUuid) } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
