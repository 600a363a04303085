import { describe, expect, it } from 'vitest';
import {
  duplicateKeys,
  emptyEndpoint,
  emptyOperation,
  placeOfServerField,
  suggestOperationKey,
  suggestSlug,
  validateEndpoint,
  validateOperation,
} from './endpoint-form.ts';

describe('suggestSlug', () => {
  it('makes a lowercase, dashed slug from the name', () => {
    expect(suggestSlug('Sales API')).toBe('sales-api');
    expect(suggestSlug('  GitHub  (v3) API!  ')).toBe('github-v3-api');
    expect(suggestSlug('Über Großhandel')).toBe('uber-grosshandel');
    expect(suggestSlug('---')).toBe('');
  });

  it('stays within 60 characters without a trailing dash', () => {
    const slug = suggestSlug(`${'a'.repeat(59)} b`);
    expect(slug).toBe('a'.repeat(59));
    expect(suggestSlug('x'.repeat(80))).toHaveLength(60);
  });
});

describe('suggestOperationKey', () => {
  it('names the operation after its method and path', () => {
    expect(suggestOperationKey('GET', '/repos')).toBe('listRepos');
    expect(suggestOperationKey('GET', '/repos/{id}')).toBe('getReposById');
    expect(suggestOperationKey('POST', '/pull-requests')).toBe('createPullRequests');
    expect(suggestOperationKey('PATCH', '/users/{user_id}/roles')).toBe('updateUsersByUserIdRoles');
    expect(suggestOperationKey('DELETE', '/items/{id}')).toBe('deleteItemsById');
  });

  it('suggests nothing when the path has nothing to go on', () => {
    expect(suggestOperationKey('GET', '')).toBe('');
    expect(suggestOperationKey('GET', '/')).toBe('');
  });

  it('suggests only keys the server accepts', () => {
    const key = suggestOperationKey('GET', `/${'segment/'.repeat(20)}`);
    expect(key.length).toBeLessThanOrEqual(64);
    expect(validateOperation({ method: 'GET', key, path: '/x', description: '' }).errors).toEqual({});
  });
});

describe('validateOperation', () => {
  it('gives the API input for a valid operation', () => {
    expect(validateOperation({ method: 'get', key: ' listRepos ', path: ' /repos/{id} ', description: '' })).toEqual({
      input: { method: 'GET', key: 'listRepos', path: '/repos/{id}', description: null },
      errors: {},
    });
  });

  it('says what is wrong next to each field', () => {
    const { input, errors } = validateOperation({
      method: 'FETCH',
      key: '1abc',
      path: 'repos',
      description: 'x'.repeat(2001),
    });
    expect(input).toBeNull();
    expect(Object.keys(errors)).toEqual(['method', 'key', 'path', 'description']);
    expect(validateOperation(emptyOperation()).errors).toMatchObject({
      key: expect.stringMatching(/key/),
      path: expect.stringMatching(/path/),
    });
    expect(validateOperation({ method: 'GET', key: 'a b', path: '/a b', description: '' }).errors).toMatchObject({
      key: expect.any(String),
      path: expect.any(String),
    });
  });

  it('refuses a key the endpoint already has', () => {
    expect(
      validateOperation({ method: 'GET', key: 'listRepos', path: '/r', description: '' }, ['listRepos']).errors.key,
    ).toMatch(/already/);
  });
});

describe('validateEndpoint', () => {
  const good = { ...emptyEndpoint(), name: ' Sales API ', slug: 'sales-api', baseUrl: 'https://api.example.com/v1/' };

  it('gives the API input, trimmed, defaults filled in', () => {
    expect(validateEndpoint(good)).toEqual({
      input: {
        name: 'Sales API',
        slug: 'sales-api',
        baseUrl: 'https://api.example.com/v1',
        description: null,
        cacheTtlSeconds: 0,
        rateLimitPerMinute: null,
      },
      errors: {},
    });
    expect(
      validateEndpoint({ ...good, cacheTtlSeconds: '60', rateLimitPerMinute: '120', description: 'CRM' }).input,
    ).toMatchObject({
      cacheTtlSeconds: 60,
      rateLimitPerMinute: 120,
      description: 'CRM',
    });
  });

  it('checks each field the way the server does', () => {
    const { errors } = validateEndpoint({
      name: '',
      slug: 'Sales API',
      baseUrl: 'ftp://x',
      description: '',
      cacheTtlSeconds: '-1',
      rateLimitPerMinute: '0',
    });
    expect(Object.keys(errors)).toEqual(['name', 'slug', 'baseUrl', 'cacheTtlSeconds', 'rateLimitPerMinute']);
    expect(validateEndpoint({ ...good, slug: 'a' }).errors.slug).toMatch(/at least 2/);
    expect(validateEndpoint({ ...good, slug: 'a--b' }).errors.slug).toMatch(/single dashes/);
    expect(validateEndpoint({ ...good, baseUrl: 'https://user:pw@api.example.com' }).errors.baseUrl).toBeDefined();
    expect(validateEndpoint({ ...good, baseUrl: '' }).errors.baseUrl).toMatch(/address/);
    expect(validateEndpoint({ ...good, cacheTtlSeconds: '86401' }).errors.cacheTtlSeconds).toBeDefined();
    expect(validateEndpoint({ ...good, rateLimitPerMinute: '1.5' }).errors.rateLimitPerMinute).toBeDefined();
  });
});

describe('helpers', () => {
  it('finds keys used twice among new operations', () => {
    const ops = [
      { ...emptyOperation(), key: 'a' },
      { ...emptyOperation(), key: 'b' },
      { ...emptyOperation(), key: 'a' },
      { ...emptyOperation(), key: '' },
      { ...emptyOperation(), key: '' },
    ];
    expect([...duplicateKeys(ops).keys()]).toEqual([2]);
  });

  it('places server errors on the field, or on one new operation', () => {
    expect(placeOfServerField('input.slug')).toEqual({ field: 'slug' });
    expect(placeOfServerField('name')).toEqual({ field: 'name' });
    expect(placeOfServerField('input.operations.2.path')).toEqual({ field: 'path', operation: 2 });
    expect(placeOfServerField(undefined)).toBeNull();
  });
});
