// The console's generated form over every operation of the demo world (server/src/demo/apis.ts,
// the schemas the demo companies' endpoints are seeded with), and the cases around it.
import { describe, expect, it } from 'vitest';
import { API_TEMPLATES } from '../../../../../server/src/demo/apis.ts';
import { allFields, formFields, paramsOf, previewRequest, type FormValues } from './schema-form.ts';

type Schema = { properties?: Record<string, { type?: string; enum?: unknown[] }>; required?: string[] };

const demoOperations = Object.entries(API_TEMPLATES).flatMap(([api, template]) =>
  template.operations.map((op) => ({ name: `${api}.${op.key}`, op, schema: op.paramsSchema as Schema })),
);

/** A value a person could type for each field: an enum's first value, a number in range, text. */
function filled(schema: Schema): FormValues {
  const values: FormValues = {};
  for (const field of allFields(formFields(schema))) {
    if (field.kind === 'enum') values[field.path] = field.options[0];
    else if (field.kind === 'integer' || field.kind === 'number') values[field.path] = String(field.minimum ?? 1);
    else if (field.kind === 'string') values[field.path] = 'x-1';
  }
  return values;
}

describe('the form of every demo operation', () => {
  it('covers them all', () => expect(demoOperations.length).toBeGreaterThan(20));

  it.each(demoOperations)(
    '$name: every parameter a field, required ones marked, enums offer their values',
    ({ schema }) => {
      const fields = formFields(schema);
      const properties = schema.properties ?? {};
      expect(fields.map((f) => f.name).sort()).toEqual(Object.keys(properties).sort());
      for (const field of fields) {
        const property = properties[field.name]!;
        expect(field.required).toBe((schema.required ?? []).includes(field.name));
        if (property.enum) {
          expect(field.kind).toBe('enum');
          expect(field.options.map((o) => JSON.parse(o))).toEqual(property.enum);
        } else expect(field.kind).toBe(property.type);
        expect(field.description).toBeTruthy();
      }
      // Required fields come first.
      const firstOptional = fields.findIndex((f) => !f.required);
      if (firstOptional >= 0) expect(fields.slice(firstOptional).every((f) => !f.required)).toBe(true);
    },
  );

  it.each(demoOperations)(
    '$name: empty, it names each missing required field; filled, it gives params',
    ({ schema }) => {
      const required = schema.required ?? [];
      const empty = paramsOf(formFields(schema), {});
      expect(Object.keys(empty.errors).sort()).toEqual([...required].sort());
      const full = paramsOf(formFields(schema), filled(schema));
      expect(full.errors).toEqual({});
      for (const name of required) expect(full.params).toHaveProperty(name);
    },
  );

  it('some demo operations do have enums (else the test above would prove nothing about them)', () => {
    expect(
      demoOperations.filter(({ schema }) => Object.values(schema.properties ?? {}).some((p) => p.enum)).length,
    ).toBeGreaterThan(3);
  });
});

describe('values → params', () => {
  const schema = {
    type: 'object',
    required: ['id', 'amount'],
    properties: {
      note: { type: 'string' },
      id: { type: 'string', description: 'The id.' },
      amount: { type: 'number' },
      limit: { type: 'integer', minimum: 1, maximum: 100 },
      paid: { type: 'boolean' },
      level: { enum: [1, 2, 'x'] },
      tags: { type: 'array', items: { type: 'string' } },
      address: {
        type: 'object',
        required: ['city'],
        properties: { city: { type: 'string' }, zip: { type: 'string' } },
      },
    },
  };
  const fields = formFields(schema);

  it('orders required first, types numbers, parses enums and JSON, nests objects', () => {
    expect(fields.map((f) => f.name)).toEqual(['id', 'amount', 'note', 'limit', 'paid', 'level', 'tags', 'address']);
    expect(fields.find((f) => f.name === 'tags')!.kind).toBe('json');
    expect(fields.find((f) => f.name === 'address')!.fields.map((f) => f.path)).toEqual([
      'address.city',
      'address.zip',
    ]);
    const result = paramsOf(fields, {
      id: ' a1 ',
      amount: '12.5',
      limit: '10',
      paid: true,
      level: '1',
      tags: '["a","b"]',
      'address.city': 'Oslo',
    });
    expect(result).toEqual({
      params: { id: 'a1', amount: 12.5, limit: 10, paid: true, level: 1, tags: ['a', 'b'], address: { city: 'Oslo' } },
      errors: {},
    });
  });

  it('says what is wrong, next to the field', () => {
    const { params, errors } = paramsOf(fields, {
      id: 'a',
      amount: 'lots',
      limit: '500',
      tags: '[a',
      'address.zip': '1',
    });
    expect(params).toBeNull();
    expect(errors).toEqual({
      amount: 'Enter a number.',
      limit: 'At most 100.',
      tags: expect.stringMatching(/valid JSON/),
      'address.city': 'Enter city.',
    });
  });
});

describe('the exact request', () => {
  it('fills the path, puts the rest in the query for reads and in the body for writes', () => {
    expect(previewRequest('GET', '/invoices/{id}', { id: 'in v/1', expand: true })).toEqual({
      method: 'GET',
      target: '/invoices/in%20v%2F1?expand=true',
      body: null,
    });
    expect(previewRequest('post', '/invoices', { customer: 'Acme', amount: 5 })).toEqual({
      method: 'POST',
      target: '/invoices',
      body: { customer: 'Acme', amount: 5 },
    });
  });
});
