// How a token's state reads on the page. The server decides the status; this only words it.
import type { AccessTokenStatus } from '../../gql/graphql.ts';

export const STATUS_INFO: Record<AccessTokenStatus, { label: string; tone: 'ok' | 'neutral' | 'bad' }> = {
  ACTIVE: { label: 'Active', tone: 'ok' },
  EXPIRED: { label: 'Expired', tone: 'neutral' },
  REVOKED: { label: 'Revoked', tone: 'bad' },
};

export const MIN_DAYS = 1;
export const MAX_DAYS = 365;

/** The form's own checks, before the server's: the same rules (server/src/modules/access-token). */
export function checkTokenForm(name: string, days: string): { name?: string; expiresInDays?: string } {
  const errors: { name?: string; expiresInDays?: string } = {};
  if (!name.trim()) errors.name = 'Give it a name, e.g. “CI reports”.';
  else if (name.trim().length > 120) errors.name = 'A name has at most 120 characters.';
  const n = Number(days);
  if (!/^\d+$/.test(days.trim()) || n < MIN_DAYS || n > MAX_DAYS)
    errors.expiresInDays = `Between ${MIN_DAYS} and ${MAX_DAYS} days.`;
  return errors;
}

/** "on 2026-12-29" / "in 3 days": when a date in the future comes. */
export function formatExpiry(iso: string, now: Date = new Date()): string {
  const days = Math.ceil((new Date(iso).getTime() - now.getTime()) / 86_400_000);
  if (Number.isNaN(days)) return 'unknown';
  if (days <= 0) return new Date(iso).toISOString().slice(0, 10);
  if (days === 1) return 'within a day';
  return days < 14 ? `in ${days} days` : `on ${new Date(iso).toISOString().slice(0, 10)}`;
}
