// The Access page's choices live in the address (?view=role&role=…&company=…), so a reload, a
// shared link or the back button shows the same role or person in the same company.

export type AccessView = 'role' | 'person';

export interface AccessSelection {
  view: AccessView;
  roleId: string | null;
  userId: string | null;
  companyId: string | null;
}

export function readSelection(params: URLSearchParams): AccessSelection {
  return {
    view: params.get('view') === 'person' ? 'person' : 'role',
    roleId: params.get('role') || null,
    userId: params.get('user') || null,
    companyId: params.get('company') || null,
  };
}

/** Only the current view's subject is written: switching views keeps the address short. */
export function writeSelection(selection: AccessSelection): URLSearchParams {
  const params = new URLSearchParams();
  params.set('view', selection.view);
  if (selection.view === 'role' && selection.roleId) params.set('role', selection.roleId);
  if (selection.view === 'person' && selection.userId) params.set('user', selection.userId);
  if (selection.companyId) params.set('company', selection.companyId);
  return params;
}

/**
 * The company to show: the one asked for when the admin administers it, else the header's
 * company when they administer that, else the first they administer.
 */
export function pickCompanyId(
  requested: string | null,
  administered: readonly { id: string }[],
  headerCompanyId: string | null,
): string | null {
  const ids = new Set(administered.map((c) => c.id));
  if (requested && ids.has(requested)) return requested;
  if (headerCompanyId && ids.has(headerCompanyId)) return headerCompanyId;
  return administered[0]?.id ?? null;
}
