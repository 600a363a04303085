import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum UsageGroupBy {
  ENDPOINT = 'ENDPOINT',
  ROLE = 'ROLE',
  DAY = 'DAY',
  COMPANY = 'COMPANY',
}

registerEnumType(UsageGroupBy, {
  name: 'UsageGroupBy',
  description: 'What one row of usage statistics stands for.',
  valuesConfig: {
    ENDPOINT: {
      description: 'one row per API endpoint (key: its id, label: its name; for every company: "name (company name)")',
    },
    ROLE: {
      description:
        'one row per role the calls were made with (key: its id, label: its name; "none" for calls without one)',
    },
    DAY: { description: 'one row per UTC day of the range, days without calls included (key and label: the ISO date)' },
    COMPANY: { description: 'one row per company (key: its id, label: its name)' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: 'Upstream calls of one group (or of all of them), from the call log.',
})
export class UsageRow {
  @Field(() => String, {
    description:
      'The id of the endpoint, role or company, or the ISO date (YYYY-MM-DD) of the day; "total" for the totals.',
  })
  key!: string;
  @Field(() => String, {
    description: 'The endpoint, role or company name, or the ISO date of the day; "Total" for the totals.',
  })
  label!: string;
  @Field(() => Int, {
    description:
      'Every logged call: sent upstream, answered from the cache, or refused before sending (rate limited included).',
  })
  calls!: number;
  @Field(() => Int, {
    description:
      'Calls whose outcome was neither ok nor rate_limited: upstream errors, network errors, timeouts, blocked, too large, missing or failing credentials.',
  })
  errors!: number;
  @Field(() => Float, { description: 'errors ÷ calls, from 0 to 1; 0 when there were no calls.' })
  errorRate!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Median duration in milliseconds of the calls that were not rate limited (cache hits included); null when there were none.',
  })
  p50Ms!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: '95th percentile duration in milliseconds, over the same calls as p50Ms; null when there were none.',
  })
  p95Ms!: number | null;
  @Field(() => Float, {
    description:
      'Successful GET calls answered from the cache ÷ all successful GET calls, from 0 to 1; 0 when there were none.',
  })
  cacheHitRate!: number;
  @Field(() => Int, {
    description: "Calls refused by the endpoint's rate limit before anything was sent (not counted in errors).",
  })
  rateLimited!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Usage statistics of a time range: the totals, and one row per group.',
})
export class UsageStats {
  @Field(() => UsageRow, { description: 'Every call of the range together.' })
  totals!: UsageRow;
  @Field(() => [UsageRow], {
    description: 'By day: in date order, every day of the range. Otherwise: the groups with calls, most calls first.',
  })
  rows!: UsageRow[];
}
