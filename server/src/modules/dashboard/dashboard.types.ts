import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Company } from '../company/company.types.ts';
import { ApiEndpoint } from '../endpoint/endpoint.types.ts';

export enum DashboardWidgetKind {
  STAT = 'STAT',
  BAR = 'BAR',
  LINE = 'LINE',
  PIE = 'PIE',
}

registerEnumType(DashboardWidgetKind, {
  name: 'DashboardWidgetKind',
  valuesConfig: {
    STAT: { description: 'one number (value), with a caption' },
    BAR: { description: 'series of labelled values, compared' },
    LINE: { description: 'series over time, labels in order' },
    PIE: { description: 'series as parts of a whole (value is the total)' },
  },
});

@ObjectType({ simpleResolvers: true })
export class DashboardPoint {
  @Field(() => String) label!: string;
  @Field(() => Float) value!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One card of a dashboard: a metric derived from one operation the caller may read.',
})
export class DashboardWidget {
  @Field(() => ID, { description: 'Stable and unique: "<company slug>__<endpoint slug>__<operation key>__<metric>".' })
  id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) caption!: string | null;
  @Field(() => DashboardWidgetKind) kind!: DashboardWidgetKind;
  @Field(() => ApiEndpoint, { description: 'The endpoint the numbers come from.' }) endpoint!: ApiEndpoint;
  @Field(() => String) operationKey!: string;
  @Field(() => Float, { nullable: true, description: "A STAT's number; a chart's total. null when the call failed." })
  value!: number | null;
  @Field(() => String, { nullable: true, description: '"USD" (any ISO currency), "people", "count".' }) unit!:
    | string
    | null;
  @Field(() => [DashboardPoint], { description: 'Empty for STAT and when the call failed.' }) series!: DashboardPoint[];
  @Field(() => Boolean, { description: 'Every upstream answer behind it came from the response cache.' })
  cached!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Why this widget has no numbers (its upstream call failed); the other widgets are unaffected.',
  })
  error!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "The caller's dashboard of one company: widgets from the operations they may read there.",
})
export class Dashboard {
  @Field(() => Company) company!: Company;
  @Field(() => DateTimeResolver) generatedAt!: Date;
  @Field(() => [DashboardWidget], {
    description: "Most relevant to the caller's roles first. Empty: no readable operation has a dashboard metric.",
  })
  widgets!: DashboardWidget[];
}

/** What the service returns; the resolver loads the company and endpoints by id. */
export interface DashboardWidgetRow extends Omit<DashboardWidget, 'endpoint'> {
  companyId: string;
  endpointId: string;
}

export interface DashboardRow {
  companyId: string;
  generatedAt: Date;
  widgets: DashboardWidgetRow[];
}
