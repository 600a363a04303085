// Input validation shared by every service (GraphQL, and later the assistant and MCP): one set
// of rules, and failures become BAD_USER_INPUT with a message a person understands.
import { z } from 'zod';
import { BadInputError } from './errors.ts';

export const nameSchema = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');

export const slugSchema = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(60, 'must be at most 60 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'may contain only lowercase letters, digits and single dashes');

export const descriptionSchema = z.string().trim().max(2000, 'must be at most 2000 characters').nullish();

export const httpUrlSchema = z
  .string()
  .trim()
  .max(2048, 'must be at most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password
      );
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL without credentials')
  .transform((value) => value.replace(/\/+$/, ''));

export const httpMethodSchema = z
  .string()
  .trim()
  .transform((m) => m.toUpperCase())
  .pipe(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], { message: 'must be one of GET, POST, PUT, PATCH, DELETE' }));

export const operationKeySchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z][A-Za-z0-9_]{0,63}$/,
    'must start with a letter and contain only letters, digits and underscores (at most 64)',
  );

export const pathTemplateSchema = z
  .string()
  .trim()
  .max(1024, 'must be at most 1024 characters')
  .regex(
    /^\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/{}]*$/,
    'must start with "/" and contain only URL path characters and {parameters}',
  );

export const emailSchema = z.string().trim().toLowerCase().max(254).email('must be an email address');

/** For updates: absent or null both mean "leave unchanged" (undefined, which Prisma skips). */
export function unchangedIfNull<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => (v === null ? undefined : v) as z.output<T> | undefined);
}

/** Parses `value` or throws BAD_USER_INPUT naming the first offending field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, label?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [label, ...issue.path.map(String)].filter(Boolean).join('.');
  throw new BadInputError(field ? `${field} ${issue.message}.` : `${issue.message}.`, field || undefined);
}
