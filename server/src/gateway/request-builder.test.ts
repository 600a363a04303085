// buildRequest on hostile path parameters (issue 16, item 3): "." and ".." in any encoding are
// refused, and whatever the values, the final URL stays under the base URL's path followed by
// the operation's literal prefix.
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../lib/errors.ts';
import { buildRequest, type OperationShape } from './request-builder.ts';

const BASE = 'https://api.example.test/tenants/acme';
const op = (path: string, key = 'getThing'): OperationShape => ({
  id: `op-${path}`,
  key,
  method: 'GET',
  path,
  paramsSchema: null,
});
const GET_THING = op('/things/{id}');

describe('buildRequest: dot segments in path parameters', () => {
  it.each([
    '.',
    '..',
    '%2e',
    '%2E',
    '%2e%2e',
    '%2E%2e',
    '.%2e',
    '.%2E',
    '%2E.',
    '%252e%252e',
    '%25252e',
    '../admin',
    'a/../../b',
    '..\\x',
    'x/.',
  ])('refuses id = %j', (id) => {
    expect(() => buildRequest(BASE, GET_THING, { id }, null)).toThrow(BadInputError);
    expect(() => buildRequest(BASE, GET_THING, { id }, null)).toThrow(/params\.id must not be "\." or "\.\."/);
  });

  it.each([
    ['a/b', '/tenants/acme/things/a%2Fb'],
    ['/etc/passwd', '/tenants/acme/things/%2Fetc%2Fpasswd'],
    ['...', '/tenants/acme/things/...'],
    ['v1.2', '/tenants/acme/things/v1.2'],
    ['%2e%2eX', '/tenants/acme/things/%252e%252eX'],
    ['a?b#c', '/tenants/acme/things/a%3Fb%23c'],
  ])('keeps id = %j as one segment under the path', (id, pathname) => {
    expect(buildRequest(BASE, GET_THING, { id }, null).url.pathname).toBe(pathname);
  });

  it('joins adjacent placeholders and keeps them under the path', () => {
    expect(buildRequest(BASE, op('/things/{a}{b}'), { a: 'x', b: 'y' }, null).url.pathname).toBe(
      '/tenants/acme/things/xy',
    );
    expect(() => buildRequest(BASE, op('/things/{a}{b}'), { a: '.', b: '.' }, null)).toThrow(BadInputError);
    expect(() => buildRequest(BASE, op('/things/.{a}'), { a: '.' }, null)).toThrow(BadInputError);
  });

  // The check after building, whatever made the parser resolve a dot segment: here the
  // template itself (WHATWG URLs treat "%2e%2e" as ".." too).
  it.each(['/things/{id}/..', '/things/%2e%2e/{id}', '/things/./{id}'])(
    'refuses to build %s, whose URL would leave its literal prefix',
    (template) => {
      expect(() => buildRequest(BASE, op(template), { id: 'x' }, null)).toThrow(/do not make a path under/);
    },
  );

  // Property-style: values drawn from the characters that matter (dots, slashes, percent signs,
  // hex digits, backslashes, ? and #), from a fixed seed. Every one is refused with
  // BadInputError or builds a URL under base path + the template's literal prefix.
  it('whatever the values, the URL stays under the base path and the operation prefix', () => {
    let seed = 16;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ['.', '.', '.', '/', '%', '2', 'e', 'E', '5', 'c', 'C', 'f', 'F', '\\', '?', '#', 'a', ';', ' '];
    const value = () =>
      Array.from({ length: 1 + Math.floor(random() * 7) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
        '',
      );
    const templates = [
      '/things/{id}',
      '/things/{id}/parts',
      '/a/{id}/b/{x}',
      '/things/{id}{x}',
      '/things/.{id}',
      '/{id}',
    ];
    let refused = 0;
    let built = 0;
    for (let i = 0; i < 5000; i++) {
      const template = templates[i % templates.length]!;
      const params = { id: value(), x: value() };
      let url: URL;
      try {
        url = buildRequest(BASE, op(template), params, null).url;
      } catch (error) {
        expect(error).toBeInstanceOf(BadInputError);
        refused++;
        continue;
      }
      built++;
      expect(url.origin).toBe('https://api.example.test');
      expect(url.pathname.startsWith(`/tenants/acme${template.split('{')[0]}`)).toBe(true);
      expect(url.pathname.split('/').filter((s) => s === '.' || s === '..' || /^(%2e|\.){1,2}$/i.test(s))).toEqual([]);
    }
    expect(refused).toBeGreaterThan(100);
    expect(built).toBeGreaterThan(1000);
  });
});
