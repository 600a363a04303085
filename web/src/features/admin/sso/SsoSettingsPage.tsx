// Admin → Single sign-on: the company's OpenID Connect provider (issuer, client, a write-only
// secret, the email domains it signs in, whether passwords stay allowed), "Test sign-in" (opens
// the flow in a new tab, which shows the claims received), and the group → role mapping table.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../session/errors.ts';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { NotAdministered, useAdministeredCompany } from '../credentials/admin-company.tsx';
import { GroupMappingTable } from './GroupMappingTable.tsx';
import { formValuesOf, inputOf, type SsoFormValues } from './sso-form.ts';

const SsoSettingsQuery = graphql(`
  query SsoSettings($companyId: ID!) {
    identityProvider(companyId: $companyId) {
      companyId
      configured
      issuerUrl
      clientId
      hasClientSecret
      allowedDomains
      passwordSignInAllowed
      justInTimeProvisioning
      groupsClaim
      groupsOnly
      groupMappings {
        group
        roleId
        roleKey
        roleName
      }
    }
    roles {
      id
      key
      name
    }
  }
`);

const ConfigureMutation = graphql(`
  mutation ConfigureIdentityProvider($companyId: ID!, $input: IdentityProviderInput!) {
    configureIdentityProvider(companyId: $companyId, input: $input) {
      companyId
      configured
      hasClientSecret
    }
  }
`);

const TestMutation = graphql(`
  mutation StartIdentityProviderTest($companyId: ID!) {
    startIdentityProviderTest(companyId: $companyId)
  }
`);

export function SsoSettingsPage() {
  const { company } = useAdministeredCompany();
  if (!company) return <NotAdministered page="Single sign-on" />;
  return <SsoSettings key={company.id} companyId={company.id} companyName={company.name} />;
}

function SsoSettings({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { data, error, refetch } = useQuery(SsoSettingsQuery, {
    variables: { companyId },
    fetchPolicy: 'network-only',
  });
  const title = useId();
  if (error) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (!data) return <p role="status">Loading…</p>;
  const settings = data.identityProvider;
  return (
    <section aria-labelledby={title} className="sso-page">
      <h1 id={title}>Single sign-on</h1>
      <p className="muted">
        People of {companyName} whose email is in one of the domains below sign in with your identity provider (OpenID
        Connect). Register Tessera there with the redirect URI{' '}
        <code>{`${window.location.origin}/auth/sso/callback`}</code>.
      </p>
      <SettingsForm
        companyId={companyId}
        initial={formValuesOf(settings)}
        configured={settings.configured}
        hasClientSecret={settings.hasClientSecret}
        onSaved={() => void refetch()}
      />
      {settings.configured && (
        <GroupMappingTable
          companyId={companyId}
          mappings={settings.groupMappings}
          roles={data.roles}
          groupsOnly={settings.groupsOnly}
          onSaved={() => void refetch()}
        />
      )}
    </section>
  );
}

function SettingsForm({
  companyId,
  initial,
  configured,
  hasClientSecret,
  onSaved,
}: {
  companyId: string;
  initial: SsoFormValues;
  configured: boolean;
  hasClientSecret: boolean;
  onSaved(): void;
}) {
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [configure, { loading, error }] = useMutation(ConfigureMutation);
  const [startTest, test] = useMutation(TestMutation);
  const base = useId();
  const set = <K extends keyof SsoFormValues>(key: K, value: SsoFormValues[K]) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const res = await configure({ variables: { companyId, input: inputOf(values) } }).catch(() => null);
    if (!res?.data) return;
    setValues((v) => ({ ...v, clientSecret: '' }));
    setSaved(true);
    onSaved();
  }

  async function runTest() {
    // The tab opens now (a popup blocker allows it: it follows the click), the address comes after.
    const tab = window.open('about:blank', '_blank');
    const res = await startTest({ variables: { companyId } }).catch(() => null);
    const path = res?.data?.startIdentityProviderTest;
    if (tab && path) tab.location.href = path;
    else tab?.close();
  }

  const text = (key: 'issuerUrl' | 'clientId' | 'groupsClaim', label: string, hint: string) => (
    <div className="field">
      <label htmlFor={`${base}-${key}`}>{label}</label>
      <input id={`${base}-${key}`} value={values[key]} onChange={(e) => set(key, e.target.value)} required />
      <p className="muted small">{hint}</p>
    </div>
  );
  const check = (key: 'passwordSignInAllowed' | 'justInTimeProvisioning' | 'groupsOnly', label: string) => (
    <label className="check">
      <input type="checkbox" checked={values[key]} onChange={(e) => set(key, e.target.checked)} /> {label}
    </label>
  );

  return (
    <form onSubmit={onSubmit} aria-busy={loading} className="sso-form">
      {text('issuerUrl', 'Issuer URL', 'e.g. https://accounts.google.com; its discovery document is read at sign-in.')}
      {text('clientId', 'Client ID', 'The application (client) ID your provider gave Tessera.')}
      <div className="field">
        <label htmlFor={`${base}-secret`}>Client secret</label>
        <input
          id={`${base}-secret`}
          type="password"
          autoComplete="new-password"
          value={values.clientSecret}
          placeholder={hasClientSecret ? 'Stored (never shown): type to replace' : 'None stored'}
          onChange={(e) => set('clientSecret', e.target.value)}
        />
        <p className="muted small">Write-only: it is sealed on the server and never shown again.</p>
      </div>
      <div className="field">
        <label htmlFor={`${base}-domains`}>Email domains</label>
        <input
          id={`${base}-domains`}
          value={values.allowedDomains}
          onChange={(e) => set('allowedDomains', e.target.value)}
          required
        />
        <p className="muted small">Separated by commas. A domain signs in through one company only.</p>
      </div>
      {text('groupsClaim', 'Groups claim', 'The ID token claim listing the groups (often "groups").')}
      {check('passwordSignInAllowed', 'People of these domains may still sign in with a password')}
      {check('justInTimeProvisioning', 'Create an account at first sign-in even without a group mapping')}
      {check('groupsOnly', 'Groups only: roles granted by hand are removed at sign-in')}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {saved && (
        <p className="notice" role="status">
          Saved.
        </p>
      )}
      {test.error && (
        <p className="error" role="alert">
          {errorMessage(test.error)}
        </p>
      )}
      <div className="actions start">
        <button type="submit" className="primary" disabled={loading}>
          {configured ? 'Save' : 'Turn on single sign-on'}
        </button>
        {configured && (
          <button type="button" onClick={() => void runTest()}>
            Test sign-in
          </button>
        )}
      </div>
    </form>
  );
}
