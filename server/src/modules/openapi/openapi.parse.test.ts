// The document → plan mapping, without a server: the fixtures are real public documents.
import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../gateway/request-builder.ts';
import { fixture } from './fixtures/fixtures.ts';
import {
  keyFromMethodAndPath,
  keyFromOperationId,
  planImport,
  slugFromTitle,
  type ImportPlan,
} from './openapi.parse.ts';

const op = (plan: ImportPlan, key: string) => plan.operations.find((o) => o.key === key)!;
const refusal = (document: string) => {
  try {
    planImport(document);
  } catch (error) {
    return { code: (error as { extensions?: { code?: string } }).extensions?.code, message: (error as Error).message };
  }
  throw new Error('expected a refusal');
};

/** A minimal 3.1 document around some paths and components. */
const doc = (
  paths: Record<string, unknown>,
  components: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) =>
  JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'Test API', version: '1' },
    servers: [{ url: 'https://api.example.test/v1/' }],
    paths,
    components,
    ...extra,
  });

describe('planImport on public documents', () => {
  it('maps the OpenAPI Petstore (3.0, YAML): endpoint, keys, paths and parameter schemas', () => {
    const plan = planImport(fixture('petstore-3.0.yaml'));
    expect(plan.endpoint).toEqual({
      name: 'Swagger Petstore',
      slug: 'swagger-petstore',
      description: null,
      baseUrl: 'http://petstore.swagger.io/v1',
      auth: null, // it declares no security (openapi.security.test.ts covers documents that do)
    });
    expect(plan.operations.map((o) => `${o.key} ${o.method} ${o.path}`)).toEqual([
      'listPets GET /pets',
      'createPets POST /pets',
      'showPetById GET /pets/{petId}',
    ]);
    expect(op(plan, 'listPets').paramsSchema).toEqual({
      type: 'object',
      properties: {
        limit: { type: 'integer', maximum: 100, description: 'How many items to return at one time (max 100)' },
      },
      additionalProperties: false,
    });
    // The JSON body's fields, required as the Pet schema says, beside the parameters.
    expect(op(plan, 'createPets').paramsSchema).toMatchObject({
      properties: { id: { type: 'integer' }, name: { type: 'string' }, tag: { type: 'string' } },
      required: ['id', 'name'],
    });
    expect(op(plan, 'showPetById').paramsSchema).toMatchObject({
      properties: { petId: { type: 'string', description: 'The id of the pet to retrieve' } },
      required: ['petId'],
    });
    expect(plan.warnings).toEqual([]);
  });

  it('maps Tic Tac Toe (3.1, JSON): server variables, path-level $ref parameters, sanitized keys, a non-object body skipped', () => {
    const plan = planImport(fixture('tictactoe-3.1.json'));
    expect(plan.endpoint.baseUrl).toBe('https://tictactoe.example.com/tictactoe/v1');
    expect(plan.endpoint.description).toMatch(/^This API allows writing down marks/);
    expect(plan.operations.map((o) => o.key)).toEqual(['get_board', 'get_square']);
    expect(op(plan, 'get_square').paramsSchema).toEqual({
      type: 'object',
      properties: {
        row: { type: 'integer', minimum: 1, maximum: 3, description: 'Board row (vertical coordinate)' },
        column: { type: 'integer', minimum: 1, maximum: 3, description: 'Board column (horizontal coordinate)' },
      },
      required: ['row', 'column'],
      additionalProperties: false,
    });
    expect(plan.warnings).toContain('GET /board: operationId "get-board" became key "get_board".');
    expect(
      plan.warnings.some((w) => w.startsWith('PUT /board/{row}/{column} skipped: the JSON body is not an object')),
    ).toBe(true);
  });

  it('maps the Swagger Petstore 3.0 (requestBodies $ref, nested $refs, header, octet-stream) once its server is absolute', () => {
    const plan = planImport(
      fixture('petstore3-trimmed.json').replace('"/api/v3"', '"https://petstore3.swagger.io/api/v3"'),
    );
    expect(plan.endpoint.slug).toBe('swagger-petstore-openapi-3-0');
    const addPet = op(plan, 'addPet').paramsSchema as { properties: Record<string, any>; required: string[] };
    expect(addPet.required).toEqual(['name', 'photoUrls']);
    expect(addPet.properties.category).toEqual({
      type: 'object',
      properties: { id: { type: 'integer' }, name: { type: 'string' } },
    });
    expect(addPet.properties.tags.items.properties.name).toEqual({ type: 'string' });
    expect(JSON.stringify(addPet)).not.toMatch(/\$ref|"xml"|"example"/);
    expect(op(plan, 'findPetsByStatus').paramsSchema).toMatchObject({
      properties: { status: { enum: ['available', 'pending', 'sold'], default: 'available' } },
    });
    expect(plan.warnings).toEqual([
      'DELETE /pet/{petId}: header parameter "api_key" skipped (Tessera sends path and query parameters and a JSON body only).',
      'POST /pet/{petId}/uploadImage: query parameter "additionalMetadata" skipped (Tessera sends a POST\'s parameters in its JSON body).',
      'POST /pet/{petId}/uploadImage: the request body is not JSON (application/octet-stream); imported without a body.',
    ]);
  });

  it('produces schemas the request builder accepts and enforces', () => {
    const plan = planImport(
      fixture('petstore3-trimmed.json').replace('"/api/v3"', '"https://petstore3.swagger.io/api/v3"'),
    );
    const shape = (key: string) => ({ id: key, ...op(plan, key) });
    const get = buildRequest(plan.endpoint.baseUrl, shape('getPetById'), { petId: 10 }, null);
    expect(get.url.toString()).toBe('https://petstore3.swagger.io/api/v3/pet/10');
    const post = buildRequest(plan.endpoint.baseUrl, shape('addPet'), null, {
      name: 'Rex',
      photoUrls: [],
      category: { id: 1, name: 'Dogs' },
    });
    expect(JSON.parse(post.body!)).toEqual({ name: 'Rex', photoUrls: [], category: { id: 1, name: 'Dogs' } });
    expect(() => buildRequest(plan.endpoint.baseUrl, shape('addPet'), null, { photoUrls: [] })).toThrow(
      /params.name is required/,
    );
    expect(() => buildRequest(plan.endpoint.baseUrl, shape('findPetsByStatus'), { status: 'lost' }, null)).toThrow(
      /must be one of available, pending, sold/,
    );
  });
});

describe('planImport refusals', () => {
  it.each([
    ['empty', '   ', /empty/],
    ['neither JSON nor YAML', 'openapi: [3.0\n  : :', /neither valid JSON nor valid YAML/],
    ['broken JSON', '{"openapi": "3.0.0",', /not valid JSON/],
    ['a YAML scalar', 'just some text', /not an OpenAPI object/],
    ['no openapi field', JSON.stringify({ info: { title: 'x' }, paths: {} }), /no "openapi" field/],
    ['OpenAPI 2.x/4', JSON.stringify({ openapi: '4.0.0', info: { title: 'x' } }), /4\.0\.0 is not supported/],
    [
      'no paths',
      JSON.stringify({ openapi: '3.0.3', info: { title: 'X API' }, servers: [{ url: 'https://x.test' }] }),
      /no operations Tessera can import/,
    ],
    ['only HEAD operations', doc({ '/a': { head: { operationId: 'h' } } }), /no operations Tessera can import/],
    [
      'no server',
      JSON.stringify({ openapi: '3.0.3', info: { title: 'X API' }, paths: { '/a': { get: {} } } }),
      /no servers\[\]\.url/,
    ],
    [
      'a relative server',
      doc({ '/a': { get: {} } }, {}, { servers: [{ url: '/api/v3' }] }),
      /"\/api\/v3" is relative; put an absolute URL/,
    ],
    [
      'an ftp server',
      doc({ '/a': { get: {} } }, {}, { servers: [{ url: 'ftp://files.example.test' }] }),
      /must be an absolute http\(s\) URL/,
    ],
    [
      'no title',
      JSON.stringify({
        openapi: '3.0.3',
        info: {},
        servers: [{ url: 'https://x.test' }],
        paths: { '/a': { get: {} } },
      }),
      /info\.title/,
    ],
  ])('refuses %s', (_name, document, message) => {
    const r = refusal(document);
    expect(r.code).toBe('BAD_USER_INPUT');
    expect(r.message).toMatch(message);
  });

  it('refuses Swagger 2.0 and says to convert it', () => {
    expect(refusal(fixture('swagger-2.0-petstore.json')).message).toMatch(
      /Swagger 2\.0 document.*Convert it to OpenAPI 3 first/,
    );
  });

  it('refuses the published Petstore 3 as is: its server URL is relative', () => {
    expect(refusal(fixture('petstore3-trimmed.json')).message).toMatch(/"\/api\/v3" is relative/);
  });

  it('refuses a document over 1 MB and says the limit', () => {
    const big = doc({ '/a': { get: { description: 'x'.repeat(1_000_100) } } });
    expect(refusal(big).message).toMatch(/the limit is 1 MB/);
  });

  it('refuses more than 500 operations', () => {
    const paths = Object.fromEntries(
      Array.from({ length: 501 }, (_, i) => [`/r${i}`, { get: { operationId: `get${i}` } }]),
    );
    expect(refusal(doc(paths)).message).toMatch(/501 operations; the limit is 500/);
  });
});

describe('planImport details', () => {
  it('derives keys from method and path when operationId is missing, and says so; repeated keys get a suffix', () => {
    const plan = planImport(
      doc({
        '/store/order/{orderId}': { get: {}, delete: { operationId: 'getStoreOrderByOrderId' } },
        '/pets': { get: { operationId: 'list pets!' } },
      }),
    );
    expect(plan.operations.map((o) => o.key)).toEqual([
      'getStoreOrderByOrderId',
      'getStoreOrderByOrderId_2',
      'list_pets',
    ]);
    expect(plan.warnings).toContain(
      'GET /store/order/{orderId} has no operationId; its key is "getStoreOrderByOrderId".',
    );
    expect(plan.warnings.some((w) => w.includes('already taken'))).toBe(true);
  });

  it('says when an operation declares servers of its own', () => {
    const plan = planImport(
      doc({ '/a': { servers: [{ url: 'https://other.example.test' }], get: { operationId: 'a' } } }),
    );
    expect(plan.warnings).toEqual(["GET /a declares servers of its own; Tessera calls it at the endpoint's base URL."]);
  });

  it('skips HEAD, OPTIONS and TRACE with a warning', () => {
    const plan = planImport(doc({ '/a': { get: {}, head: {}, options: {}, trace: {} } }));
    expect(plan.operations).toHaveLength(1);
    expect(plan.warnings.filter((w) => /skipped \(Tessera operations are GET/.test(w))).toHaveLength(3);
  });

  it('skips an operation with an external $ref and imports the rest', () => {
    const plan = planImport(
      doc({
        '/a': { get: { operationId: 'a', parameters: [{ $ref: 'https://elsewhere.test/params.yaml#/limit' }] } },
        '/b': { get: { operationId: 'b' } },
        '/c': {
          get: {
            operationId: 'c',
            parameters: [{ name: 'q', in: 'query', schema: { $ref: '#/components/schemas/Nowhere' } }],
          },
        },
      }),
    );
    expect(plan.operations.map((o) => o.key)).toEqual(['b']);
    expect(plan.warnings).toContain(
      'GET /a skipped: external reference "https://elsewhere.test/params.yaml#/limit" (only #/components/... references are supported).',
    );
    expect(plan.warnings).toContain('GET /c skipped: reference "#/components/schemas/Nowhere" points nowhere.');
  });

  it('cuts recursive schemas instead of looping', () => {
    const plan = planImport(
      doc(
        {
          '/nodes': {
            post: {
              operationId: 'createNode',
              requestBody: {
                required: true,
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } },
              },
            },
          },
        },
        {
          schemas: {
            Node: {
              type: 'object',
              required: ['name'],
              properties: {
                name: { type: 'string' },
                children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
              },
            },
          },
        },
      ),
    );
    expect(op(plan, 'createNode').paramsSchema).toMatchObject({
      properties: { name: { type: 'string' }, children: { type: 'array', items: {} } },
      required: ['name'],
    });
    expect(plan.warnings.some((w) => w.includes('#/components/schemas/Node is recursive'))).toBe(true);
  });

  it('skips an operation whose $refs would expand beyond the budget, and one nested too deep is cut', () => {
    // L0 → four L1 → sixteen L2 … : 4^8 copies once inlined, even with $refs cut at 8 levels.
    const schemas: Record<string, unknown> = Object.fromEntries(
      Array.from({ length: 13 }, (_, i) => [
        `L${i}`,
        i === 12
          ? { type: 'string' }
          : {
              type: 'object',
              properties: Object.fromEntries(
                ['a', 'b', 'c', 'd'].map((p) => [p, { $ref: `#/components/schemas/L${i + 1}` }]),
              ),
            },
      ]),
    );
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 200; i++) deep = { type: 'object', properties: { x: deep } };
    schemas.Deep = deep;
    const body = (name: string) => ({
      required: true,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
    });
    const plan = planImport(
      doc(
        {
          '/bomb': { post: { operationId: 'bomb', requestBody: body('L0') } },
          '/deep': { post: { operationId: 'deep', requestBody: body('Deep') } },
        },
        { schemas },
      ),
    );
    expect(plan.operations.map((o) => o.key)).toEqual(['deep']);
    expect(plan.warnings).toContain(
      'POST /bomb skipped: its schemas expand to more than 5000 parts once their $refs are inlined.',
    );
    expect(plan.warnings.some((w) => w.includes('nested deeper than 32 levels'))).toBe(true);
  });

  it('translates OpenAPI 3.0 keywords (nullable, boolean exclusive bounds, allOf bodies, readOnly) and renames odd path parameters', () => {
    const plan = planImport(
      doc(
        {
          '/things/{thing-id}': {
            patch: {
              operationId: 'patchThing',
              parameters: [{ name: 'thing-id', in: 'path', required: true, schema: { type: 'string' } }],
              requestBody: {
                content: {
                  'application/merge-patch+json': {
                    schema: {
                      allOf: [
                        { $ref: '#/components/schemas/Base' },
                        {
                          type: 'object',
                          properties: { size: { type: 'number', minimum: 0, exclusiveMinimum: true, nullable: true } },
                        },
                      ],
                    },
                  },
                },
              },
            },
          },
        },
        {
          schemas: {
            Base: {
              type: 'object',
              required: ['label'],
              properties: { id: { type: 'string', readOnly: true }, label: { type: 'string', format: 'email' } },
            },
          },
        },
      ).replace('"3.1.0"', '"3.0.3"'),
    );
    const patch = op(plan, 'patchThing');
    expect(patch.path).toBe('/things/{thing_id}');
    // An optional body: its fields are optional too.
    expect(patch.paramsSchema).toEqual({
      type: 'object',
      properties: {
        thing_id: { type: 'string' },
        label: { type: 'string', description: 'Format: email.' },
        size: { type: ['number', 'null'], exclusiveMinimum: 0 },
      },
      required: ['thing_id'],
      additionalProperties: false,
    });
    expect(plan.warnings).toContain(
      'PATCH /things/{thing-id}: path parameters renamed for Tessera: thing-id → thing_id.',
    );
  });

  it('accepts an explicit slug and refuses a bad one', () => {
    expect(planImport(fixture('petstore-3.0.yaml'), { slug: 'pets' }).endpoint.slug).toBe('pets');
    expect(() => planImport(fixture('petstore-3.0.yaml'), { slug: 'Pets API' })).toThrow(/slug may contain only/);
  });

  it('makes slugs and keys that follow the rules', () => {
    expect(slugFromTitle('Swagger Petstore - OpenAPI 3.0')).toBe('swagger-petstore-openapi-3-0');
    expect(slugFromTitle('Ünïcödé API')).toBe('unicode-api');
    expect(slugFromTitle('☃')).toBe('api-import');
    expect(keyFromOperationId('42-answer')).toBe('op_42_answer');
    expect(keyFromOperationId('a'.repeat(80))).toHaveLength(64);
    expect(keyFromMethodAndPath('GET', '/repos/{owner}/{repo-name}/pulls')).toBe('getReposByOwnerByRepoNamePulls');
  });
});
