// What a person confirms when they confirm a proposed write: not only the arguments but the
// request they produce — the operation, its method and path template, the API's base URL and
// the resolved URL. An administrator who edits the operation or the endpoint between the proposal
// and the confirmation must not turn an approved "POST /opportunities" into another request, so
// the gateway compares the request it is about to send with the one that was proposed, from the
// same facts it sends with, and refuses on any difference (ConflictError, naming what changed).
import { ConflictError } from '../lib/errors.ts';
import { canonicalJson } from '../lib/canonical-json.ts';
import type { BuiltRequest, OperationShape } from './request-builder.ts';

export interface BoundRequest {
  operationId: string;
  method: string;
  pathTemplate: string;
  baseUrl: string;
  /** The resolved URL: base URL, filled path and query string. */
  url: string;
  /** The JSON body as sent (with the schema's defaults filled in), or null. */
  body: string | null;
}

/**
 * The request as compared: the stored arguments come back from PostgreSQL's jsonb with their keys
 * reordered, so the body is compared as canonical JSON and the query string sorted; the same
 * request in another key order is the same request.
 */
export function boundRequestOf(
  baseUrl: string,
  operation: Pick<OperationShape, 'id' | 'method' | 'path'>,
  built: Pick<BuiltRequest, 'url' | 'body'>,
): BoundRequest {
  const url = new URL(built.url);
  url.searchParams.sort();
  const body = built.body === undefined ? null : canonicalJson(JSON.parse(built.body));
  return {
    operationId: operation.id,
    method: operation.method.toUpperCase(),
    pathTemplate: operation.path,
    baseUrl,
    url: url.href,
    body,
  };
}

const PARTS: [keyof BoundRequest, string][] = [
  ['operationId', 'the operation'],
  ['method', 'its HTTP method'],
  ['pathTemplate', 'its path'],
  ['baseUrl', "the API's base URL"],
  ['url', 'the resolved URL'],
  ['body', 'the request body'],
];

/** What differs between the proposed request and the one that would be sent now, in words. */
function boundRequestChanges(proposed: BoundRequest, now: BoundRequest): string[] {
  return PARTS.filter(([key]) => proposed[key] !== now[key]).map(([, words]) => words);
}

/** The request that was proposed changed since: a person confirmed something else. */
export class RequestChangedError extends ConflictError {
  constructor(readonly changed: string[]) {
    super(
      `This action can no longer be executed: ${changed.join(', ')} changed since it was proposed. Ask the assistant again.`,
    );
    this.extensions.changed = changed;
  }
}

export function assertSameRequest(proposed: BoundRequest, now: BoundRequest): void {
  const changed = boundRequestChanges(proposed, now);
  if (changed.length > 0) throw new RequestChangedError(changed);
}
