// How audit entries read to a person: action names in words, a one-line summary of what
// changed, times both relative and absolute, and the date-range filter turned into the
// server's [from, to) instants. Pure functions, unit-tested without a browser.

const ACTIONS: Record<string, string> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in failed',
  'auth.login_rate_limited': 'Sign-in refused (too many failures)',
  'user.create': 'Person added',
  'company.create': 'Company created',
  'company.update': 'Company changed',
  'company.delete': 'Company deleted',
  'membership.grant': 'Role given',
  'membership.revoke': 'Role taken away',
  'endpoint.create': 'API added',
  'endpoint.update': 'API changed',
  'endpoint.delete': 'API removed',
  'endpoint.import': 'API imported (OpenAPI)',
  'operation.create': 'Operation added',
  'operation.update': 'Operation changed',
  'operation.delete': 'Operation removed',
  'permission.set': 'Access changed',
  'credential.create': 'Credential added',
  'credential.update': 'Credential renamed',
  'credential.rotate': 'Credential secret replaced',
  'credential.delete': 'Credential deleted',
  'credential.test': 'Credential tested',
  'assistant.action_proposed': 'Assistant proposed a change',
  'assistant.action_confirmed': 'Assistant change confirmed',
  'assistant.action_executed': 'Assistant change carried out',
  'assistant.action_failed': 'Assistant change failed',
  'assistant.action_rejected': 'Assistant change rejected',
  'upstream.write': 'Change sent to an API',
  'preview.read': 'Read previewed as a role',
  'field_rule.set': 'Response fields rule set',
  'field_rule.delete': 'Response fields rule removed',
  'access_token.create': 'Access token created',
  'access_token.revoke': 'Access token revoked',
  'webhook.create': 'Webhook added',
  'webhook.delete': 'Webhook removed',
  'inbound_webhook.rotate': 'Inbound webhook secret replaced',
};

/** Families first ("any credential change"), then each action, as the filter offers them. */
export const ACTION_GROUPS: readonly { label: string; family: string }[] = [
  { label: 'Access', family: 'permission.' },
  { label: 'Credentials', family: 'credential.' },
  { label: 'People and roles', family: 'membership.' },
  { label: 'APIs', family: 'endpoint.' },
  { label: 'Operations', family: 'operation.' },
  { label: 'Companies', family: 'company.' },
  { label: 'Sign-ins', family: 'auth.' },
  { label: 'Assistant', family: 'assistant.' },
  { label: 'Users', family: 'user.' },
  { label: 'Access tokens', family: 'access_token.' },
  { label: 'Response fields', family: 'field_rule.' },
  { label: 'Webhooks', family: 'webhook.' },
];

export function actionsOf(family: string): { value: string; label: string }[] {
  return Object.entries(ACTIONS)
    .filter(([action]) => action.startsWith(family))
    .map(([value, label]) => ({ value, label }));
}

/** "permission.set" → "Access changed"; an action this page does not know yet still reads. */
export function actionLabel(action: string): string {
  const known = ACTIONS[action];
  if (known) return known;
  const [thing = action, verb = ''] = action.split('.', 2);
  const words = `${thing} ${verb}`.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const LEVEL: Record<string, string> = { NONE: 'no access', READ: 'read', WRITE: 'read & write' };
const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

/**
 * A short "what changed" from the entry's details, or null when there is nothing telling; with
 * how it came in when that was not the web app (through MCP, with an access token).
 */
export function summarize(action: string, details: unknown): string | null {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const d = details as Record<string, unknown>;
  const parts = [whatChanged(action, d), viaNote(d.via)].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

function viaNote(via: unknown): string | null {
  if (!via || typeof via !== 'object') return null;
  const v = via as Record<string, unknown>;
  const notes = [
    v.channel === 'mcp' ? 'through MCP' : null,
    typeof v.accessTokenId === 'string' ? 'with an access token' : null,
  ].filter((n) => n !== null);
  return notes.length > 0 ? notes.join(', ') : null;
}

function whatChanged(action: string, d: Record<string, unknown>): string | null {
  switch (action) {
    case 'permission.set':
      return d.from && d.to ? `${LEVEL[String(d.from)] ?? d.from} → ${LEVEL[String(d.to)] ?? d.to}` : null;
    case 'credential.create':
      return str(d.name) && str(d.kind)
        ? `“${d.name}” (${String(d.kind).replace(/_/g, ' ').toLowerCase()})`
        : str(d.name);
    case 'credential.update':
      return str(d.renamedFrom) && str(d.name) ? `“${d.renamedFrom}” → “${d.name}”` : str(d.name);
    case 'credential.test':
      return d.ok === true ? 'worked' : d.ok === false ? `failed${str(d.status) ? ` (HTTP ${d.status})` : ''}` : null;
    case 'membership.grant':
      return str(d.roleKey);
    case 'user.create':
      return str(d.email);
    default:
      return str(d.name) ?? str(d.slug) ?? str(d.key) ?? null;
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 minutes ago", "yesterday"; under a minute, "just now". */
export function relativeTime(iso: string, now: number, locale?: string): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Math.abs(seconds) < 60) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(Math.trunc(seconds / 60), 'minute');
}

export function absoluteTime(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

export type DateRange = { from?: string; to?: string } | { error: string };

function localDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return day.getDate() === Number(match[3]) ? day : null;
}

/**
 * The "from" and "to" days picked (yyyy-mm-dd, in the viewer's time zone; either may be
 * empty), both included, as the server's `from` (inclusive) and `to` (exclusive) instants.
 */
export function dateRange(fromDay: string, toDay: string): DateRange {
  const from = fromDay ? localDay(fromDay) : null;
  const last = toDay ? localDay(toDay) : null;
  if ((fromDay && !from) || (toDay && !last)) return { error: 'Enter dates as year-month-day.' };
  if (from && last && from > last) return { error: 'The “to” date is before the “from” date.' };
  const to = last ? new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1) : null;
  return { ...(from ? { from: from.toISOString() } : {}), ...(to ? { to: to.toISOString() } : {}) };
}

/** Long ids in a table cell: enough to tell apart, the whole id one click away. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
