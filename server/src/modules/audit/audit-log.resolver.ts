import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import { Company } from '../company/company.types.ts';
import { AuditLogConnection, AuditLogEntry, AuditLogFilter } from './audit-log.types.ts';
import { listAuditLogs } from './audit-log.service.ts';

@Resolver(() => AuditLogEntry)
export class AuditLogResolver {
  @Query(() => AuditLogConnection, {
    description:
      "Recorded changes, newest first. With companyId: that company's, for its administrators; without: every company's and platform-wide ones, for platform admins.",
  })
  auditLogs(
    @Arg('companyId', () => ID, { nullable: true }) companyId: string | null | undefined,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null | undefined,
    @Arg('first', () => Int, { defaultValue: 50, description: '1 to 200.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after:
      | string
      | null
      | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return listAuditLogs(ctx.db, { companyId: companyId ?? null, filter, first, after });
  }

  @FieldResolver(() => Company, {
    nullable: true,
    description: 'null for platform-wide entries and for companies since deleted.',
  })
  company(@Root() entry: AuditLogEntry, @Ctx() ctx: RequestContext) {
    return entry.companyId ? ctx.loaders.company.load(entry.companyId) : null;
  }
}
