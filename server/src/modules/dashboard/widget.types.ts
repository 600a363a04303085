// Widget definitions (DashboardWidget rows) as the Dashboard settings see and change them.
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { ApiEndpoint } from '../endpoint/endpoint.types.ts';
import { Role } from '../role/role.types.ts';
import { DashboardWidgetKind, SeriesMeaning, WidgetFormat } from './dashboard.types.ts';

@ObjectType({ simpleResolvers: true, description: "What a series label's colour means." })
export class SeriesColour {
  @Field(() => String, { description: 'The label, lower-case ("overdue").' }) label!: string;
  @Field(() => SeriesMeaning) meaning!: SeriesMeaning;
}

@ObjectType({ simpleResolvers: true, description: 'A role that sees the widget in this place by default.' })
export class WidgetRolePlace {
  @Field(() => Role) role!: Role;
  @Field(() => Int, { description: 'Lowest first.' }) position!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A dashboard widget as data: which operation it reads and how its answer becomes numbers. A person sees it when they may read the operation.',
})
export class DashboardWidgetDefinition {
  @Field(() => ID) id!: string;
  @Field(() => ApiEndpoint) endpoint!: ApiEndpoint;
  @Field(() => String) operationKey!: string;
  @Field(() => String, { description: 'Stable within the operation: part of the card id.' }) key!: string;
  @Field(() => String) title!: string;
  @Field(() => DashboardWidgetKind) kind!: DashboardWidgetKind;
  @Field(() => JSONResolver, { description: 'The parameters the operation is called with.' }) params!: unknown;
  @Field(() => JSONResolver, {
    nullable: true,
    description:
      'For an operation that needs an item of another list: { from, param, key, label, recency, max, noun }.',
  })
  fanOut!: unknown;
  @Field(() => String, { description: "JSONata over the operation's answer (after the viewer's field rule)." })
  expression!: string;
  @Field(() => WidgetFormat, { nullable: true }) format!: WidgetFormat | null;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => [SeriesColour]) colours!: SeriesColour[];
  @Field(() => Int) position!: number;
  @Field(() => Int, { nullable: true }) refreshSeconds!: number | null;
  @Field(() => [WidgetRolePlace]) roles!: WidgetRolePlace[];
  @Field(() => DateTimeResolver) updatedAt!: Date;
}

@InputType()
export class SeriesColourInput {
  @Field(() => String) label!: string;
  @Field(() => SeriesMeaning) meaning!: SeriesMeaning;
}

@InputType()
export class WidgetRolePlaceInput {
  @Field(() => ID) roleId!: string;
  @Field(() => Int) position!: number;
}

@InputType({ description: 'A widget definition (created, or replacing one as a whole).' })
export class DashboardWidgetInput {
  @Field(() => ID) companyId!: string;
  @Field(() => ID) endpointId!: string;
  @Field(() => String, { description: 'A GET operation of the endpoint.' }) operationKey!: string;
  @Field(() => String, { description: 'Lower-case letters, digits and _; unique within the operation.' })
  key!: string;
  @Field(() => String) title!: string;
  @Field(() => DashboardWidgetKind) kind!: DashboardWidgetKind;
  @Field(() => JSONResolver, { nullable: true }) params?: unknown;
  @Field(() => JSONResolver, { nullable: true }) fanOut?: unknown;
  @Field(() => String) expression!: string;
  @Field(() => WidgetFormat, { nullable: true }) format?: WidgetFormat | null;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => [SeriesColourInput], { nullable: true }) colours?: SeriesColourInput[] | null;
  @Field(() => Int, { nullable: true }) position?: number | null;
  @Field(() => Int, { nullable: true, description: 'At least 10 seconds; null: on events and when opened.' })
  refreshSeconds?: number | null;
  @Field(() => [WidgetRolePlaceInput], { nullable: true }) roles?: WidgetRolePlaceInput[] | null;
}

@InputType({ description: "A draft widget's expression tried on the operation's answer as a role would get it." })
export class WidgetPreviewInput {
  @Field(() => ID) companyId!: string;
  @Field(() => ID, { description: 'The answer is fetched as someone holding only this role.' }) roleId!: string;
  @Field(() => ID) endpointId!: string;
  @Field(() => String) operationKey!: string;
  @Field(() => JSONResolver, { nullable: true }) params?: unknown;
  @Field(() => String, { description: 'Empty: only the answer is returned.' }) expression!: string;
}

@ObjectType({ simpleResolvers: true, description: "A draft expression's result on a sample answer." })
export class WidgetPreview {
  @Field(() => JSONResolver, { nullable: true, description: "The answer after the role's field rules." })
  answer!: unknown;
  @Field(() => JSONResolver, {
    nullable: true,
    description: 'What the widget would show: { value, series, caption, unit, previous, rows }.',
  })
  result!: unknown;
  @Field(() => String, { nullable: true, description: 'Why the expression gave no result, in words.' })
  error!: string | null;
  @Field(() => Int, { nullable: true, description: 'The character the problem is at, when known.' })
  position!: number | null;
}
