import { Field, ObjectType } from 'type-graphql';
import { ApiEndpoint } from '../endpoint/endpoint.types.ts';

@ObjectType({ simpleResolvers: true, description: 'What an OpenAPI import did (or, with dryRun, would do).' })
export class OpenApiImportResult {
  @Field(() => ApiEndpoint, {
    description:
      'The endpoint created or updated; with dryRun, as it is now (a new one: unsaved, with a placeholder id).',
  })
  endpoint!: ApiEndpoint;
  @Field(() => Boolean, { description: 'True when the import creates a new endpoint.' }) created!: boolean;
  @Field(() => [String], { description: 'Keys of the operations created.' }) operationsCreated!: string[];
  @Field(() => [String], {
    description: 'Keys of the operations whose method, path, description or parameter schema changed.',
  })
  operationsUpdated!: string[];
  @Field(() => [String], { description: 'Keys of the operations already as the document describes them.' })
  operationsUnchanged!: string[];
  @Field(() => [String], {
    description: 'Keys of the operations deleted because the document lacks them (removeMissing only).',
  })
  operationsRemoved!: string[];
  @Field(() => [String], { description: 'What was skipped, renamed or kept, in words for a person.' })
  warnings!: string[];
}
