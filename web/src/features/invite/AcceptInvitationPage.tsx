// /invite/:token, the link an invitation sends: what it offers (company, roles, address), then
// accept (a new account: name and password; an existing one: signed in as it) or decline. It
// renders signed in or not (App.tsx), outside the app's shell: the person may have no account yet.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { graphql } from '../../gql';
import { signIn, signOut, useToken } from '../../session/auth.ts';
import { errorMessage } from '../../session/errors.ts';
import { FieldHint } from '../../ui/fields.tsx';

const InvitationQuery = graphql(`
  query InvitationByLink($token: String!) {
    invitation(token: $token) {
      companyName
      roles
      email
      status
    }
  }
`);

const AcceptMutation = graphql(`
  mutation AcceptInvitation($token: String!, $name: String, $password: String) {
    acceptInvitation(token: $token, name: $name, password: $password) {
      token
    }
  }
`);

const DeclineMutation = graphql(`
  mutation DeclineInvitation($token: String!) {
    declineInvitation(token: $token)
  }
`);

const SignInForInvitation = graphql(`
  mutation SignInForInvitation($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
    }
  }
`);

const SignedInAs = graphql(`
  query SignedInAs {
    me {
      email
    }
  }
`);

const MIN_PASSWORD = 12;

/** The token of an /invite/<token> address, or null for any other path. */
export function invitationTokenOf(pathname: string): string | null {
  const match = /^\/invite\/([A-Za-z0-9_-]{1,200})\/?$/.exec(pathname);
  return match ? match[1]! : null;
}

/** Into the app, reloaded: the person's companies and roles have just changed. */
function enterApp(token: string | null) {
  if (token) signIn(token);
  window.location.assign('/');
}

export function AcceptInvitationPage({ token }: { token: string }) {
  const session = useToken();
  const { data, error, loading } = useQuery(InvitationQuery, { variables: { token }, fetchPolicy: 'network-only' });
  const [accept, accepting] = useMutation(AcceptMutation);
  const [decline, declining] = useMutation(DeclineMutation);
  const [login, signingIn] = useMutation(SignInForInvitation);
  const me = useQuery(SignedInAs, { skip: !session, fetchPolicy: 'network-only' }).data?.me ?? null;
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<{ text: string; needsSignIn: boolean } | null>(null);
  const [declined, setDeclined] = useState(false);
  const ids = { title: useId(), name: useId(), password: useId() };

  // Signed in as the invited address: the roles are added to that account, nothing to fill in.
  const asInvited = me !== null && data !== undefined && me.email === data.invitation.email;

  async function onAccept(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Nothing typed: the server tells whether the address already has an account (then: sign in).
    const typed = name.trim() !== '' || password !== '';
    if (!asInvited && typed && !name.trim()) return setProblem({ text: 'Enter your name.', needsSignIn: false });
    if (!asInvited && typed && password.length < MIN_PASSWORD)
      return setProblem({ text: `Choose a password of at least ${MIN_PASSWORD} characters.`, needsSignIn: false });
    try {
      const res = await accept({
        variables: asInvited || !typed ? { token } : { token, name: name.trim(), password },
      });
      if (res.data) enterApp(res.data.acceptInvitation.token ?? null);
    } catch (e) {
      // An account with this address exists: the person signs in with it, here, then accepts.
      const code = CombinedGraphQLErrors.is(e) ? e.errors[0]?.extensions?.code : undefined;
      setProblem({ text: errorMessage(e), needsSignIn: code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' });
    }
  }

  async function onSignIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      if (session) signOut();
      const res = await login({ variables: { email: data!.invitation.email, password } });
      if (res.data) {
        signIn(res.data.login.token);
        setProblem(null);
        setPassword('');
      }
    } catch (e) {
      setProblem({ text: errorMessage(e), needsSignIn: true });
    }
  }

  async function onDecline() {
    try {
      await decline({ variables: { token } });
      setDeclined(true);
    } catch (e) {
      setProblem({ text: errorMessage(e), needsSignIn: false });
    }
  }

  return (
    <main className="signin" id="main">
      <div className="signin-card">
        <div className="signin-form">
          <h1 className="brand">Tessera</h1>
          {loading ? (
            <p role="status">Opening your invitation…</p>
          ) : error || !data ? (
            <>
              <h2>This link does not work</h2>
              <p role="alert">{error ? errorMessage(error) : 'The invitation could not be opened.'}</p>
              <a href="/">Go to Tessera</a>
            </>
          ) : declined ? (
            <>
              <h2>Invitation declined</h2>
              <p role="status">You declined to join {data.invitation.companyName}. Nothing was created for you.</p>
            </>
          ) : (
            <section aria-labelledby={ids.title}>
              <h2 id={ids.title}>Join {data.invitation.companyName}</h2>
              <p>
                You are invited as <strong>{data.invitation.roles.join(', ')}</strong>, with the address{' '}
                <strong>{data.invitation.email}</strong>.
              </p>
              {problem?.needsSignIn ? (
                <form onSubmit={(e) => void onSignIn(e)} aria-label="Sign in to accept">
                  <p role="alert" className="error">
                    {problem.text}
                  </p>
                  <label htmlFor={ids.password}>Password of {data.invitation.email}</label>
                  <input
                    id={ids.password}
                    type="password"
                    autoComplete="current-password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                  />
                  <button type="submit" className="primary" disabled={signingIn.loading}>
                    {signingIn.loading ? 'Signing in…' : 'Sign in'}
                  </button>
                </form>
              ) : (
                <form onSubmit={(e) => void onAccept(e)} noValidate aria-label="Accept the invitation">
                  {me && !asInvited && (
                    <p className="small muted">
                      You are signed in as {me.email}. Accepting makes a new account for {data.invitation.email}.
                    </p>
                  )}
                  {!asInvited && (
                    <>
                      <label htmlFor={ids.name}>Your name</label>
                      <input id={ids.name} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
                      <label htmlFor={ids.password}>Choose a password</label>
                      <input
                        id={ids.password}
                        type="password"
                        autoComplete="new-password"
                        value={password}
                        onChange={(e) => setPassword(e.target.value)}
                        aria-describedby={`${ids.password}-hint`}
                      />
                      <FieldHint
                        id={`${ids.password}-hint`}
                        hint={`At least ${MIN_PASSWORD} characters. Already have an account with this address? Leave both empty and press Accept.`}
                      />
                    </>
                  )}
                  {problem && (
                    <p role="alert" className="error">
                      {problem.text}
                    </p>
                  )}
                  <div className="actions">
                    <button type="submit" className="primary" disabled={accepting.loading}>
                      {accepting.loading ? 'Accepting…' : 'Accept'}
                    </button>
                    <button type="button" onClick={() => void onDecline()} disabled={declining.loading}>
                      Decline
                    </button>
                  </div>
                </form>
              )}
            </section>
          )}
        </div>
      </div>
    </main>
  );
}
