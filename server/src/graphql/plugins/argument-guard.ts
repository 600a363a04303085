// One shape for the checks that run on every argument of every Query and Mutation field before any
// resolver: a function names the problem with one argument's value (or null), and the guard answers
// BAD_USER_INPUT naming that argument.
import type { GraphQLResolveInfo } from 'graphql';
import type { IMiddlewareFunction } from 'graphql-middleware';
import { BadInputError } from '../../lib/errors.ts';

/** What is wrong with one argument's value, as a sentence for the client, or null when nothing is. */
export type ArgumentProblem = (value: unknown, name: string) => string | null;

/** For applyMiddleware: `problemOf` checked on every argument of every root field. */
export function rootArgumentGuard(problemOf: ArgumentProblem) {
  const guard: IMiddlewareFunction = (
    resolve,
    root,
    args: Record<string, unknown>,
    context,
    info: GraphQLResolveInfo,
  ) => {
    for (const [name, value] of Object.entries(args ?? {})) {
      const problem = problemOf(value, name);
      if (problem) throw new BadInputError(problem, name);
    }
    return resolve(root, args, context, info);
  };
  return { Query: guard, Mutation: guard };
}
