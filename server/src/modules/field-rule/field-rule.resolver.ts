import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import { deleteFieldRule, listFieldRules, setFieldRule } from './field-rule.service.ts';
import { FieldRule, SetFieldRuleInput } from './field-rule.types.ts';

@Resolver(() => FieldRule)
export class FieldRuleResolver {
  @Query(() => [FieldRule], {
    description: "The company's response field rules, of one endpoint or of all; the company's administrators only.",
  })
  fieldRules(
    @Arg('companyId', () => ID) companyId: string,
    @Arg('endpointId', () => ID, { nullable: true, description: 'Only the rules on operations of this endpoint.' })
    endpointId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return listFieldRules(ctx.db, { companyId, endpointId });
  }

  @Mutation(() => FieldRule, {
    description:
      "Sets which fields of an operation's answer a role sees in the company (creates or replaces the rule).",
  })
  setFieldRule(@Arg('input', () => SetFieldRuleInput) input: SetFieldRuleInput, @Ctx() ctx: RequestContext) {
    return setFieldRule(ctx.db, ctx.actor, input);
  }

  @Mutation(() => Boolean, {
    description:
      "Removes a role's field rule on an operation, so the role sees whole answers again; false when there was none.",
  })
  deleteFieldRule(
    @Arg('operationId', () => ID) operationId: string,
    @Arg('roleId', () => ID) roleId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteFieldRule(ctx.db, ctx.actor, { companyId, operationId, roleId });
  }
}
