// The public contract (docs/api-contract.graphql, a copy of the shared design document) is
// implemented with exactly its names and types. Additions are free; renames fail here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBareSchema } from './schema.ts';

const contract = buildSchema(
  readFileSync(fileURLToPath(new URL('../../../docs/api-contract.graphql', import.meta.url)), 'utf8'),
);

/**
 * Parts of the contract that a later issue implements: the assistant (#5). Each entry must still be missing; remove it when it lands.
 */
const NOT_YET = new Set<string>([]);

const userTypes = (schema: GraphQLSchema) => Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));

function fieldSignature(field: GraphQLField<unknown, unknown>) {
  return { type: String(field.type), args: Object.fromEntries(field.args.map((a) => [a.name, String(a.type)])) };
}

let ours: GraphQLSchema;
beforeAll(async () => {
  ours = await buildBareSchema();
});

function contractedFields(type: GraphQLNamedType) {
  if (!isObjectType(type) && !isInputObjectType(type)) return [];
  return Object.values(type.getFields()).filter((f) => !NOT_YET.has(`${type.name}.${f.name}`));
}

describe('api-contract.graphql', () => {
  it.each(
    userTypes(contract)
      .filter((t) => !NOT_YET.has(t.name))
      .map((t) => [t.name, t] as const),
  )('%s exists with its fields and types', (name, type) => {
    const mine = ours.getType(name);
    expect(mine, `type ${name}`).toBeDefined();
    expect(mine!.constructor.name).toBe(type.constructor.name);
    if (isEnumType(type) && isEnumType(mine)) {
      expect(mine.getValues().map((v) => v.name)).toEqual(type.getValues().map((v) => v.name));
    }
    if (isScalarType(type)) return;
    const myFields = isObjectType(mine) || isInputObjectType(mine) ? mine.getFields() : {};
    for (const field of contractedFields(type)) {
      const my = myFields[field.name];
      expect(my, `${name}.${field.name}`).toBeDefined();
      if ('args' in field) {
        // Output fields: same type and the same arguments (extra optional arguments are fine).
        const expected = fieldSignature(field as GraphQLField<unknown, unknown>);
        const actual = fieldSignature(my as GraphQLField<unknown, unknown>);
        expect(actual.type, `${name}.${field.name}`).toBe(expected.type);
        for (const [arg, argType] of Object.entries(expected.args))
          expect(actual.args[arg], `${name}.${field.name}(${arg})`).toBe(argType);
        for (const [arg, argType] of Object.entries(actual.args))
          if (!(arg in expected.args)) expect(argType.endsWith('!')).toBe(false);
      } else {
        expect(String(my!.type), `${name}.${field.name}`).toBe(String(field.type));
      }
    }
  });

  it('lists as "not yet" only what is really still missing', () => {
    for (const entry of NOT_YET) {
      const [typeName, fieldName] = entry.split('.');
      const type = ours.getType(typeName!);
      const present = fieldName
        ? Boolean(type && (isObjectType(type) || isInputObjectType(type)) && type.getFields()[fieldName])
        : Boolean(type);
      expect(present, `${entry} is implemented now: remove it from NOT_YET`).toBe(false);
    }
  });
});
