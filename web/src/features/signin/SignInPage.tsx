import { useEffect, useId, useState, type FormEvent } from 'react';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { signIn, takeSignOutNotice } from '../../session/auth.ts';
import { errorMessage } from '../../session/errors.ts';

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      user {
        id
        name
      }
    }
  }
`);

const DemoLoginsQuery = graphql(`
  query DemoLogins {
    demoLogins {
      email
      note
    }
  }
`);

const SignInMethodQuery = graphql(`
  query SignInMethod($email: String!) {
    signInMethod(email: $email) {
      method
      startUrl
      passwordAllowed
    }
  }
`);

const DEMO_PASSWORD = 'tessera-demo';
const LOOKS_LIKE_EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The email comes first: its domain decides whether the person goes to their company's identity
 * provider, types a password, or may choose (the server answers by the domain alone).
 */
function useSignInMethod(email: string) {
  const [lookUp, { data }] = useLazyQuery(SignInMethodQuery);
  const trimmed = email.trim();
  useEffect(() => {
    if (!LOOKS_LIKE_EMAIL.test(trimmed)) return;
    const timer = setTimeout(() => void lookUp({ variables: { email: trimmed } }), 250);
    return () => clearTimeout(timer);
  }, [trimmed, lookUp]);
  const method = LOOKS_LIKE_EMAIL.test(trimmed) ? data?.signInMethod : undefined;
  return method?.method === 'SSO' ? method : null;
}

export function SignInPage() {
  // Only a demo installation lists personas; elsewhere the list is empty and not shown.
  const demoLogins = useQuery(DemoLoginsQuery).data?.demoLogins ?? [];
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [notice] = useState(takeSignOutNotice);
  const [login, { loading, error }] = useMutation(SignInMutation);
  const ids = { email: useId(), password: useId(), demo: useId() };
  const sso = useSignInMethod(email);
  const passwordShown = !sso || sso.passwordAllowed;

  function continueWithSso() {
    if (sso?.startUrl) window.location.assign(sso.startUrl);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!passwordShown) return continueWithSso();
    const { data } = await login({ variables: { email, password } }).catch(() => ({ data: undefined }));
    if (data) signIn(data.login.token);
  }

  function fillDemo(demoEmail: string) {
    setEmail(demoEmail);
    setPassword(DEMO_PASSWORD);
    document.getElementById(ids.password)?.focus();
  }

  return (
    <main className="signin">
      <div className="signin-card">
        <div className="signin-form">
          <h1 className="brand">Tessera</h1>
          <p className="muted">Sign in to see the business APIs your roles give you.</p>

          {notice && !error && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}

          <form onSubmit={onSubmit} aria-busy={loading}>
            <label htmlFor={ids.email}>Email</label>
            <input
              id={ids.email}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            {sso && (
              <div className="signin-sso">
                <button type="button" className={passwordShown ? '' : 'primary'} onClick={continueWithSso}>
                  Continue with your company's sign-in
                </button>
                {passwordShown && <p className="muted small">or use your password:</p>}
              </div>
            )}
            {passwordShown && (
              <>
                <label htmlFor={ids.password}>Password</label>
                <input
                  id={ids.password}
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </>
            )}
            {error && (
              <p className="error" role="alert">
                {errorMessage(error)}
              </p>
            )}
            {passwordShown && (
              <button type="submit" className="primary" disabled={loading}>
                {loading ? 'Signing in…' : 'Sign in'}
              </button>
            )}
          </form>
        </div>

        {demoLogins.length > 0 && (
          <section className="demo" aria-labelledby={ids.demo}>
            <h2 id={ids.demo}>Demo logins</h2>
            <p className="muted">
              Every demo user's password is <code>{DEMO_PASSWORD}</code>. Choose one to fill in the form.
            </p>
            <ul>
              {demoLogins.map((demo) => (
                <li key={demo.email}>
                  <button type="button" className="demo-login" onClick={() => fillDemo(demo.email)}>
                    <span className="demo-email">{demo.email}</span>
                    <span className="muted small">{demo.note}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
