// The CPU-heavy tasks that run in the offload worker (offload.worker.ts), by name. Each takes
// and returns plain data (structured clone); a BadInputError thrown here reaches the caller
// as BAD_USER_INPUT with its message and field.
import { assertUsableParamsSchema, SchemaRefusedError } from '../lib/json-schema/params-schema.ts';
import { paramsSchemaSource, type ParamsSchemaSource } from '../lib/json-schema/params-schema.standalone.ts';
import { evaluateExpressions } from '../modules/dashboard/widget.expression.ts';
import { planImport } from '../modules/openapi/openapi.parse.ts';

export const TASKS = {
  /** An OpenAPI document → the import plan (parse, $ref inlining, compile of every schema). */
  planImport: (input: { document: string; slug?: string | null }) => planImport(input.document, { slug: input.slug }),
  /** Parameter schemas (with the field each is at) compile as the gateway will compile them. */
  checkParamsSchemas: (input: { schemas: { schema: unknown; field: string }[] }) => {
    for (const { schema, field } of input.schemas) assertUsableParamsSchema(schema, field);
    return true;
  },
  /**
   * A large parameter schema's validator, as source for the gateway (params-schema.standalone.ts);
   * a schema refused today (saved under older rules) comes back as the reason, in words.
   */
  compileParamsSchema: (input: { schema: object }): ParamsSchemaSource | { refused: string } => {
    try {
      return paramsSchemaSource(input.schema);
    } catch (error) {
      if (error instanceof SchemaRefusedError) return { refused: error.message };
      throw error;
    }
  },
  /** Widget expressions (JSONata) on one operation's answer, each bounded (widget.expression.ts). */
  evaluateWidgets: (input: { answer: unknown; expressions: string[] }) => evaluateExpressions(input),
} as const;

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
