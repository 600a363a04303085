// Bounds on what a client may pass as an argument, checked once before any resolver runs, for
// every argument of every Query and Mutation field: JSON values (paramsSchema, params, body,
// secret, settings) at most MAX_JSON_DEPTH levels deep and MAX_JSON_VALUES values in all, and
// DateTime values within years 0001-9999. Past these, code further in used to fail as
// INTERNAL_SERVER_ERROR (issue 16, item 9): JSON.stringify and every recursive walk overflow the
// stack near 5,000 levels (a 10,000-level paramsSchema, deep readOperation params under Redis),
// and year 0000 is valid RFC 3339 that PostgreSQL cannot store (usageStats). Answered as
// BAD_USER_INPUT naming the argument. Runs after the shield (schema.ts), like storable-text.
import { argumentProblem } from '../../lib/argument-bounds.ts';
import { rootArgumentGuard } from './argument-guard.ts';

/** For applyMiddleware: the bounds on every root field that takes arguments from a client. */
export const argumentBoundsMiddleware = rootArgumentGuard(argumentProblem);
