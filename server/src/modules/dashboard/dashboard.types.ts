import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { Company } from '../company/company.types.ts';
import { ApiEndpoint } from '../endpoint/endpoint.types.ts';

export enum DashboardWidgetKind {
  STAT = 'STAT',
  BAR = 'BAR',
  LINE = 'LINE',
  PIE = 'PIE',
  DELTA = 'DELTA',
  DONUT = 'DONUT',
  TABLE = 'TABLE',
  LIST = 'LIST',
}

export enum WidgetFormat {
  CURRENCY = 'CURRENCY',
  PERCENT = 'PERCENT',
  COUNT = 'COUNT',
  DURATION = 'DURATION',
}

registerEnumType(WidgetFormat, {
  name: 'WidgetFormat',
  description: "How a widget's numbers are written.",
  valuesConfig: {
    CURRENCY: { description: 'money, in the unit (an ISO currency code)' },
    PERCENT: { description: 'a share: 0.25 is 25 %' },
    COUNT: { description: 'whole things, with the unit as their noun' },
    DURATION: { description: 'seconds, written as minutes, hours, days' },
  },
});

export enum SeriesMeaning {
  GOOD = 'GOOD',
  BAD = 'BAD',
  NEUTRAL = 'NEUTRAL',
}

registerEnumType(SeriesMeaning, {
  name: 'SeriesMeaning',
  description: "What a series' colour says: good (green), bad (red) or neither.",
});

registerEnumType(DashboardWidgetKind, {
  name: 'DashboardWidgetKind',
  valuesConfig: {
    STAT: { description: 'one number (value), with a caption' },
    BAR: { description: 'series of labelled values, compared' },
    LINE: { description: 'series over time, labels in order' },
    PIE: { description: 'series as parts of a whole (value is the total)' },
    DELTA: { description: 'one number and its change against the previous period (previous)' },
    DONUT: { description: 'as PIE, drawn as a ring with the total in the middle' },
    TABLE: { description: 'rows of the answer, as a table' },
    LIST: { description: 'rows of the answer, as a short list' },
  },
});

@ObjectType({ simpleResolvers: true })
export class DashboardPoint {
  @Field(() => String) label!: string;
  @Field(() => Float) value!: number;
  @Field(() => SeriesMeaning, {
    nullable: true,
    description: "What this point's colour means, from the widget's colours; null: not said.",
  })
  meaning?: SeriesMeaning | null;
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
  @Field(() => ID, { description: 'The widget definition (DashboardWidgetDefinition) this card shows.' })
  definitionId!: string;
  @Field(() => WidgetFormat, { nullable: true, description: 'How to write the numbers; null: a plain number.' })
  format!: WidgetFormat | null;
  @Field(() => Float, { nullable: true, description: 'The same number one period earlier (DELTA cards).' })
  previous!: number | null;
  @Field(() => JSONResolver, { nullable: true, description: 'Rows for TABLE and LIST cards.' })
  rows!: Record<string, unknown>[] | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Seconds between refreshes this widget asks for; null: on events and when opened.',
  })
  refreshSeconds!: number | null;
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
