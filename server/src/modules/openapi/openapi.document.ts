// Reading an OpenAPI document: text → plain object, refused early (nothing read further) when it
// is too large, not JSON or YAML, Swagger 2.0, or not OpenAPI 3.0/3.1.
import { parse as parseYaml } from 'yaml';
import { BadInputError } from '../../lib/errors.ts';

/** The express body limit for /graphql is 1 MiB; the document must fit under it with the query. */
const MAX_DOCUMENT_BYTES = 1_000_000;

export type OpenApiDocument = Record<string, unknown> & { openapi: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readText(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed)
    throw new BadInputError('The document is empty; paste or choose an OpenAPI 3 document (JSON or YAML).', 'document');
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed);
    } catch (error) {
      throw new BadInputError(`The document is not valid JSON: ${(error as Error).message}.`, 'document');
    }
  }
  try {
    // maxAliasCount bounds alias expansion ("billion laughs"); a YAML document may also be JSON.
    return parseYaml(trimmed, { maxAliasCount: 100, prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    const first = String((error as Error).message)
      .split('\n')[0]!
      .slice(0, 200);
    throw new BadInputError(`The document is neither valid JSON nor valid YAML: ${first}`, 'document');
  }
}

export function readOpenApiDocument(text: string): OpenApiDocument {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new BadInputError(
      `The document is ${(bytes / 1_000_000).toFixed(1)} MB; the limit is 1 MB. Split it or remove examples.`,
      'document',
    );
  }
  const doc = readText(text);
  if (!isObject(doc))
    throw new BadInputError(
      'The document is not an OpenAPI object (JSON or YAML mapping at the top level).',
      'document',
    );
  if ('swagger' in doc) {
    throw new BadInputError(
      `This is a Swagger ${String(doc.swagger)} document; Tessera imports OpenAPI 3.0 and 3.1 only. Convert it to OpenAPI 3 first (for example with swagger2openapi or editor.swagger.io).`,
      'document',
    );
  }
  const version = doc.openapi === undefined ? '' : String(doc.openapi);
  if (!/^3\.[01](\.\d+)?(-[\w.]+)?$/.test(version)) {
    throw new BadInputError(
      version
        ? `OpenAPI version ${version.slice(0, 20)} is not supported; Tessera imports 3.0.x and 3.1.x.`
        : 'The document has no "openapi" field; Tessera imports OpenAPI 3.0.x and 3.1.x documents.',
      'document',
    );
  }
  return { ...doc, openapi: version };
}

export { isObject };
