// The Invitations panel's logic, kept out of the component: checking the invite form the way
// the server will, and how an invitation's dates read.

export interface InviteDraft {
  email: string;
  roleIds: readonly string[];
}

export type InviteErrors = Partial<Record<'email' | 'roleIds', string>>;

/** The server's rules for inviteToCompany, as sentences for the form. */
export function validateInvite({ email, roleIds }: InviteDraft): InviteErrors {
  const errors: InviteErrors = {};
  const trimmed = email.trim();
  if (!trimmed) errors.email = 'Enter the email address to invite.';
  else if (trimmed.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed))
    errors.email = 'This is not an email address (like name@company.com).';
  if (roleIds.length === 0) errors.roleIds = 'Choose at least one role.';
  else if (roleIds.length > 20) errors.roleIds = 'Choose at most 20 roles.';
  return errors;
}

/** "Expires in 7 days", "Expires in a day", "Expires within hours" or "Expired": when the link stops working. */
export function expiryText(expiresAt: string, now: number = Date.now()): string {
  const ms = Date.parse(expiresAt) - now;
  if (ms <= 0) return 'Expired';
  // Rounded: a link sent a moment ago reads "7 days", not "6".
  const days = Math.round(ms / 86_400_000);
  if (days === 0) return 'Expires within hours';
  return days === 1 ? 'Expires in a day' : `Expires in ${days} days`;
}

/** A date as the list shows it: the day, in the reader's locale. */
export function dayOf(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
