import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import { importOpenApi } from './openapi.service.ts';
import { OpenApiImportResult } from './openapi.types.ts';

@Resolver()
export class OpenApiResolver {
  @Mutation(() => OpenApiImportResult, {
    description:
      "Creates or updates an endpoint and its operations from an OpenAPI 3.0/3.1 document (JSON or YAML, at most 1 MB and 500 operations); the company's administrators only.",
  })
  importOpenApi(
    @Arg('companyId', () => ID) companyId: string,
    @Arg('document', () => String, { description: 'The OpenAPI document, JSON or YAML.' }) document: string,
    @Arg('slug', () => String, {
      nullable: true,
      description: "The endpoint's slug; default: derived from info.title.",
    })
    slug: string | null,
    @Arg('removeMissing', () => Boolean, {
      defaultValue: false,
      description: 'Delete operations the document does not have.',
    })
    removeMissing: boolean,
    @Arg('dryRun', () => Boolean, {
      defaultValue: false,
      description: 'Report what would change without writing anything.',
    })
    dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return importOpenApi(ctx.db, ctx.actor, { companyId, document, slug, removeMissing, dryRun });
  }
}
