import DataLoader from 'dataloader';
import type { Db } from '../../db/client.ts';
import { preparedQuery, type PreparedStatement } from '../../db/prepared.ts';
import type { Company } from '../../generated/prisma/client.ts';
import { isUuid } from '../../lib/ids.ts';

// Nearly every request asks it (the shield checks that a company named by an argument exists,
// and nested `company` fields resolve through it): a prepared statement (db/prepared.ts).
const COMPANIES_BY_ID: PreparedStatement = {
  name: 'tessera_companies_by_id',
  text: 'SELECT id, name, slug, created_at AS "createdAt", updated_at AS "updatedAt" FROM companies WHERE id = ANY($1::uuid[])',
};

export function createCompanyLoader(db: Db) {
  return new DataLoader(async (ids: readonly string[]) => {
    const wanted = ids.filter(isUuid);
    const rows = wanted.length > 0 ? await preparedQuery<Company>(db, COMPANIES_BY_ID, [wanted]) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
