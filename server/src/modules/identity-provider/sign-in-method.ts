// Which way an email signs in: decided by its domain alone (a company's single sign-on claims
// domains), so the answer is the same for an email with an account and one without.
import type { Db } from '../../db/client.ts';
import { asSystem } from '../../db/row-security/scope.ts';
import { ForbiddenError } from '../../lib/errors.ts';
import { identityProviderMaySignIn } from '../../policy/policy.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { SignInMethodKind } from './identity-provider.types.ts';

export const SSO_START_PATH = '/auth/sso/start';

export function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** The provider that signs in this email's domain, if any (read as system work: no one is signed in yet). */
function providerForEmail(db: Db, email: string) {
  const domain = domainOf(email);
  if (!domain || domain.length > 253) return Promise.resolve(null);
  return asSystem('sign-in: provider of an email domain', async () => {
    const row = await db.identityProviderDomain.findUnique({
      where: { domain },
      select: { provider: { select: { companyId: true, passwordSignInAllowed: true, issuerUrl: true } } },
    });
    return row?.provider ?? null;
  });
}

export async function signInMethod(db: Db, { email }: { email: string }) {
  const normalized = email.trim().toLowerCase().slice(0, 254);
  const provider = await providerForEmail(db, normalized);
  if (!provider) return { method: SignInMethodKind.PASSWORD, startUrl: null, passwordAllowed: true };
  return {
    method: SignInMethodKind.SSO,
    startUrl: `${SSO_START_PATH}?${new URLSearchParams({ email: normalized })}`,
    passwordAllowed: provider.passwordSignInAllowed,
  };
}

const PASSWORD_SIGN_IN_OFF =
  'Your company signs you in with its identity provider: use "Continue with your company\'s sign-in" instead of a password.';

/**
 * Refuses a password sign-in (the password was right) when the account is one the company's
 * provider signs in (policy identityProviderMaySignIn) and that company turned passwords off. A
 * company claiming a domain thus never locks out a platform administrator or another company's people.
 */
export async function assertPasswordSignInAllowed(
  db: Db,
  actor: Actor,
  user: { id: string; email: string; isPlatformAdmin: boolean },
): Promise<void> {
  const provider = await providerForEmail(db, user.email);
  if (!provider || provider.passwordSignInAllowed) return;
  const memberships = await asSystem('sign-in: companies of the account', () =>
    db.userCompanyAccess.findMany({ where: { userId: user.id }, select: { companyId: true } }),
  );
  if (identityProviderMaySignIn({ ...user, memberships }, provider.companyId) !== 'allowed') return;
  // In the company's chain: written as system work, since nobody is signed in yet.
  await asSystem('sign-in: refusal audited in the company', () =>
    recordAudit(
      db,
      { ...actor, email: user.email },
      {
        companyId: provider.companyId,
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        details: { method: 'password', reason: 'password_sign_in_off' },
      },
    ),
  );
  throw new ForbiddenError(PASSWORD_SIGN_IN_OFF);
}
