// Admin → People → Invitations for the company chosen in the header: invite an address with
// roles, and the invitations still open (pending or expired) with Resend and Revoke. With a
// mail server the link is mailed; without one the server returns it here, to pass on.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../session/errors.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { FieldHint } from '../../../ui/fields.tsx';
import { dayOf, expiryText, validateInvite, type InviteErrors } from './invitations.ts';

const InvitationsQuery = graphql(`
  query CompanyInvitations($companyId: ID!) {
    invitations(companyId: $companyId) {
      id
      email
      status
      sentAt
      expiresAt
      roles {
        id
        name
      }
    }
    roles {
      id
      name
      description
    }
  }
`);

const InviteMutation = graphql(`
  mutation InviteToCompany($input: InviteInput!) {
    inviteToCompany(input: $input) {
      emailed
      acceptUrl
      invitation {
        id
        email
      }
    }
  }
`);

const ResendMutation = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      emailed
      acceptUrl
      invitation {
        id
        email
      }
    }
  }
`);

const RevokeMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
    }
  }
`);

const REFETCH = ['CompanyInvitations'];

type Sent = { emailed: boolean; acceptUrl?: string | null; invitation: { email: string } };
type Message = { kind: 'ok' | 'error'; text: string; link?: string } | null;

function sentMessage(sent: Sent, verb: string): Message {
  if (sent.emailed) return { kind: 'ok', text: `${verb}: the link was mailed to ${sent.invitation.email}.` };
  return {
    kind: 'ok',
    text: `${verb}. No mail server is configured: send this link to ${sent.invitation.email} yourself. It works once, for 7 days.`,
    link: sent.acceptUrl ?? undefined,
  };
}

export function InvitationsPanel({ company }: { company: { id: string; name: string } }) {
  const { data, error, refetch } = useQuery(InvitationsQuery, {
    variables: { companyId: company.id },
    fetchPolicy: 'cache-and-network',
  });
  const [invite, inviting] = useMutation(InviteMutation);
  const [resend] = useMutation(ResendMutation);
  const [revoke] = useMutation(RevokeMutation);
  const [email, setEmail] = useState('');
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<InviteErrors>({});
  const [message, setMessage] = useState<Message>(null);
  const ids = { title: useId(), email: useId(), roles: useId(), list: useId() };

  async function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateInvite({ email, roleIds });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const res = await invite({
        variables: { input: { companyId: company.id, email: email.trim(), roleIds } },
        refetchQueries: REFETCH,
        awaitRefetchQueries: true,
      });
      if (res.data) setMessage(sentMessage(res.data.inviteToCompany, 'Invited'));
      setEmail('');
      setRoleIds([]);
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }

  async function onResend(id: string) {
    try {
      const res = await resend({ variables: { id }, refetchQueries: REFETCH, awaitRefetchQueries: true });
      if (res.data)
        setMessage(sentMessage(res.data.resendInvitation, 'Sent again with a new link (the old one no longer works)'));
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }

  async function onRevoke(id: string, to: string) {
    try {
      await revoke({ variables: { id }, refetchQueries: REFETCH, awaitRefetchQueries: true });
      setMessage({ kind: 'ok', text: `Revoked: the invitation of ${to} no longer works.` });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }

  const toggleRole = (id: string, on: boolean) =>
    setRoleIds((current) => (on ? [...current, id] : current.filter((r) => r !== id)));

  return (
    <section className="panel invitations" aria-labelledby={ids.title}>
      <h2 id={ids.title}>Invitations to {company.name}</h2>
      <p className="small muted">
        People join {company.name} by accepting an invitation: they choose their own password, or decline. Until then
        the invitation gives them nothing.
      </p>
      <form className="invite-form" onSubmit={(e) => void onInvite(e)} noValidate aria-label="Invite someone">
        <div className="field">
          <label htmlFor={ids.email}>Email to invite</label>
          <input
            id={ids.email}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={`${ids.email}-hint`}
          />
          <FieldHint
            id={`${ids.email}-hint`}
            hint="They get a link that works once, for 7 days."
            error={errors.email}
          />
        </div>
        <fieldset className="field invite-roles" aria-describedby={`${ids.roles}-hint`}>
          <legend>Roles</legend>
          {data?.roles.map((role) => (
            <label key={role.id} className="checkbox" title={role.description ?? undefined}>
              <input
                type="checkbox"
                checked={roleIds.includes(role.id)}
                onChange={(e) => toggleRole(role.id, e.target.checked)}
              />
              {role.name}
            </label>
          ))}
          <FieldHint id={`${ids.roles}-hint`} hint="What they may do here once they accept." error={errors.roleIds} />
        </fieldset>
        <button type="submit" className="primary" disabled={inviting.loading}>
          {inviting.loading ? 'Inviting…' : 'Invite'}
        </button>
      </form>

      <div className={message?.kind === 'error' ? 'error invite-message' : 'invite-message'} role="status">
        {message?.text}
        {message?.link && (
          <input
            className="invite-link"
            readOnly
            value={message.link}
            aria-label="Invitation link"
            onFocus={(e) => e.target.select()}
          />
        )}
      </div>

      <h3 id={ids.list}>Open invitations</h3>
      {error && !data ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <p role="status">Loading invitations…</p>
      ) : data.invitations.length === 0 ? (
        <p className="small">No open invitations.</p>
      ) : (
        <table className="invitations-table" aria-labelledby={ids.list}>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Roles</th>
              <th scope="col">Sent</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.invitations.map((inv) => (
              <tr key={inv.id}>
                <td>{inv.email}</td>
                <td>{inv.roles.map((r) => r.name).join(', ')}</td>
                <td>{dayOf(inv.sentAt)}</td>
                <td className={inv.status === 'EXPIRED' ? 'error' : undefined}>{expiryText(inv.expiresAt)}</td>
                <td className="invitation-actions">
                  <button type="button" onClick={() => void onResend(inv.id)} aria-label={`Resend to ${inv.email}`}>
                    Resend
                  </button>
                  <ConfirmButton
                    aria-label={`Revoke the invitation of ${inv.email}`}
                    title={`Revoke the invitation of ${inv.email}?`}
                    message={<p>The link stops working at once. You can invite {inv.email} again later.</p>}
                    confirmLabel="Revoke"
                    onConfirm={() => onRevoke(inv.id, inv.email)}
                  >
                    Revoke
                  </ConfirmButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
