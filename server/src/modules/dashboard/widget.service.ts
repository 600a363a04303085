// Widget definitions: a company's administrators create, replace and delete them (the shield asks
// mayManageDashboards); every change leaves an audit row in the same transaction. Everything is
// checked before anything is stored, the expression with the character its problem is at.
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/prisma-errors.ts';
import { Prisma } from '../../db/client.ts';
import { BadInputError, ConflictError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { getEndpointOrThrow } from '../endpoint/endpoint.service.ts';
import { getRoleOrThrow } from '../role/role.service.ts';
import { checkExpression } from './widget.expression.ts';
import type { DashboardWidgetInput } from './widget.types.ts';

const KEY = /^[a-z0-9_]{1,64}$/;
const MAX_PARAMS_BYTES = 8 * 1024;
const MAX_COLOURS = 50;
const MAX_FAN_OUT = 10;
const MIN_REFRESH_SECONDS = 10;

const WITH_ROLES = { roles: { include: { role: true }, orderBy: { position: 'asc' } } } as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A fan-out as stored: every field a short string but max, a small whole number. */
export interface FanOut {
  from: string;
  param: string;
  key: string;
  label: string;
  recency: string;
  max: number;
  noun: string;
}

async function checkFanOut(db: Db, endpointId: string, given: unknown): Promise<FanOut | null> {
  if (given === undefined || given === null) return null;
  const bad = (why: string) => new BadInputError(`fanOut ${why}`, 'fanOut');
  if (!isObject(given)) throw bad('must be an object.');
  const out: Record<string, unknown> = {};
  for (const name of ['from', 'param', 'key', 'label', 'recency', 'noun'] as const) {
    const v = given[name];
    if (typeof v !== 'string' || v.trim() === '' || v.length > 100) throw bad(`.${name} must be a short text.`);
    out[name] = v;
  }
  const max = given.max;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > MAX_FAN_OUT)
    throw bad(`.max must be a whole number from 1 to ${MAX_FAN_OUT}.`);
  const from = await db.endpointOperation.findFirst({ where: { endpointId, key: String(out.from) } });
  if (from?.method !== 'GET') throw bad('.from must be a GET operation of the same endpoint.');
  return { ...(out as Omit<FanOut, 'max'>), max };
}

/** The input checked and turned into what is stored; nothing is stored on bad input. */
async function checked(db: Db, input: DashboardWidgetInput) {
  const endpoint = await getEndpointOrThrow(db, { companyId: input.companyId, endpointId: input.endpointId });
  const operation = await db.endpointOperation.findFirst({
    where: { endpointId: endpoint.id, key: input.operationKey },
  });
  if (!operation) throw new BadInputError(`${endpoint.name} has no operation ${input.operationKey}.`, 'operationKey');
  if (operation.method !== 'GET') throw new BadInputError('A widget reads: pick a GET operation.', 'operationKey');
  if (!KEY.test(input.key)) throw new BadInputError('key: 1 to 64 lower-case letters, digits and _.', 'key');
  const title = input.title.trim();
  if (title === '' || title.length > 120) throw new BadInputError('title: 1 to 120 characters.', 'title');
  const params = input.params ?? {};
  if (!isObject(params) || JSON.stringify(params).length > MAX_PARAMS_BYTES)
    throw new BadInputError(`params must be an object of at most ${MAX_PARAMS_BYTES / 1024} KB.`, 'params');
  const fanOut = await checkFanOut(db, endpoint.id, input.fanOut);
  checkExpression(input.expression);
  const unit = input.unit?.trim() || null;
  if (unit && unit.length > 20) throw new BadInputError('unit: at most 20 characters.', 'unit');
  const colours = input.colours ?? [];
  if (colours.length > MAX_COLOURS) throw new BadInputError(`At most ${MAX_COLOURS} colours.`, 'colours');
  for (const c of colours)
    if (c.label.trim() === '' || c.label.length > 100)
      throw new BadInputError('A colour label: 1 to 100 characters.', 'colours');
  if (input.refreshSeconds !== null && input.refreshSeconds !== undefined && input.refreshSeconds < MIN_REFRESH_SECONDS)
    throw new BadInputError(`refreshSeconds: at least ${MIN_REFRESH_SECONDS}.`, 'refreshSeconds');
  const roles = input.roles ?? [];
  if (new Set(roles.map((r) => r.roleId)).size !== roles.length)
    throw new BadInputError('A role appears twice.', 'roles');
  for (const r of roles) await getRoleOrThrow(db, { roleId: r.roleId });
  return {
    data: {
      companyId: input.companyId,
      endpointId: endpoint.id,
      operationKey: operation.key,
      key: input.key,
      title,
      kind: input.kind,
      params: params as object,
      fanOut: fanOut ? (fanOut as unknown as Prisma.InputJsonObject) : Prisma.DbNull,
      expression: input.expression,
      format: input.format ?? null,
      unit,
      colours: Object.fromEntries(colours.map((c) => [c.label.trim().toLowerCase(), c.meaning])),
      position: input.position ?? 0,
      refreshSeconds: input.refreshSeconds ?? null,
    },
    roles,
  };
}

/** What the audit row says of a widget: everything but nothing large. */
const described = (w: { endpointId: string; operationKey: string; key: string; title: string; kind: string }) => ({
  endpointId: w.endpointId,
  operation: w.operationKey,
  key: w.key,
  title: w.title,
  kind: w.kind,
});

async function getWidgetOrThrow(db: Db, { companyId, id }: { companyId: string; id: string }) {
  const widget =
    isUuid(id) && isUuid(companyId) ? await db.dashboardWidget.findFirst({ where: { id, companyId } }) : null;
  if (!widget) throw new NotFoundError('Dashboard widget');
  return widget;
}

export function listWidgetDefinitions(db: Db, { companyId }: { companyId: string }) {
  return db.dashboardWidget.findMany({
    where: { companyId },
    include: WITH_ROLES,
    orderBy: [{ position: 'asc' }, { title: 'asc' }],
  });
}

function conflict(error: unknown): never {
  if (isUniqueViolation(error)) throw new ConflictError('This operation already has a widget with this key.', 'key');
  throw error;
}

export async function createWidgetDefinition(db: Db, actor: Actor, input: DashboardWidgetInput) {
  const { data, roles } = await checked(db, input);
  return db
    .$transaction(async (tx) => {
      const widget = await tx.dashboardWidget.create({
        data: {
          ...data,
          roles: { create: roles.map((r) => ({ roleId: r.roleId, position: r.position })) },
        },
        include: WITH_ROLES,
      });
      await recordAudit(tx, actor, {
        companyId: data.companyId,
        action: 'dashboard_widget.create',
        targetType: 'dashboard_widget',
        targetId: widget.id,
        details: described(widget),
      });
      return widget;
    })
    .catch(conflict);
}

export async function updateWidgetDefinition(db: Db, actor: Actor, id: string, input: DashboardWidgetInput) {
  const before = await getWidgetOrThrow(db, { companyId: input.companyId, id });
  const { data, roles } = await checked(db, input);
  return db
    .$transaction(async (tx) => {
      await tx.dashboardWidgetRole.deleteMany({ where: { widgetId: id } });
      const widget = await tx.dashboardWidget.update({
        where: { id },
        data: {
          ...data,
          roles: { create: roles.map((r) => ({ roleId: r.roleId, position: r.position })) },
        },
        include: WITH_ROLES,
      });
      await recordAudit(tx, actor, {
        companyId: data.companyId,
        action: 'dashboard_widget.update',
        targetType: 'dashboard_widget',
        targetId: id,
        details: { ...described(widget), before: described(before) },
      });
      return widget;
    })
    .catch(conflict);
}

export async function deleteWidgetDefinition(
  db: Db,
  actor: Actor,
  { companyId, id }: { companyId: string; id: string },
): Promise<boolean> {
  const widget = await getWidgetOrThrow(db, { companyId, id });
  await db.$transaction(async (tx) => {
    await tx.dashboardWidget.delete({ where: { id } });
    await recordAudit(tx, actor, {
      companyId,
      action: 'dashboard_widget.delete',
      targetType: 'dashboard_widget',
      targetId: id,
      details: described(widget),
    });
  });
  return true;
}
