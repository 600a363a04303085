/**
 * The APIs "Connect" is offered for: those whose declared authentication takes an OAuth2 user token
 * (an authorization-code flow gives one), and those that declare none yet (any kind may fit them).
 * An API key or client-credentials API is never offered a consent flow it cannot use.
 */
export function connectableEndpoints<E extends { auth?: { credentialKinds: readonly string[] } | null }>(
  endpoints: readonly E[],
): E[] {
  return endpoints.filter((e) => !e.auth || e.auth.credentialKinds.includes('OAUTH2_REFRESH_TOKEN'));
}
