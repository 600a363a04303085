// Companies: listing for the caller's scope, and the platform admin's create/update/delete.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/prisma-errors.ts';
import { ConflictError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { nameSchema, parseInput, slugSchema } from '../../lib/validate.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';

const createSchema = z.object({ name: nameSchema, slug: slugSchema });
const updateSchema = z.object({ name: nameSchema.nullish(), slug: slugSchema.nullish() });

/** Companies by id, in name order; `ids` null means all companies. */
export function listCompanies(db: Db, { ids }: { ids: Iterable<string> | null }) {
  return db.company.findMany({
    where: ids === null ? {} : { id: { in: [...ids] } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

export async function getCompanyOrThrow(db: Db, { companyId }: { companyId: string }) {
  const company = isUuid(companyId) ? await db.company.findUnique({ where: { id: companyId } }) : null;
  if (!company) throw new NotFoundError('Company');
  return company;
}

async function assertSlugFree(db: Db, slug: string, exceptId?: string) {
  const existing = await db.company.findUnique({ where: { slug }, select: { id: true } });
  if (existing && existing.id !== exceptId)
    throw new ConflictError(`A company with slug "${slug}" already exists.`, 'slug');
}

function conflictOnRace(error: unknown): never {
  if (isUniqueViolation(error)) throw new ConflictError('A company with this slug already exists.', 'slug');
  throw error;
}

export async function createCompany(db: Db, actor: Actor, { input }: { input: unknown }) {
  const data = parseInput(createSchema, input, 'input');
  await assertSlugFree(db, data.slug);
  return db
    .$transaction(async (tx) => {
      const company = await tx.company.create({ data });
      await recordAudit(tx, actor, {
        companyId: company.id,
        action: 'company.create',
        targetType: 'company',
        targetId: company.id,
        details: data,
      });
      return company;
    })
    .catch(conflictOnRace);
}

export async function updateCompany(db: Db, actor: Actor, { companyId, input }: { companyId: string; input: unknown }) {
  const data = parseInput(updateSchema, input, 'input');
  await getCompanyOrThrow(db, { companyId });
  if (data.slug) await assertSlugFree(db, data.slug, companyId);
  const changes = { ...(data.name ? { name: data.name } : {}), ...(data.slug ? { slug: data.slug } : {}) };
  return db
    .$transaction(async (tx) => {
      const company = await tx.company.update({ where: { id: companyId }, data: changes });
      await recordAudit(tx, actor, {
        companyId,
        action: 'company.update',
        targetType: 'company',
        targetId: companyId,
        details: changes,
      });
      return company;
    })
    .catch(conflictOnRace);
}

/** Deletes a company with its endpoints, credentials, grants and memberships (cascade). */
export async function deleteCompany(db: Db, actor: Actor, { companyId }: { companyId: string }) {
  const company = await getCompanyOrThrow(db, { companyId });
  await db.$transaction(async (tx) => {
    await tx.company.delete({ where: { id: companyId } });
    await recordAudit(tx, actor, {
      companyId,
      action: 'company.delete',
      targetType: 'company',
      targetId: companyId,
      details: { slug: company.slug },
    });
  });
  return true;
}
