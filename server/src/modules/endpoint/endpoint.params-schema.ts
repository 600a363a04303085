// Parameter schemas are checked when saved (createEndpoint, createOperation, updateOperation):
// compiled as the gateway will compile them, so a pattern RE2 cannot run (backreferences,
// lookaround) or a schema too large is refused to the administrator, never met by a reader.
// Small schemas compile in a few milliseconds here; larger ones in the offload worker.
import { assertUsableParamsSchema, measureSchema, SchemaRefusedError } from '../../lib/json-schema/params-schema.ts';
import { BadInputError } from '../../lib/errors.ts';
import { runOffloaded } from '../../offload/offload.ts';

/** Up to this many objects and arrays in all, compiling stays well under a few ms on the event loop. */
const INLINE_NODES = 100;

/** A stored schema value: a plain JSON object, or null/undefined/Prisma's DbNull (no schema). */
const isSchema = (v: unknown): v is object =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

export async function checkParamsSchemas(
  companyId: string,
  entries: { schema: unknown; field: string }[],
): Promise<void> {
  const schemas = entries.filter((e) => isSchema(e.schema));
  let nodes = 0;
  for (const { schema, field } of schemas) {
    try {
      nodes += measureSchema(schema);
    } catch (error) {
      if (error instanceof SchemaRefusedError) throw new BadInputError(`${field} ${error.message}.`, field);
      throw error;
    }
  }
  if (nodes <= INLINE_NODES) {
    for (const { schema, field } of schemas) assertUsableParamsSchema(schema, field);
    return;
  }
  await runOffloaded('checkParamsSchemas', { schemas }, { owner: companyId, subject: 'The parameter schema' });
}
