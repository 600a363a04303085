import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.ts';
import { Role } from './role.types.ts';
import { listRoles } from './role.service.ts';

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => [Role], { description: 'Every role; administrators only.' })
  roles(@Ctx() ctx: RequestContext) {
    return listRoles(ctx.db);
  }
}
