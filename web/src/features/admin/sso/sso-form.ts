// The SSO settings form's values and what it sends: pure, so it is tested without a browser.

export interface SsoFormValues {
  issuerUrl: string;
  clientId: string;
  /** Typed by the admin; empty means "keep the stored secret". Never filled from the server. */
  clientSecret: string;
  allowedDomains: string;
  passwordSignInAllowed: boolean;
  justInTimeProvisioning: boolean;
  groupsClaim: string;
  groupsOnly: boolean;
}

export function formValuesOf(settings: {
  issuerUrl: string;
  clientId: string;
  allowedDomains: readonly string[];
  passwordSignInAllowed: boolean;
  justInTimeProvisioning: boolean;
  groupsClaim: string;
  groupsOnly: boolean;
}): SsoFormValues {
  return {
    issuerUrl: settings.issuerUrl,
    clientId: settings.clientId,
    clientSecret: '',
    allowedDomains: settings.allowedDomains.join(', '),
    passwordSignInAllowed: settings.passwordSignInAllowed,
    justInTimeProvisioning: settings.justInTimeProvisioning,
    groupsClaim: settings.groupsClaim,
    groupsOnly: settings.groupsOnly,
  };
}

/** The mutation's input: domains split on commas and spaces; an empty secret field keeps the stored one. */
export function inputOf(values: SsoFormValues) {
  const { clientSecret, allowedDomains, ...rest } = values;
  return {
    ...rest,
    issuerUrl: rest.issuerUrl.trim(),
    clientId: rest.clientId.trim(),
    allowedDomains: allowedDomains
      .split(/[\s,]+/)
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
    clientSecret: clientSecret === '' ? null : clientSecret,
  };
}
