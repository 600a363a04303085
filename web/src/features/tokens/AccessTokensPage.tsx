// Access tokens: personal tokens for scripts and tools (GraphQL at /graphql, MCP at /mcp). Each
// acts as the signed-in person in one company, the header's choice, where they hold a role.
// A new token is shown once; the list shows what each is, never the token.
import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useCompany, useMe } from '../../company/company-context.tsx';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { NoCompany } from '../apis/MyApisPage.tsx';
import { CreateTokenForm } from './CreateTokenForm.tsx';
import { NewTokenNotice } from './NewTokenNotice.tsx';
import { TokenItem } from './TokenItem.tsx';
import './tokens.css';

const MyAccessTokensQuery = graphql(`
  query MyAccessTokens($companyId: ID) {
    accessTokens(companyId: $companyId) {
      id
      name
      prefix
      readOnly
      status
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
    }
  }
`);

export function AccessTokensPage() {
  const { company } = useCompany();
  const me = useMe();
  if (!company) return <NoCompany />;
  // Administration alone is not enough: a token acts as its owner, who must hold a role there.
  const member = me.memberships.some((m) => m.company.id === company.id);
  // A new company starts a fresh page: no half-filled form or shown token carries over.
  return <AccessTokens key={company.id} companyId={company.id} companyName={company.name} member={member} />;
}

function AccessTokens({ companyId, companyName, member }: { companyId: string; companyName: string; member: boolean }) {
  const { data, error, refetch } = useQuery(MyAccessTokensQuery, {
    variables: { companyId },
    fetchPolicy: 'cache-and-network',
  });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const titleId = useId();
  const listId = useId();

  let body;
  if (error && !data) body = <ErrorNotice error={error} onRetry={() => void refetch()} />;
  else if (!data) body = <p role="status">Loading tokens…</p>;
  else if (data.accessTokens.length === 0) body = <p className="empty">You have no token for {companyName} yet.</p>;
  else {
    body = (
      <ul className="token-list" aria-labelledby={listId}>
        {data.accessTokens.map((t) => (
          <li key={t.id}>
            <TokenItem token={t} onRevoked={(name) => setNotice(`Revoked “${name}”. It no longer works.`)} />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section aria-labelledby={titleId} className="token-page">
      <div className="title-row">
        <h1 id={titleId}>Access tokens</h1>
        {member && !creating && !created && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            New token
          </button>
        )}
      </div>
      <p className="muted">
        Personal tokens let scripts and tools call Tessera as you, in one company, with{' '}
        <code>Authorization: Bearer</code>. A token can only do what you can do there, and a read-only one can change
        nothing. Tokens expire; revoke one as soon as you no longer need it.
      </p>
      {!member && (
        <p className="notice">
          You hold no role at {companyName}, so you cannot make a token for it. Choose a company where you have a role
          in the header.
        </p>
      )}
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {created && <NewTokenNotice token={created.token} name={created.name} onDone={() => setCreated(null)} />}
      {creating && (
        <CreateTokenForm
          companyId={companyId}
          companyName={companyName}
          onCancel={() => setCreating(false)}
          onCreated={async (made) => {
            setCreating(false);
            setCreated(made);
            await refetch();
          }}
        />
      )}
      <h2 id={listId} className="token-list-title">
        Your tokens for {companyName}
      </h2>
      {body}
    </section>
  );
}
