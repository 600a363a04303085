// An OpenAPI document's securitySchemes and global `security` requirement → the endpoint's
// declared auth (endpoint/endpoint.auth.ts). The global requirement lists alternatives; each
// alternative that needs a single scheme Tessera can send becomes one declared scheme. Without a
// global requirement, every scheme the document defines is offered. Pure: no database, no network.
import {
  EndpointAuthType,
  endpointAuthSchema,
  type EndpointAuth,
  type EndpointAuthScheme,
} from '../endpoint/endpoint.auth.ts';
import { isObject, type OpenApiDocument } from './openapi.document.ts';

const FLOWS = ['authorizationCode', 'clientCredentials', 'implicit', 'password'] as const;
type Flow = (typeof FLOWS)[number];

/** The URL as the validator will take it (absolute http/https), else undefined with a note. */
const urlOr = (v: unknown) => (typeof v === 'string' && /^https?:\/\//i.test(v.trim()) ? v.trim() : undefined);

function oauth2Scheme(raw: Record<string, unknown>): EndpointAuthScheme {
  const flows = isObject(raw.flows) ? raw.flows : {};
  const named = FLOWS.filter((f) => isObject(flows[f]));
  const flow = (f: Flow) => flows[f] as Record<string, unknown>;
  // The person-consent flow's URLs first (Connect uses them), else the app's own.
  const first = named.find((f) => f === 'authorizationCode') ?? named[0];
  const scopes = new Set<string>();
  for (const f of named) {
    const s = flow(f).scopes;
    if (isObject(s)) for (const key of Object.keys(s)) if (/^\S{1,256}$/.test(key)) scopes.add(key);
  }
  const authorizationUrl = named.map((f) => urlOr(flow(f).authorizationUrl)).find(Boolean);
  const tokenUrl = first
    ? (urlOr(flow(first).tokenUrl) ?? named.map((f) => urlOr(flow(f).tokenUrl)).find(Boolean))
    : undefined;
  return {
    type: EndpointAuthType.OAUTH2,
    flows: named,
    ...(authorizationUrl ? { authorizationUrl } : {}),
    ...(tokenUrl ? { tokenUrl } : {}),
    scopes: [...scopes].slice(0, 200),
  };
}

/** One securitySchemes entry → a declared scheme; a string says why it cannot be one. */
function schemeOf(name: string, raw: unknown): EndpointAuthScheme | string {
  if (!isObject(raw)) return `security scheme "${name}" is not an object`;
  const type = typeof raw.type === 'string' ? raw.type : '';
  switch (type) {
    case 'apiKey': {
      if (raw.in === 'cookie')
        return `security scheme "${name}" sends its key in a cookie, which Tessera does not send`;
      if ((raw.in !== 'header' && raw.in !== 'query') || typeof raw.name !== 'string')
        return `security scheme "${name}" names no header or query parameter`;
      return { type: EndpointAuthType.API_KEY, apiKeyIn: raw.in, apiKeyName: raw.name };
    }
    case 'http': {
      const scheme = typeof raw.scheme === 'string' ? raw.scheme.toLowerCase() : '';
      if (scheme === 'bearer') return { type: EndpointAuthType.HTTP_BEARER };
      if (scheme === 'basic') return { type: EndpointAuthType.HTTP_BASIC };
      return `security scheme "${name}" uses HTTP "${scheme}", which Tessera does not send`;
    }
    case 'oauth2':
      return oauth2Scheme(raw);
    case 'openIdConnect': {
      const url = urlOr(raw.openIdConnectUrl);
      if (!url) return `security scheme "${name}" has no absolute openIdConnectUrl`;
      return { type: EndpointAuthType.OPEN_ID_CONNECT, openIdConnectUrl: url };
    }
    default:
      return `security scheme "${name}" has type "${type.slice(0, 40)}", which Tessera does not know`;
  }
}

/**
 * The declared auth of the document, or null when it says nothing (no securitySchemes and no
 * security requirement: the endpoint stays "not declared"). `security: []` declares "none".
 */
export function authFromDocument(doc: OpenApiDocument, warnings: string[]): EndpointAuth | null {
  const components = isObject(doc.components) ? doc.components : {};
  const defined = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const requirement = Array.isArray(doc.security) ? doc.security.filter(isObject) : null;
  if (requirement === null && Object.keys(defined).length === 0) return null;

  // Each alternative of the requirement; without one, every defined scheme on its own.
  const alternatives = requirement ?? Object.keys(defined).map((name) => ({ [name]: [] }));
  const schemes: EndpointAuthScheme[] = [];
  const seen = new Set<string>();
  for (const alternative of alternatives) {
    const names = Object.keys(alternative);
    if (names.length === 0) {
      warnings.push('The document allows calls without authentication as one alternative.');
      continue;
    }
    if (names.length > 1) {
      warnings.push(
        `The security requirement {${names.join(', ')}} needs several credentials at once; Tessera sends one, so it is left out.`,
      );
      continue;
    }
    const name = names[0]!;
    const scheme = schemeOf(name, defined[name]);
    if (typeof scheme === 'string') {
      warnings.push(`${scheme.charAt(0).toUpperCase()}${scheme.slice(1)}; it is left out.`);
      continue;
    }
    const key = JSON.stringify(scheme);
    if (!seen.has(key)) schemes.push(scheme);
    seen.add(key);
  }
  const parsed = endpointAuthSchema.safeParse({ schemes: schemes.slice(0, 10) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    warnings.push(
      `The security schemes could not be used (${issue.path.join('.')} ${issue.message}); declare the authentication by hand.`,
    );
    return null;
  }
  // Nothing usable although something is required: left undeclared rather than "needs none".
  const anonymous =
    requirement !== null && (requirement.length === 0 || requirement.some((a) => Object.keys(a).length === 0));
  if (parsed.data.schemes.length === 0 && !anonymous) {
    warnings.push('None of the security schemes can be used by Tessera; set the authentication by hand.');
    return null;
  }
  return parsed.data;
}
