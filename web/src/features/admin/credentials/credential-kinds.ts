// What each credential kind asks for, checked the way the server checks it
// (server/src/modules/credential/credential.kinds.ts), and turned into the `secret` JSON that
// createCredential and rotateCredential take. Kept free of React so it is unit-tested.
import type { CredentialKind } from '../../../gql/graphql.ts';

export type { CredentialKind };

interface KindField {
  /** The key in the secret JSON, and the form control's name. */
  key: string;
  label: string;
  /** A password input: write-only, never shown again, never prefilled. */
  secret: boolean;
  required: boolean;
  type: 'text' | 'password' | 'url' | 'datetime-local';
  hint: string;
  placeholder?: string;
  /** Also kept by the server as a visible setting: prefilled when replacing the secret. */
  setting?: boolean;
}

export interface KindDefinition {
  kind: CredentialKind;
  label: string;
  /** One sentence for the kind picker: when to choose it. */
  summary: string;
  fields: KindField[];
}

const secretField = (key: string, label: string, hint: string, required = true): KindField => ({
  key,
  label,
  secret: true,
  required,
  type: 'password',
  hint,
});

export const KINDS: readonly KindDefinition[] = [
  {
    kind: 'API_KEY',
    label: 'API key',
    summary: 'A key the API expects in a header (or a query parameter).',
    fields: [
      secretField('apiKey', 'API key', 'Paste the key the API gave you.'),
      {
        key: 'headerName',
        label: 'Header name',
        secret: false,
        required: false,
        type: 'text',
        hint: 'Leave empty for X-API-Key.',
        placeholder: 'X-API-Key',
        setting: true,
      },
      {
        key: 'queryParam',
        label: 'Query parameter instead',
        secret: false,
        required: false,
        type: 'text',
        hint: 'Only if the API wants the key in the address (e.g. api_key); then leave the header name empty.',
        setting: true,
      },
    ],
  },
  {
    kind: 'BEARER',
    label: 'Bearer token',
    summary: 'A token sent as "Authorization: Bearer …" (personal access tokens, most SaaS APIs).',
    fields: [secretField('token', 'Token', 'Paste the token; it is sent as "Authorization: Bearer <token>".')],
  },
  {
    kind: 'BASIC',
    label: 'Username and password',
    summary: 'HTTP Basic authentication.',
    fields: [
      {
        key: 'username',
        label: 'Username',
        secret: false,
        required: true,
        type: 'text',
        hint: 'Must not contain ":".',
      },
      secretField('password', 'Password', 'The account\u2019s password.'),
    ],
  },
  {
    kind: 'OAUTH2_CLIENT_CREDENTIALS',
    label: 'OAuth2 client credentials',
    summary: 'A client id and secret that Tessera exchanges for short-lived tokens.',
    fields: [
      {
        key: 'clientId',
        label: 'Client ID',
        secret: false,
        required: true,
        type: 'text',
        hint: 'From the API provider\u2019s app settings.',
      },
      secretField('clientSecret', 'Client secret', 'From the same place as the client ID.'),
      {
        key: 'tokenUrl',
        label: 'Token URL',
        secret: false,
        required: true,
        type: 'url',
        hint: 'Where tokens are requested, e.g. https://auth.example.com/oauth/token.',
        setting: true,
      },
      {
        key: 'scope',
        label: 'Scope',
        secret: false,
        required: false,
        type: 'text',
        hint: 'Optional, space separated, e.g. "read write".',
        setting: true,
      },
    ],
  },
  {
    kind: 'OAUTH2_REFRESH_TOKEN',
    label: 'OAuth2 refresh token',
    summary: 'A refresh token from a sign-in with the provider; Tessera keeps the access token fresh.',
    fields: [
      secretField('accessToken', 'Access token', 'Optional: the current access token, if you have one.', false),
      {
        key: 'expiresAt',
        label: 'Access token expires at',
        secret: false,
        required: false,
        type: 'datetime-local',
        hint: 'Needed only with an access token.',
      },
      secretField('refreshToken', 'Refresh token', 'Used to get new access tokens.'),
      {
        key: 'tokenUrl',
        label: 'Token URL',
        secret: false,
        required: true,
        type: 'url',
        hint: 'Where tokens are refreshed, e.g. https://auth.example.com/oauth/token.',
        setting: true,
      },
      {
        key: 'clientId',
        label: 'Client ID',
        secret: false,
        required: true,
        type: 'text',
        hint: 'The app the refresh token was issued to.',
      },
      secretField('clientSecret', 'Client secret', 'Optional: only if the provider requires it for refreshes.', false),
      {
        key: 'scope',
        label: 'Scope',
        secret: false,
        required: false,
        type: 'text',
        hint: 'Optional, space separated.',
        setting: true,
      },
    ],
  },
];

export function kindDefinition(kind: CredentialKind): KindDefinition {
  const found = KINDS.find((k) => k.kind === kind);
  if (!found) throw new Error(`unknown credential kind ${kind}`);
  return found;
}

export const kindLabel = (kind: CredentialKind): string => KINDS.find((k) => k.kind === kind)?.label ?? kind;

export type FieldErrors = Record<string, string>;

export interface SecretResult {
  secret: Record<string, string> | null;
  errors: FieldErrors;
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
const QUERY_PARAM = /^[A-Za-z0-9._~-]{1,64}$/;
const MAX_SECRET = 8192;

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password
    );
  } catch {
    return false;
  }
}

/** "2025-03-01T09:30" (a datetime-local input, local time) or a full ISO date → ISO 8601 UTC. */
export function toIsoDateTime(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The form's values (by field key) as the kind's secret JSON, or the problems by field. Empty
 * optional fields are left out (the server refuses unknown or empty ones); keys and tokens are
 * trimmed since pasting often brings a newline, but passwords are taken exactly as typed.
 */
export function buildSecret(kind: CredentialKind, values: Record<string, string | undefined>): SecretResult {
  const definition = kindDefinition(kind);
  const errors: FieldErrors = {};
  const secret: Record<string, string> = {};
  for (const field of definition.fields) {
    const raw = values[field.key] ?? '';
    const value = field.key === 'password' ? raw : raw.trim();
    if (value === '') {
      if (field.required) errors[field.key] = `Enter the ${inSentence(field.label)}.`;
      continue;
    }
    const problem = checkField(field, value);
    if (problem) errors[field.key] = problem;
    else secret[field.key] = field.key === 'expiresAt' ? toIsoDateTime(value)! : value;
  }
  if (kind === 'API_KEY' && secret.headerName && secret.queryParam)
    errors.queryParam = 'Use either a header name or a query parameter, not both.';
  if (kind === 'OAUTH2_REFRESH_TOKEN' && secret.accessToken && !secret.expiresAt && !errors.expiresAt) {
    errors.expiresAt = 'Say when the access token expires, or leave the access token empty.';
  }
  return Object.keys(errors).length > 0 ? { secret: null, errors } : { secret, errors };
}

/** "Client ID" → "client ID", but "API key" stays: acronyms keep their capitals. */
const inSentence = (label: string) =>
  /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);

function checkField(field: KindField, value: string): string | null {
  if (
    value.length >
    (field.secret
      ? MAX_SECRET
      : field.key === 'scope'
        ? 1024
        : field.key === 'tokenUrl'
          ? 2048
          : field.key === 'username'
            ? 256
            : 512)
  ) {
    return `${field.label} is too long.`;
  }
  switch (field.key) {
    case 'headerName':
      return HEADER_NAME.test(value) ? null : 'A header name has only letters, digits and - (e.g. X-API-Key).';
    case 'queryParam':
      return QUERY_PARAM.test(value) ? null : 'A query parameter name has only letters, digits, ".", "_", "~" and "-".';
    case 'username':
      return value.includes(':') ? 'A username for Basic authentication cannot contain ":".' : null;
    case 'tokenUrl':
      return isHttpUrl(value) ? null : 'Enter a full http(s) address, e.g. https://auth.example.com/oauth/token.';
    case 'expiresAt':
      return toIsoDateTime(value) ? null : 'Enter a date and time.';
    default:
      return null;
  }
}

/** Non-secret settings the server shows again (header name, token URL, scope), to prefill a replacement. */
export function settingDefaults(kind: CredentialKind, settings: unknown): Record<string, string> {
  const known = settings && typeof settings === 'object' ? (settings as Record<string, unknown>) : {};
  const out: Record<string, string> = {};
  for (const field of kindDefinition(kind).fields) {
    const value = known[field.key];
    if (field.setting && typeof value === 'string') out[field.key] = value;
  }
  // The server stores the default header explicitly; an empty field reads the same.
  if (kind === 'API_KEY' && out.headerName === 'X-API-Key') delete out.headerName;
  return out;
}

/** Where the secret goes, from the visible settings: "in header X-Token", "token URL auth.example.com". */
export function settingsSummary(kind: CredentialKind, settings: unknown): string | null {
  const known = settings && typeof settings === 'object' ? (settings as Record<string, unknown>) : {};
  const text = (key: string) => (typeof known[key] === 'string' && known[key] !== '' ? (known[key] as string) : null);
  if (kind === 'API_KEY') {
    const query = text('queryParam');
    return query ? `in query parameter ${query}` : `in header ${text('headerName') ?? 'X-API-Key'}`;
  }
  const tokenUrl = text('tokenUrl');
  if (!tokenUrl) return null;
  let host = tokenUrl;
  try {
    host = new URL(tokenUrl).host;
  } catch {
    // Shown as stored.
  }
  const scope = text('scope');
  return `tokens from ${host}${scope ? `, scope “${scope}”` : ''}`;
}

/** "•••• abcd", or dots alone when the secret is too short for the server to show any of it. */
export const hintText = (hint: string | null | undefined): string => (hint ? `•••• ${hint}` : '••••');

export interface StatusInfo {
  label: string;
  tone: 'ok' | 'neutral' | 'bad';
  advice: string;
}

const STATUS: Record<string, StatusInfo> = {
  ok: { label: 'OK', tone: 'ok', advice: 'It worked the last time it was tested.' },
  untested: { label: 'Untested', tone: 'neutral', advice: 'Press Test to check that the API accepts it.' },
  failing: {
    label: 'Failing',
    tone: 'bad',
    advice: 'The API refused it or could not be reached. Replace the secret, then test again.',
  },
  needs_reconnect: {
    label: 'Needs reconnect',
    tone: 'bad',
    advice:
      'Its refresh token no longer works. Sign in with the provider again and replace the secret with the new tokens.',
  },
};

/** The status as shown; a reason the server gives (origin_changed) takes precedence over the generic advice. */
export function statusInfo(status: string, reason?: string | null): StatusInfo {
  if (reason === 'origin_changed') {
    return {
      label: 'API moved',
      tone: 'bad',
      advice:
        'Its API now answers at another address than the one this secret was entered for, so Tessera sends it nowhere. Confirm it for the new address if you trust it, or replace the secret.',
    };
  }
  return STATUS[status] ?? { label: status, tone: 'neutral', advice: 'Press Test to check it.' };
}

/** The origin (scheme://host:port) a base URL's requests go to, as the server compares it; null if it does not parse. */
export function originOfUrl(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The form field a server error is about: its `field` extension is "input.name", "name",
 * "secret.token", "secret" (a rule across fields) and so on. Null: show it for the whole form.
 */
export function fieldOfServerError(field: unknown, known: readonly string[]): string | null {
  if (typeof field !== 'string') return null;
  const key = field.replace(/^(input\.)?(secret\.)?/, '');
  return known.includes(key) ? key : null;
}

/** The server's "secret.token must not be empty." reads "Token must not be empty." next to the field. */
export function serverMessageFor(message: string, field: unknown, label: string): string {
  if (typeof field === 'string' && message.startsWith(`${field} `))
    return `${label} ${message.slice(field.length + 1)}`;
  return message;
}
