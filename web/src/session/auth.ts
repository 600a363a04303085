// The session lives in localStorage: the JWT from `login`, and the company last chosen in the
// switcher. Components follow the token through useToken(); the Apollo links read it directly.
import { useSyncExternalStore } from 'react';
import { isExpired, tokenExpiresAt } from './token.ts';

const TOKEN_KEY = 'tessera.token';
const COMPANY_KEY = 'tessera.companyId';

const listeners = new Set<() => void>();
let signOutNotice: string | null = null;

// Private browsing or a full disk can make storage throw; the app then works for this tab only.
function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // see read()
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

export const SESSION_EXPIRED = 'Your session has expired. Please sign in again.';

/** The stored token, unless it has expired (then the session ends here and now). */
export function getToken(): string | null {
  const token = read(TOKEN_KEY);
  if (token && isExpired(token)) {
    signOutNotice = SESSION_EXPIRED;
    write(TOKEN_KEY, null);
    queueMicrotask(emit);
    return null;
  }
  return token;
}

// Ends the session when the token expires, even while nobody clicks anything.
let expiryTimer: ReturnType<typeof setTimeout> | undefined;
function watchExpiry(token: string | null): void {
  clearTimeout(expiryTimer);
  const expiresAt = token ? tokenExpiresAt(token) : null;
  if (expiresAt === null) return;
  // setTimeout cannot wait longer than about 24.8 days; tokens live hours.
  const delay = Math.min(Math.max(expiresAt - Date.now(), 0), 2 ** 31 - 1);
  expiryTimer = setTimeout(() => {
    if (read(TOKEN_KEY) === token) signOut(SESSION_EXPIRED);
  }, delay);
}
watchExpiry(read(TOKEN_KEY));

export function signIn(token: string): void {
  signOutNotice = null;
  write(TOKEN_KEY, token);
  watchExpiry(token);
  emit();
}

/** Drops the token; `notice` is shown on the sign-in page (e.g. "your session expired"). */
export function signOut(notice: string | null = null): void {
  signOutNotice = notice;
  write(TOKEN_KEY, null);
  watchExpiry(null);
  emit();
}

/** Why the last sign-out happened, if it was not the user's own choice. */
export function takeSignOutNotice(): string | null {
  const notice = signOutNotice;
  signOutNotice = null;
  return notice;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Signing in or out in another tab applies here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === TOKEN_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken);
}

export function getSavedCompanyId(): string | null {
  return read(COMPANY_KEY);
}

export function saveCompanyId(companyId: string): void {
  write(COMPANY_KEY, companyId);
}
