import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

@ObjectType({
  simpleResolvers: true,
  description: 'Who made a change: as recorded then, with the name while the user still exists.',
})
export class AuditActor {
  @Field(() => ID, { nullable: true, description: 'null when nobody was signed in (a failed sign-in).' }) id!:
    | string
    | null;
  @Field(() => String, {
    nullable: true,
    description: 'The email recorded with the change (for a failed sign-in: the one typed).',
  })
  email!: string | null;
  @Field(() => String, { nullable: true, description: 'The current name, while the user exists.' }) name!:
    | string
    | null;
}

@ObjectType({ simpleResolvers: true, description: 'One recorded change. Details never hold secrets.' })
export class AuditLogEntry {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => String, {
    description: 'What happened, "<thing>.<verb>": "permission.set", "credential.create", "auth.login", ...',
  })
  action!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The company the change belongs to; null for platform-wide changes (sign-ins, users).',
  })
  companyId!: string | null;
  @Field(() => AuditActor, { nullable: true }) actor!: AuditActor | null;
  @Field(() => String, {
    nullable: true,
    description: '"company", "endpoint", "operation", "credential", "user", "pending_action"',
  })
  targetType!: string | null;
  @Field(() => String, { nullable: true }) targetId!: string | null;
  @Field(() => String, { nullable: true, description: 'The request that made the change (the x-request-id header).' })
  requestId!: string | null;
  @Field(() => JSONResolver, { nullable: true }) details!: unknown;
}

@ObjectType({ simpleResolvers: true })
export class AuditLogEdge {
  @Field(() => AuditLogEntry) node!: AuditLogEntry;
  @Field(() => String) cursor!: string;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on an empty page.' })
  endCursor!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Audit entries, newest first.' })
export class AuditLogConnection {
  @Field(() => [AuditLogEdge]) edges!: AuditLogEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@InputType({ description: 'Every given condition must hold.' })
export class AuditLogFilter {
  @Field(() => String, {
    nullable: true,
    description: 'An exact action ("permission.set"), or a family ending in "." ("credential.").',
  })
  action?: string | null;
  @Field(() => ID, { nullable: true, description: 'Changes made by this user.' }) actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'Changes to this kind of thing ("credential").' }) targetType?:
    | string
    | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'At or after this time.' }) from?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Before this time.' }) to?: Date | null;
}
