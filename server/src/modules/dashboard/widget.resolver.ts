import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../graphql/context.ts';
import { loadOrNotFound } from '../../graphql/loaders.ts';
import { ApiEndpoint } from '../endpoint/endpoint.types.ts';
import {
  createWidgetDefinition,
  deleteWidgetDefinition,
  listWidgetDefinitions,
  updateWidgetDefinition,
} from './widget.service.ts';
import { previewWidget } from './widget.preview.ts';
import {
  DashboardWidgetDefinition,
  DashboardWidgetInput,
  SeriesColour,
  WidgetPreview,
  WidgetPreviewInput,
} from './widget.types.ts';

type DefinitionRow = Awaited<ReturnType<typeof listWidgetDefinitions>>[number];

@Resolver(() => DashboardWidgetDefinition)
export class WidgetDefinitionResolver {
  @Query(() => [DashboardWidgetDefinition], {
    description: "The company's dashboard widget definitions; the company's administrators only.",
  })
  dashboardWidgets(@Arg('companyId', () => ID) companyId: string, @Ctx() ctx: RequestContext) {
    return listWidgetDefinitions(ctx.db, { companyId });
  }

  @Query(() => WidgetPreview, {
    description:
      "A draft expression evaluated on the operation's answer as a role would get it (the editor's live result); the company's administrators only, audited like previewReadOperation.",
  })
  previewDashboardWidget(
    @Arg('input', () => WidgetPreviewInput) input: WidgetPreviewInput,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    return previewWidget(ctx.db, ctx.gateway, ctx.actor, input);
  }

  @Mutation(() => DashboardWidgetDefinition, {
    description: 'Defines a dashboard widget on a GET operation of one of the company’s endpoints.',
  })
  createDashboardWidget(
    @Arg('input', () => DashboardWidgetInput) input: DashboardWidgetInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createWidgetDefinition(ctx.db, ctx.actor, input);
  }

  @Mutation(() => DashboardWidgetDefinition, { description: 'Replaces a widget definition as a whole.' })
  updateDashboardWidget(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => DashboardWidgetInput) input: DashboardWidgetInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateWidgetDefinition(ctx.db, ctx.actor, id, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a widget definition.' })
  deleteDashboardWidget(
    @Arg('id', () => ID) id: string,
    @Arg('companyId', () => ID) companyId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteWidgetDefinition(ctx.db, ctx.actor, { companyId, id });
  }

  @FieldResolver(() => ApiEndpoint)
  endpoint(@Root() widget: DefinitionRow, @Ctx() ctx: RequestContext) {
    return loadOrNotFound(ctx.loaders.endpoint, { companyId: widget.companyId, id: widget.endpointId }, 'Endpoint');
  }

  @FieldResolver(() => [SeriesColour])
  colours(@Root() widget: DefinitionRow): SeriesColour[] {
    const stored = (widget.colours ?? {}) as Record<string, SeriesColour['meaning']>;
    return Object.entries(stored).map(([label, meaning]) => ({ label, meaning }));
  }
}
