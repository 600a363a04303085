// How the Credentials page arranges a company's credentials: one section per endpoint (every
// endpoint, so one without a credential shows as such), inside it one group per role, the
// company-wide credentials ("shared by every role") first since every role falls back to them.

interface Named {
  id: string;
  name: string;
}

export interface CredentialLike {
  id: string;
  name: string;
  endpoint: Named;
  /** null or absent: shared by every role. */
  role?: Named | null;
}

interface RoleGroup<C> {
  /** null: the company-wide credentials. */
  role: Named | null;
  label: string;
  credentials: C[];
}

export interface EndpointGroup<C> {
  endpoint: Named;
  roles: RoleGroup<C>[];
  count: number;
}

export const SHARED_LABEL = 'Shared by every role';

const byName = (a: Named, b: Named) => a.name.localeCompare(b.name);

export function groupCredentials<C extends CredentialLike>(
  credentials: readonly C[],
  endpoints: readonly Named[],
): EndpointGroup<C>[] {
  const groups = new Map<string, { endpoint: Named; roles: Map<string, RoleGroup<C>> }>();
  const groupOf = (endpoint: Named) => {
    let group = groups.get(endpoint.id);
    if (!group) {
      group = { endpoint, roles: new Map() };
      groups.set(endpoint.id, group);
    }
    return group;
  };
  for (const endpoint of endpoints) groupOf(endpoint);
  for (const credential of credentials) {
    const group = groupOf(credential.endpoint);
    const roleKey = credential.role?.id ?? '';
    let roleGroup = group.roles.get(roleKey);
    if (!roleGroup) {
      roleGroup = { role: credential.role ?? null, label: credential.role?.name ?? SHARED_LABEL, credentials: [] };
      group.roles.set(roleKey, roleGroup);
    }
    roleGroup.credentials.push(credential);
  }
  return [...groups.values()]
    .sort((a, b) => byName(a.endpoint, b.endpoint))
    .map(({ endpoint, roles }) => {
      const list = [...roles.values()].sort((a, b) =>
        a.role === null ? -1 : b.role === null ? 1 : a.label.localeCompare(b.label),
      );
      for (const r of list) r.credentials.sort(byName);
      return { endpoint, roles: list, count: list.reduce((n, r) => n + r.credentials.length, 0) };
    });
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago", else the date. */
export function formatWhen(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return 'never';
  const then = new Date(iso);
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (Number.isNaN(seconds)) return 'unknown';
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.floor(hours / 24);
  if (days < 14) return `${days} day${days === 1 ? '' : 's'} ago`;
  return then.toISOString().slice(0, 10);
}
