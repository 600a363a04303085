import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { RequestContext } from '../../graphql/context.ts';
import { usageStats } from './usage.service.ts';
import { UsageGroupBy, UsageStats } from './usage.types.ts';

@Resolver()
export class UsageResolver {
  @Query(() => UsageStats, {
    description:
      "Upstream calls of a time range from the call log, grouped by endpoint, role, UTC day or company. With companyId: that company's, for its administrators; without: every company's, for platform admins.",
  })
  usageStats(
    @Arg('companyId', () => ID, {
      nullable: true,
      description: 'Leave out (null) for every company: platform admins only.',
    })
    companyId: string | null | undefined,
    @Arg('from', () => DateTimeResolver, { description: 'Calls at or after this time.' }) from: Date,
    @Arg('to', () => DateTimeResolver, { description: 'Calls before this time; at most 366 days after from.' })
    to: Date,
    @Arg('groupBy', () => UsageGroupBy, { description: 'What each row stands for.' }) groupBy: UsageGroupBy,
    @Ctx() ctx: RequestContext,
  ) {
    return usageStats(ctx.db, { companyId: companyId ?? null, from, to, groupBy });
  }
}
