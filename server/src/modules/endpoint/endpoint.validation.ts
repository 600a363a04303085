// The rules for endpoints and their operations, shared by create, update and (later) the
// OpenAPI import.
import { z } from 'zod';
import {
  descriptionSchema,
  httpMethodSchema,
  httpUrlSchema,
  nameSchema,
  operationKeySchema,
  pathTemplateSchema,
  slugSchema,
  unchangedIfNull,
} from '../../lib/validate.ts';
import { Prisma } from '../../db/client.ts';
import { endpointAuthSchema } from './endpoint.auth.ts';

/** A JSON Schema object; null stores SQL NULL (Prisma needs DbNull to say so). */
const jsonSchemaObject = z
  .record(z.string(), z.unknown(), { message: 'must be a JSON Schema object' })
  .nullish()
  .refine((v) => v === undefined || v === null || JSON.stringify(v).length <= 64_000, 'must be at most 64 KB')
  .transform((v) => (v === undefined ? undefined : v === null ? Prisma.DbNull : (v as Prisma.InputJsonObject)));

/** A declared authentication, stored as JSON; null or absent: nothing to store (unchanged, or not declared). */
const authSchema = endpointAuthSchema
  .nullish()
  .transform((v) => (v ? (v as unknown as Prisma.InputJsonObject) : undefined));

/** "" chooses the default test operation again (stored as null). */
const testOperationKeySchema = z
  .union([z.literal(''), operationKeySchema])
  .nullish()
  .transform((v) => (v === '' ? null : (v ?? undefined)));

const cacheTtl = z.number().int().min(0, 'must be 0 or more').max(86_400, 'must be at most 86400');
const rateLimit = z.number().int().min(1, 'must be at least 1').max(1_000_000, 'must be at most 1000000');

export const operationCreateSchema = z.object({
  key: operationKeySchema,
  method: httpMethodSchema,
  path: pathTemplateSchema,
  description: descriptionSchema,
  paramsSchema: jsonSchemaObject,
});

export const operationUpdateSchema = z.object({
  key: unchangedIfNull(operationKeySchema),
  method: unchangedIfNull(httpMethodSchema),
  path: unchangedIfNull(pathTemplateSchema),
  description: descriptionSchema,
  paramsSchema: jsonSchemaObject,
});

export const endpointCreateSchema = z.object({
  companyId: z.string(),
  name: nameSchema,
  slug: slugSchema,
  description: descriptionSchema,
  baseUrl: httpUrlSchema,
  cacheTtlSeconds: cacheTtl.nullish().transform((v) => v ?? 0),
  rateLimitPerMinute: rateLimit.nullish().transform((v) => v ?? null),
  operations: z
    .array(operationCreateSchema)
    .max(500, 'must have at most 500 operations')
    .nullish()
    .refine((ops) => !ops || new Set(ops.map((o) => o.key)).size === ops.length, 'must not repeat an operation key'),
  auth: authSchema,
  testOperationKey: testOperationKeySchema,
});

export const endpointUpdateSchema = z.object({
  name: unchangedIfNull(nameSchema),
  slug: unchangedIfNull(slugSchema),
  description: descriptionSchema,
  baseUrl: unchangedIfNull(httpUrlSchema),
  cacheTtlSeconds: unchangedIfNull(cacheTtl),
  // null clears the limit, so it is not "nullish = unchanged" like the others.
  rateLimitPerMinute: rateLimit.nullable().optional(),
  auth: authSchema,
  testOperationKey: testOperationKeySchema,
});
