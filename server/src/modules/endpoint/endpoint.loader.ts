// Loaders keyed with the company: a key names (company, id), so a loader can never hand out
// another company's row, whatever id it is given.
import DataLoader from 'dataloader';
import type { Db } from '../../db/client.ts';
import { isUuid } from '../../lib/ids.ts';
import { listOperationsOfEndpoints } from './endpoint.service.ts';
import type { OperationRow } from './endpoint.types.ts';

interface CompanyScopedKey {
  companyId: string;
  id: string;
}

const cacheKey = (k: CompanyScopedKey) => `${k.companyId}:${k.id}`;

/** Batches keys per company and runs `fetch` once per company in the batch. */
function companyScopedLoader<V>(fetch: (companyId: string, ids: string[]) => Promise<Map<string, V>>, empty: V) {
  return new DataLoader<CompanyScopedKey, V, string>(
    async (keys) => {
      const byCompany = new Map<string, string[]>();
      for (const k of keys) {
        if (!isUuid(k.companyId) || !isUuid(k.id)) continue;
        byCompany.set(k.companyId, [...(byCompany.get(k.companyId) ?? []), k.id]);
      }
      const results = new Map<string, V>();
      await Promise.all(
        [...byCompany].map(async ([companyId, ids]) => {
          for (const [id, value] of await fetch(companyId, ids)) results.set(cacheKey({ companyId, id }), value);
        }),
      );
      return keys.map((k) => results.get(cacheKey(k)) ?? empty);
    },
    { cacheKeyFn: cacheKey },
  );
}

export function createEndpointLoader(db: Db) {
  return companyScopedLoader(async (companyId, ids) => {
    const rows = await db.apiEndpoint.findMany({ where: { companyId, id: { in: ids } } });
    return new Map(rows.map((r) => [r.id, r]));
  }, null);
}

export function createOperationsByEndpointLoader(db: Db) {
  type Op = OperationRow;
  return companyScopedLoader(async (companyId, endpointIds) => {
    const rows = await listOperationsOfEndpoints(db, { companyId, endpointIds });
    const map = new Map<string, Op[]>();
    for (const row of rows) map.set(row.endpointId, [...(map.get(row.endpointId) ?? []), row]);
    return map;
  }, [] as Op[]);
}
