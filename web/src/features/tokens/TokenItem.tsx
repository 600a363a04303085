// One token in the list: what it is (never the token), its state, when it was last used, and
// Revoke (after a confirmation) while it still works.
import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { MyAccessTokensQuery } from '../../gql/graphql.ts';
import { errorMessage } from '../../session/errors.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { formatWhen } from '../admin/credentials/credential-groups.ts';
import { formatExpiry, STATUS_INFO } from './token-status.ts';

const RevokeAccessTokenMutation = graphql(`
  mutation RevokeAccessToken($id: ID!) {
    revokeAccessToken(id: $id) {
      id
      status
      revokedAt
    }
  }
`);

export type AccessTokenEntry = MyAccessTokensQuery['accessTokens'][number];

function When({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <>never</>;
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()}>
      {formatWhen(iso)}
    </time>
  );
}

export function TokenItem({ token, onRevoked }: { token: AccessTokenEntry; onRevoked(name: string): void }) {
  const [revoke] = useMutation(RevokeAccessTokenMutation);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const status = STATUS_INFO[token.status];

  async function onRevoke() {
    setError(null);
    try {
      await revoke({ variables: { id: token.id } });
      onRevoked(token.name);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <article className="record token-item" aria-labelledby={titleId}>
      <div className="record-head">
        <div className="record-title">
          <h3 id={titleId}>{token.name}</h3>
          <span className="small muted">
            <code>{token.prefix}…</code> · {token.readOnly ? 'read-only' : 'read & write'}
          </span>
        </div>
        <span className={`badge token-status token-status-${status.tone}`}>{status.label}</span>
      </div>
      <p className="small muted token-times">
        Created <When iso={token.createdAt} /> · Last used <When iso={token.lastUsedAt} /> ·{' '}
        {token.status === 'REVOKED' ? (
          <>
            Revoked <When iso={token.revokedAt} />
          </>
        ) : (
          <>
            {token.status === 'EXPIRED' ? 'Expired' : 'Expires'} {formatExpiry(token.expiresAt)}
          </>
        )}
      </p>
      {token.status === 'ACTIVE' && (
        <div className="token-actions">
          <ConfirmButton
            aria-label={`Revoke ${token.name}`}
            title={`Revoke “${token.name}”?`}
            confirmLabel="Revoke"
            message={
              <p>
                Scripts and tools that use it stop working at once. This cannot be undone: make a new token if you need
                one again.
              </p>
            }
            onConfirm={onRevoke}
          >
            Revoke
          </ConfirmButton>
          {error && (
            <p className="small field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </article>
  );
}
