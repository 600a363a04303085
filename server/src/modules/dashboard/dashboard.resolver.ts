import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { loadOrNotFound } from '../../graphql/loaders.ts';
import { Company } from '../company/company.types.ts';
import { ApiEndpoint } from '../endpoint/endpoint.types.ts';
import { buildDashboard } from './dashboard.service.ts';
import { Dashboard, DashboardWidget, type DashboardRow, type DashboardWidgetRow } from './dashboard.types.ts';

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Query(() => Dashboard, {
    description:
      "The caller's dashboard of a company: metrics from the operations they may read there, most relevant to their roles first.",
  })
  dashboard(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return buildDashboard(ctx, { companyId, principal: requirePrincipal(ctx), requestId: ctx.requestId });
  }

  @FieldResolver(() => Company)
  company(@Root() dashboard: DashboardRow, @Ctx() ctx: RequestContext) {
    return loadOrNotFound(ctx.loaders.company, dashboard.companyId, 'Company');
  }
}

@Resolver(() => DashboardWidget)
export class DashboardWidgetResolver {
  @FieldResolver(() => ApiEndpoint)
  endpoint(@Root() widget: DashboardWidgetRow, @Ctx() ctx: RequestContext) {
    return loadOrNotFound(ctx.loaders.endpoint, { companyId: widget.companyId, id: widget.endpointId }, 'Endpoint');
  }
}
